/**
 * Whether the people invited to a review may see each other in the invitation. A service chooses:
 * - "hidden-when-outside" (the default): hidden whenever anyone outside the council is invited (a
 *   carer, a parent, a partner agency, any address not on the council's own domain), so no family
 *   member, carer or partner learns another's name or email address from the invitation;
 * - "hidden": always hidden, staff-only meetings too;
 * - "shown": never hidden (a service that invites families by letter, not by calendar).
 * Hidden is Graph's event.hideAttendees: "each attendee only sees themselves in the meeting
 * request and meeting Tracking list" (learn.microsoft.com/graph/api/resources/event, v1.0).
 */
export type AttendeeListPolicy = "hidden-when-outside" | "hidden" | "shown";

export const ATTENDEE_LIST_POLICIES: readonly AttendeeListPolicy[] = ["hidden-when-outside", "hidden", "shown"];

/** The council as an invitation sees it: its mail domains, and the case's contacts (outside it whatever their address). */
export interface Council {
  readonly domains: readonly string[];
  readonly caseContacts: readonly string[];
}

/**
 * Someone outside the council: a contact on the child's case (carer, parent, partner) or an
 * address on another domain. isOutsideCouncil("jo@family.example", { domains: ["westmere.example"], caseContacts: [] }) = true.
 */
export function isOutsideCouncil(address: string, council: Council): boolean {
  const a = address.trim().toLowerCase();
  if (council.caseContacts.some((c) => c.trim().toLowerCase() === a)) return true;
  const domain = a.slice(a.lastIndexOf("@") + 1);
  return !council.domains.some((d) => d.toLowerCase() === domain);
}

/** Whether this invitation hides its attendee list under the service's policy. */
export function hidesAttendeeList(policy: AttendeeListPolicy, attendees: readonly { readonly address: string }[], council: Council): boolean {
  if (policy === "hidden") return true;
  if (policy === "shown") return false;
  return attendees.some((a) => isOutsideCouncil(a.address, council));
}
