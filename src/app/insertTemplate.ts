import type { RenderedEmail } from "../domain/templates/emailTemplate.js";
import type { CaseStore, StoredCase } from "../ports/CaseStore.js";
import { ConflictError } from "../ports/errors.js";
import type { ComposeForm } from "../ports/Host.js";
import type { RagEntry } from "../domain/caseload/childCase.js";

/**
 * Puts a rendered template into the email being written: at the cursor, as HTML or as plain text
 * to match the email; the subject gets the classification marking (the template's subject when
 * the email has none yet).
 */
export async function insertTemplate(compose: ComposeForm, email: RenderedEmail, classification: string, signal?: AbortSignal): Promise<void> {
  await compose.insert(email, await compose.bodyType(signal), signal);
  if (!compose.subject || !compose.setSubject) return; // a web form: the marking is the body's first line
  const subject = (await compose.subject(signal)).trim();
  const marking = `[${classification}]`;
  if (subject === "") await compose.setSubject(email.subject, signal);
  else if (!subject.includes(marking)) await compose.setSubject(`${marking} ${subject}`, signal);
}

/**
 * Keeps the RAG rating in the child's history. On a conflict the case is read again and the
 * rating added to that version, so another person's change is never lost.
 */
export async function recordRag(cases: CaseStore, stored: StoredCase, entry: RagEntry, signal?: AbortSignal): Promise<StoredCase> {
  const add = (s: StoredCase) => cases.updateCase(s.id, s.version, { ...s.childCase, rag: [...s.childCase.rag, entry] }, signal);
  try {
    return await add(stored);
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    return add(await cases.readCase(stored.id, signal));
  }
}
