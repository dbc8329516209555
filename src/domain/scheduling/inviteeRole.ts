/**
 * Who someone invited to a review or conference is, as the invitation list shows it. Carers,
 * parents and partners come from the case's contacts; anyone else is a colleague, or "outside"
 * when their address is not the council's (attendeeList.ts, isOutsideCouncil).
 */
export type InviteeRole = "social-worker" | "team-manager" | "colleague" | "carer" | "parent" | "partner" | "outside";
