import type { RenderedEmail } from "../domain/templates/emailTemplate.js";
import type { CaseStore, StoredCase } from "../ports/CaseStore.js";
import type { ComposeForm } from "../ports/Host.js";
import type { RagEntry } from "../domain/caseload/childCase.js";
import { addToCase } from "./addToCase.js";

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

/** Keeps the RAG rating in the child's history, even if someone else changed the case meanwhile. */
export function recordRag(cases: CaseStore, stored: StoredCase, entry: RagEntry, signal?: AbortSignal): Promise<StoredCase> {
  return addToCase(cases, stored, (c) => ({ ...c, rag: [...c.rag, entry] }), signal);
}
