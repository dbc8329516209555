import type { ChildCase } from "../domain/caseload/childCase.js";
import { nameFromAddress } from "./bookReview.js";

/**
 * What someone is to a child's case, in words, so that every step that tells people can name
 * them with their part: "social worker", "team manager", "parent", "carer (Westmere Fostering)",
 * "partner (Westmere Academy)"; "" when the case does not name them.
 */
function roleOnCase(child: Pick<ChildCase, "socialWorker" | "teamManager" | "iro" | "contacts">, address: string): string {
  const a = address.toLowerCase();
  if (child.socialWorker?.toLowerCase() === a) return "social worker";
  if (child.teamManager?.toLowerCase() === a) return "team manager";
  if (child.iro?.toLowerCase() === a) return "IRO";
  const contact = child.contacts.find((c) => c.email.toLowerCase() === a);
  return contact ? `${contact.role}${contact.organisation ? ` (${contact.organisation})` : ""}` : "";
}

/** The people at these addresses as a step that tells them names them: name, role on the case, address. */
export function toldOnCase(child: Pick<ChildCase, "socialWorker" | "teamManager" | "iro" | "contacts">, people: readonly { readonly address: string; readonly name?: string | null }[]): { name: string; address: string; role: string }[] {
  // A contact's own name: the role already says their organisation.
  return people.map((p) => ({ name: child.contacts.find((c) => c.email.toLowerCase() === p.address.toLowerCase())?.name || p.name || nameFromAddress(p.address), address: p.address, role: roleOnCase(child, p.address) }));
}
