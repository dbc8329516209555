import type { ColumnKind, ColumnSpec, ListSpec } from "../../ports/SiteAdmin.js";
import { CASE_REGISTER_COLUMNS } from "./caseRegisterFields.js";
import { DISPUTE_COLUMNS } from "./disputeFields.js";
import { SETTINGS_COLUMNS } from "./graphSettingsStore.js";

/**
 * The SharePoint lists IRO Desk keeps a service's data in, column by column: what `iro-desk provision`
 * creates in a council's site and the sandbox's demo site is built from.
 *
 * Dates are single-line text (yyyy-mm-dd), not dateTime columns: SharePoint keeps a dateTime as an
 * instant and Graph gives a date-only value back as midnight UTC, which is the day before in a site
 * set to a zone east of UTC. Lists of things (reviews, contacts, history) are JSON in multi-line text.
 *
 * Indexed: the columns a query filters on, so SharePoint answers them at any size (it refuses a
 * filter on a column that is not indexed, and any such query on a list past 5,000 items):
 * the case reference (Title) and who holds the case (IRO, CPChair) in the register; a child's
 * disputes and the open ones (CaseRef, Status); the settings item by its Title. A multi-line text
 * column cannot be indexed in SharePoint.
 */
const REGISTER: Readonly<Record<(typeof CASE_REGISTER_COLUMNS)[number], ColumnKind>> = {
  Title: "text", ChildName: "text", DateOfBirth: "text", Nation: "text", IRO: "text", SocialWorker: "text", TeamManager: "text",
  LegalStatus: "text", ShortBreaks: "boolean", LACStart: "text", LACReviews: "note", LACEnded: "text", LACEarlierPeriods: "note", LACEarlyReviews: "note",
  CPChair: "text", StrategyDiscussions: "note", S47Discussion: "text", S47Start: "text", TransferIn: "text", PreBirth: "boolean", Born: "text",
  ICPC: "text", ICPCMinutes: "note", CPCategory: "text", CPReviews: "note", CPEnded: "text",
  AdoptionPlaced: "text", AdoptionReviews: "note", AdoptionEnded: "text", SecurePlaced: "text", SecureReviews: "note", SecureEnded: "text",
  Contacts: "note", RAGHistory: "note", LateReasons: "note", Cancellations: "note", Proposal: "note", Consultations: "note",
};
const DISPUTES: Readonly<Record<(typeof DISPUTE_COLUMNS)[number], ColumnKind>> = {
  Title: "text", CaseRef: "text", Theme: "text", Issue: "note", Status: "text", Stage: "number", RaisedBy: "text", Raised: "text",
  LinkedMessageId: "note", LinkedMessageLink: "note", History: "note",
};
const SETTINGS: Readonly<Record<(typeof SETTINGS_COLUMNS)[number], ColumnKind>> = { Title: "text", Service: "note", Templates: "note", Ladder: "note" };

function columns(kinds: Readonly<Record<string, ColumnKind>>, indexed: readonly string[]): ColumnSpec[] {
  return Object.entries(kinds).map(([name, kind]) => ({ name, kind, indexed: indexed.includes(name) }));
}

/** The three lists, named as the configuration names them (IRO_DESK_LIST, IRO_DESK_DISPUTES_LIST, IRO_DESK_SETTINGS_LIST). */
export function iroDeskLists(names: { readonly register: string; readonly disputes: string; readonly settings: string }): readonly ListSpec[] {
  return [
    { name: names.register, description: "IRO Desk: the case register, one item per child.", columns: columns(REGISTER, ["Title", "IRO", "CPChair"]), holdsSettings: false },
    { name: names.disputes, description: "IRO Desk: disputes under the Dispute Resolution Protocol, with their history.", columns: columns(DISPUTES, ["CaseRef", "Status"]), holdsSettings: false },
    { name: names.settings, description: "IRO Desk: the service's one settings item (service settings, templates, dispute ladder).", columns: columns(SETTINGS, ["Title"]), holdsSettings: true },
  ];
}
