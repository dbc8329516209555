import { parseIsoDate, type IsoDate } from "../../domain/calendar/isoDate.js";
import { isNation } from "../../domain/calendar/nation.js";
import { parseCaseRef } from "../../domain/caseload/caseRef.js";
import { planStart, type Cancellation, type CaseContact, type ChildCase, type EarlierPeriod, type HeldReview, type LateReason, type Placement, type RagEntry } from "../../domain/caseload/childCase.js";
import type { MinutesSent } from "../../domain/records/meetingRecords.js";
import type { ConsultationRequest } from "../../domain/consultation/consultationRequest.js";
import type { Proposal } from "../../domain/proposals/proposal.js";
import type { EarlyReview } from "../../domain/timescales/timescaleCase.js";

/**
 * The case register as a SharePoint list: one item per child, one column per field. Lists of
 * things (reviews, contacts, RAG history) are JSON in multi-line text columns, the usual way to
 * keep structured history in a list without a lookup list per kind.
 */
export const CASE_REGISTER_COLUMNS = [
  "Title", "ChildName", "DateOfBirth", "Nation", "IRO", "SocialWorker", "TeamManager",
  "LegalStatus", "ShortBreaks", "LACStart", "LACReviews", "LACEnded", "LACEarlierPeriods", "LACEarlyReviews",
  "CPChair", "StrategyDiscussions", "S47Discussion", "S47Start", "TransferIn", "PreBirth", "Born", "ICPC", "ICPCMinutes", "CPCategory", "CPReviews", "CPEnded",
  "AdoptionPlaced", "AdoptionReviews", "AdoptionEnded", "SecurePlaced", "SecureReviews", "SecureEnded",
  "Contacts", "RAGHistory", "LateReasons", "Cancellations", "Proposal", "Consultations",
] as const;

export type CaseRegisterFields = Partial<Record<(typeof CASE_REGISTER_COLUMNS)[number], string | number | boolean | null>>;

export function toRegisterFields(c: ChildCase): CaseRegisterFields {
  return {
    Title: c.ref,
    ChildName: c.childName,
    DateOfBirth: c.dateOfBirth,
    Nation: c.nation,
    IRO: c.iro,
    SocialWorker: c.socialWorker,
    TeamManager: c.teamManager,
    LegalStatus: c.lac?.legalStatus ?? null,
    ShortBreaks: c.lac?.shortBreaks ?? false,
    LACStart: c.lac?.periodStart ?? null,
    LACReviews: c.lac ? JSON.stringify(c.lac.reviews) : null,
    LACEnded: c.lac?.ended ?? null,
    LACEarlierPeriods: c.lac ? JSON.stringify(c.lac.earlierPeriods) : null,
    LACEarlyReviews: c.lac?.earlyReviews?.length ? JSON.stringify(c.lac.earlyReviews) : null,
    CPChair: c.cp?.chair ?? null,
    StrategyDiscussions: c.cp ? JSON.stringify(c.cp.strategyDiscussions) : null,
    S47Discussion: c.cp?.s47Discussion ?? null,
    S47Start: c.cp?.s47Start ?? null,
    TransferIn: c.cp?.transferIn ?? null,
    PreBirth: c.cp?.preBirth ?? false,
    Born: c.cp?.born ?? null,
    ICPC: c.cp?.icpc ?? null,
    ICPCMinutes: c.cp?.icpcMinutes ? JSON.stringify(c.cp.icpcMinutes) : null,
    CPCategory: c.cp?.category ?? null,
    CPReviews: c.cp ? JSON.stringify(c.cp.reviews) : null,
    CPEnded: c.cp?.ended ?? null,
    AdoptionPlaced: c.adoption?.placed ?? null,
    AdoptionReviews: c.adoption ? JSON.stringify(c.adoption.reviews) : null,
    AdoptionEnded: c.adoption?.ended ?? null,
    SecurePlaced: c.secure?.placed ?? null,
    SecureReviews: c.secure ? JSON.stringify(c.secure.reviews) : null,
    SecureEnded: c.secure?.ended ?? null,
    Contacts: JSON.stringify(c.contacts),
    RAGHistory: JSON.stringify(c.rag),
    LateReasons: JSON.stringify(c.lateReasons),
    Cancellations: c.cancellations?.length ? JSON.stringify(c.cancellations) : null,
    Proposal: c.proposal ? JSON.stringify(c.proposal) : null,
    Consultations: c.consultations && c.consultations.length > 0 ? JSON.stringify(c.consultations) : null,
  };
}

/** A register item back into a case; a field that cannot be read is a problem named by column. */
export function fromRegisterFields(fields: Readonly<Record<string, unknown>>): { childCase: ChildCase | null; ref: string | null; problems: string[] } {
  const problems: string[] = [];
  const text = (column: string): string | null => {
    const v = fields[column];
    return typeof v === "string" && v.trim() !== "" ? v.trim() : null;
  };
  const date = (column: string): IsoDate | null => {
    const v = text(column);
    if (v === null) return null;
    const parsed = parseIsoDate(v.slice(0, 10));
    if (!parsed) problems.push(`${column}: "${v}" is not a date`);
    return parsed ?? null;
  };
  const json = <T>(column: string, fallback: T): T => {
    const v = text(column);
    if (v === null) return fallback;
    try {
      return JSON.parse(v) as T;
    } catch {
      problems.push(`${column}: not readable`);
      return fallback;
    }
  };
  const ref = parseCaseRef(text("Title") ?? "");
  if (!ref) problems.push("Title: no case reference");
  const nation = text("Nation") ?? "england";
  if (!isNation(nation)) problems.push(`Nation: "${nation}" is not a UK nation`);
  const dateOfBirth = date("DateOfBirth");
  const lacStart = date("LACStart");
  const icpc = date("ICPC");
  const strategyDiscussions = json<IsoDate[]>("StrategyDiscussions", []);
  const s47Discussion = date("S47Discussion");
  const s47Start = date("S47Start");
  const transferIn = date("TransferIn");
  const born = date("Born");
  const preBirth = fields.PreBirth === true;
  // A placement for adoption or in secure accommodation, with its reviews, when the child has one.
  const placement = (prefix: "Adoption" | "Secure"): Placement | null => {
    const placed = date(`${prefix}Placed`);
    return placed ? { placed, reviews: json<HeldReview[]>(`${prefix}Reviews`, []), ended: date(`${prefix}Ended`) } : null;
  };
  const adoption = placement("Adoption");
  const secure = placement("Secure");
  const childCase: ChildCase | null =
    ref && isNation(nation) && dateOfBirth
      ? {
          ref,
          childName: text("ChildName") ?? "",
          dateOfBirth,
          nation,
          iro: text("IRO"),
          socialWorker: text("SocialWorker"),
          teamManager: text("TeamManager"),
          lac: lacStart
            ? {
                periodStart: lacStart,
                legalStatus: text("LegalStatus") ?? "",
                shortBreaks: fields.ShortBreaks === true,
                reviews: json<HeldReview[]>("LACReviews", []),
                ended: date("LACEnded"),
                earlierPeriods: json<EarlierPeriod[]>("LACEarlierPeriods", []),
                ...(text("LACEarlyReviews") !== null ? { earlyReviews: json<EarlyReview[]>("LACEarlyReviews", []) } : {}),
              }
            : null,
          // A plan starts from a strategy discussion, the s.47 enquiry's start, or another authority's notice of a transfer in.
          cp:
            strategyDiscussions.length > 0 || s47Start || transferIn
              ? {
                  chair: text("CPChair"),
                  strategyDiscussions,
                  ...planStart({ s47Discussion, s47Start, transferIn, preBirth, born }),
                  icpc,
                  ...(text("ICPCMinutes") !== null ? { icpcMinutes: json<MinutesSent>("ICPCMinutes", {}) } : {}),
                  category: text("CPCategory"),
                  reviews: json<HeldReview[]>("CPReviews", []),
                  ended: date("CPEnded"),
                }
              : null,
          ...(adoption ? { adoption } : {}),
          ...(secure ? { secure } : {}),
          contacts: json<CaseContact[]>("Contacts", []),
          rag: json<RagEntry[]>("RAGHistory", []),
          lateReasons: json<LateReason[]>("LateReasons", []),
          ...(text("Cancellations") !== null ? { cancellations: json<Cancellation[]>("Cancellations", []) } : {}),
          ...(text("Proposal") !== null ? { proposal: json<Proposal | null>("Proposal", null) } : {}),
          ...(text("Consultations") !== null ? { consultations: json<ConsultationRequest[]>("Consultations", []) } : {}),
        }
      : null;
  if (ref && text("DateOfBirth") === null) problems.push("DateOfBirth: missing");
  return { childCase: problems.length === 0 ? childCase : null, ref: ref ?? null, problems };
}
