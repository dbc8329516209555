import type { IsoDate } from "../domain/calendar/isoDate.js";
import { parseCaseRef } from "../domain/caseload/caseRef.js";
import { isNation, NATIONS, type Nation } from "../domain/calendar/nation.js";
import { parseUkDate } from "../domain/calendar/ukDate.js";
import { isTrack, TRACKS, type Track } from "../domain/timescales/ruleSets.js";
import { EARLY_REVIEW_REASONS, type CaseProblem, type EarlyReview, type EarlyReviewReason, type TimescaleCase } from "../domain/timescales/timescaleCase.js";
import { nearestName } from "./nearestName.js";

/** One case as a person or a spreadsheet wrote it: JSON values, or CSV cells with lists split by ";". */
export type CaseRecord = Readonly<Record<string, unknown>>;

export interface ReadCase {
  readonly ref: string | null;
  readonly timescaleCase: TimescaleCase | null;
  readonly errors: readonly CaseProblem[];
}

/** The fields every case may have, and those of each track. */
const COMMON_FIELDS = ["ref", "track", "nation", "reviews", "ended"] as const;
const TRACK_FIELDS: Readonly<Record<Track, readonly string[]>> = {
  lac: ["periodStart", "earlyReviews"],
  "short-breaks": ["periodStart", "earlyReviews"],
  cp: ["strategyDiscussions", "s47Discussion", "s47Start", "icpc", "transferIn", "preBirth", "born"],
  "foster-carer": ["approved"],
  adoption: ["placed"],
  secure: ["placed"],
};
/** Every field a cases file may have, in the order the documentation lists them. */
export const CASE_FIELDS: readonly string[] = [...new Set([...COMMON_FIELDS, ...Object.values(TRACK_FIELDS).flat()])];

/**
 * Why a field is not one IRO Desk knows, with the one it most likely meant: a case with "review"
 * instead of "reviews" must not be read as having no reviews.
 */
export function unknownFieldReason(field: string): string {
  const meant = nearestName(field, CASE_FIELDS);
  return `"${field}" is not a case field${meant ? `: did you mean "${meant}"?` : ` (known: ${CASE_FIELDS.join(", ")})`}`;
}

/**
 * Turns a record into a TimescaleCase, or says in plain English what is wrong with each field.
 * Dates may be yyyy-mm-dd or dd/mm/yyyy; lists may be arrays or ";"-separated text; nation
 * defaults to England; an empty cell counts as missing. A field IRO Desk does not know, or one
 * given for another track, is an error: it is never silently ignored.
 */
export function readCaseRecord(record: CaseRecord): ReadCase {
  const errors: CaseProblem[] = [];
  const fail = (field: string, reason: string): undefined => {
    errors.push({ field, reason });
    return undefined;
  };
  const present = (value: unknown) => value !== undefined && value !== null && value !== "";
  const text = (field: string): string | undefined => {
    const value = record[field];
    if (!present(value)) return undefined;
    if (typeof value === "string") return value.trim() || undefined;
    if (typeof value === "number") return String(value);
    return fail(field, `${field} should be text, not ${describe(value)}`);
  };
  const date = (field: string, value: string | undefined, label = field): IsoDate | undefined => {
    if (value === undefined) return undefined;
    return parseUkDate(value) ?? fail(field, `${label} "${value}" is not a real date (write yyyy-mm-dd or dd/mm/yyyy)`);
  };
  const optionalDate = (field: string) => date(field, text(field)) ?? null;
  const required = (field: string, what: string): IsoDate | undefined => {
    const value = text(field);
    if (value === undefined && !errors.some((e) => e.field === field)) return fail(field, `${field} (${what}) is missing`);
    return date(field, value);
  };
  const list = (field: string): unknown[] | undefined => {
    const value = record[field];
    if (!present(value)) return [];
    const items = typeof value === "string" ? value.split(";").map((v) => v.trim()).filter((v) => v !== "") : value;
    return Array.isArray(items) ? items : fail(field, `${field} should be a list of dates, not ${describe(value)}`);
  };
  const dates = (field: string): IsoDate[] | undefined => {
    const items = list(field);
    if (!items) return undefined;
    const parsed = items.map((item, i) =>
      typeof item === "string" ? date(field, item, `${field}[${i + 1}]`) : fail(field, `${field}[${i + 1}] should be a date, not ${describe(item)}`),
    );
    return parsed.every((d): d is IsoDate => d !== undefined) ? parsed : undefined;
  };

  const ref = text("ref") ?? null;
  if (ref === null && !errors.some((e) => e.field === "ref")) fail("ref", "ref (the case reference) is missing");
  if (ref !== null && !parseCaseRef(ref)) fail("ref", `"${ref}" is not a case reference (up to 40 letters, digits, spaces and - _ / .)`);

  const nationText = text("nation")?.toLowerCase().replace(/\s+/g, "-") ?? "england";
  const nation: Nation | undefined = isNation(nationText)
    ? nationText
    : fail("nation", `unknown nation "${nationText}": use ${NATIONS.join(", ")}`);

  const trackText = text("track");
  const track = trackText === undefined
    ? fail("track", `track is missing: use ${TRACKS.join(", ")}`)
    : isTrack(trackText) ? trackText : fail("track", `unknown track "${trackText}": use ${TRACKS.join(", ")}`);

  // Fields IRO Desk does not know, or that belong to another track, are refused, never ignored.
  const own = track ? new Set<string>([...COMMON_FIELDS, ...TRACK_FIELDS[track]]) : null;
  for (const field of Object.keys(record)) {
    if (!CASE_FIELDS.includes(field)) fail(field, unknownFieldReason(field));
    else if (own && !own.has(field) && present(record[field])) {
      fail(field, `${field} is not used for ${track} cases (it is for ${TRACKS.filter((t) => TRACK_FIELDS[t].includes(field)).join(", ")})`);
    }
  }

  const reviews = dates("reviews");
  const ended = optionalDate("ended");
  let timescaleCase: TimescaleCase | null = null;
  const base = nation && reviews ? { nation, reviews, ended } : undefined;
  switch (track) {
    case "lac":
    case "short-breaks": {
      const periodStart = required("periodStart", track === "lac" ? "the date the current period of care started" : "the date of the first short break");
      const early = earlyReviews(list("earlyReviews"), fail);
      if (base && periodStart && early) timescaleCase = { track, ...base, periodStart, ...(early.length > 0 ? { earlyReviews: early } : {}) };
      break;
    }
    case "cp": {
      const strategyDiscussions = dates("strategyDiscussions");
      const s47Start = optionalDate("s47Start");
      const transferIn = optionalDate("transferIn");
      if (strategyDiscussions?.length === 0 && !s47Start && !transferIn) fail("strategyDiscussions", "strategyDiscussions (the strategy discussion dates) is missing");
      const preBirth = yesNo(record.preBirth, (reason) => fail("preBirth", reason));
      const fields = {
        s47Discussion: optionalDate("s47Discussion"),
        s47Start,
        icpc: optionalDate("icpc"),
        transferIn,
        born: optionalDate("born"),
      };
      if (fields.born && !preBirth) fail("born", "born is for a pre-birth conference: set preBirth to true");
      if (base && strategyDiscussions) timescaleCase = { track, ...base, strategyDiscussions, ...fields, preBirth: preBirth === true };
      break;
    }
    case "foster-carer": {
      const approved = required("approved", "the date the carer was approved");
      if (base && approved) timescaleCase = { track, ...base, approved };
      break;
    }
    case "adoption":
    case "secure": {
      const placed = required("placed", track === "adoption" ? "the date the child was placed for adoption" : "the date the child was placed in secure accommodation");
      if (base && placed) timescaleCase = { track, ...base, placed };
      break;
    }
  }
  return { ref, timescaleCase: errors.length === 0 ? timescaleCase : null, errors };
}

/**
 * Early reviews asked for: { "requested": date, "reason": … } in JSON, or "date reason" (in CSV,
 * items separated by ";"), e.g. "02/03/2026 iro-request".
 */
function earlyReviews(items: unknown[] | undefined, fail: (field: string, reason: string) => undefined): EarlyReview[] | undefined {
  if (!items) return undefined;
  const read = items.map((item, i): EarlyReview | undefined => {
    const where = `earlyReviews[${i + 1}]`;
    const [when, why] =
      typeof item === "string" ? item.split(/\s+/, 2)
      : typeof item === "object" && item !== null && !Array.isArray(item) ? [(item as Record<string, unknown>).requested, (item as Record<string, unknown>).reason]
      : [undefined, undefined];
    const requested = typeof when === "string" ? parseUkDate(when) : undefined;
    if (!requested) return fail("earlyReviews", `${where} needs the date it was asked for and the reason, e.g. "02/03/2026 iro-request", not ${JSON.stringify(item)}`);
    if (!EARLY_REVIEW_REASONS.includes(why as EarlyReviewReason)) return fail("earlyReviews", `${where}: the reason should be one of ${EARLY_REVIEW_REASONS.join(", ")}, not ${JSON.stringify(why ?? null)}`);
    return { requested, reason: why as EarlyReviewReason };
  });
  return read.every((r): r is EarlyReview => r !== undefined) ? read : undefined;
}

/** true / false in JSON; in CSV "true", "yes", "false", "no" or empty. */
function yesNo(value: unknown, fail: (reason: string) => undefined): boolean | undefined {
  if (value === undefined || value === null || value === "" || typeof value === "boolean") return value === true;
  const word = typeof value === "string" ? value.trim().toLowerCase() : "";
  if (word === "true" || word === "yes") return true;
  if (word === "false" || word === "no") return false;
  return fail(`preBirth should be true or false, not ${describe(value)}`);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}
