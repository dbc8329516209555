import type { IsoDate } from "../domain/calendar/isoDate.js";
import { parseCaseRef } from "../domain/caseload/caseRef.js";
import { NATIONS, type Nation } from "../domain/calendar/nation.js";
import { parseUkDate } from "../domain/calendar/ukDate.js";
import { TRACKS, type Track } from "../domain/timescales/ruleSets.js";
import { EARLY_REVIEW_REASONS, type CaseProblem, type EarlyReview, type EarlyReviewReason, type TimescaleCase } from "../domain/timescales/timescaleCase.js";
import { yesNo } from "./csv/yesNo.js";
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
  const ref = text(record.ref, "ref", errors) ?? null;
  if (ref === null && !errors.some((e) => e.field === "ref")) errors.push({ field: "ref", reason: "ref (the case reference) is missing" });
  if (ref !== null && !parseCaseRef(ref)) errors.push({ field: "ref", reason: `"${ref}" is not a case reference (up to 40 letters, digits, spaces and - _ / .)` });

  // The nation and track are IRO Desk's own strings from here on, not the file's copies of them:
  // every comparison and lookup made with them for this case is then by identity.
  const given = text(record.nation, "nation", errors);
  const nation: Nation | undefined = given === undefined ? "england" : (NATION_NAMED.get(given) ?? normalisedNation(given, errors));

  const trackText = text(record.track, "track", errors);
  const track = trackText === undefined
    ? fail(errors, "track", `track is missing: use ${TRACKS.join(", ")}`)
    : (TRACK_NAMED.get(trackText) ?? fail(errors, "track", `unknown track "${trackText}": use ${TRACKS.join(", ")}`));

  // Fields IRO Desk does not know, or that belong to another track, are refused, never ignored.
  const trackBit = track ? TRACK_BIT.get(track)! : 0;
  for (const field in record) {
    const tracks = FIELD_TRACKS.get(field);
    if (tracks === undefined) fail(errors, field, unknownFieldReason(field));
    else if (trackBit !== 0 && (tracks & trackBit) === 0 && present(record[field])) {
      fail(errors, field, `${field} is not used for ${track} cases (it is for ${TRACKS.filter((t) => TRACK_FIELDS[t].includes(field)).join(", ")})`);
    }
  }

  const reviews = dates(record.reviews, "reviews", errors);
  const ended = optionalDate(record.ended, "ended", errors);
  let timescaleCase: TimescaleCase | null = null;
  // Cases are built field by field, not by spreading a shared part: a million of them are read.
  const ok = nation !== undefined && reviews !== undefined;
  switch (track) {
    case "lac":
    case "short-breaks": {
      const periodStart = required(record.periodStart, "periodStart", track === "lac" ? "the date the current period of care started" : "the date of the first short break", errors);
      const early = record.earlyReviews === undefined || record.earlyReviews === "" ? [] : earlyReviews(list(record.earlyReviews, "earlyReviews", errors), errors);
      if (ok && periodStart && early) timescaleCase = early.length > 0 ? { track, nation, reviews, ended, periodStart, earlyReviews: early } : { track, nation, reviews, ended, periodStart };
      break;
    }
    case "cp": {
      const strategyDiscussions = dates(record.strategyDiscussions, "strategyDiscussions", errors);
      const s47Start = optionalDate(record.s47Start, "s47Start", errors);
      const transferIn = optionalDate(record.transferIn, "transferIn", errors);
      if (strategyDiscussions?.length === 0 && !s47Start && !transferIn) fail(errors, "strategyDiscussions", "strategyDiscussions (the strategy discussion dates) is missing");
      const preBirth = preBirthOf(record.preBirth, errors);
      const s47Discussion = optionalDate(record.s47Discussion, "s47Discussion", errors);
      const icpc = optionalDate(record.icpc, "icpc", errors);
      const born = optionalDate(record.born, "born", errors);
      if (born && !preBirth) fail(errors, "born", "born is for a pre-birth conference: set preBirth to true");
      if (ok && strategyDiscussions) timescaleCase = { track, nation, reviews, ended, strategyDiscussions, s47Discussion, s47Start, icpc, transferIn, born, preBirth: preBirth === true };
      break;
    }
    case "foster-carer": {
      const approved = required(record.approved, "approved", "the date the carer was approved", errors);
      if (ok && approved) timescaleCase = { track, nation, reviews, ended, approved };
      break;
    }
    case "adoption":
    case "secure": {
      const placed = required(record.placed, "placed", track === "adoption" ? "the date the child was placed for adoption" : "the date the child was placed in secure accommodation", errors);
      if (ok && placed) timescaleCase = { track, nation, reviews, ended, placed };
      break;
    }
  }
  return { ref, timescaleCase: errors.length === 0 ? timescaleCase : null, errors };
}

// The readers below run for every field of every case (a million in a large file): plain
// functions over the record, no closures made per case.

const NATION_NAMED: ReadonlyMap<string, Nation> = new Map(NATIONS.map((n) => [n, n]));
const TRACK_NAMED: ReadonlyMap<string, Track> = new Map(TRACKS.map((t) => [t, t]));
/** A bit for each track; each field maps to the bits of the tracks it is for (one lookup a field, not two). */
const TRACK_BIT: ReadonlyMap<Track, number> = new Map(TRACKS.map((t, i) => [t, 1 << i]));
const FIELD_TRACKS: ReadonlyMap<string, number> = new Map(
  CASE_FIELDS.map((f) => [f, TRACKS.reduce((bits, t) => ((COMMON_FIELDS as readonly string[]).includes(f) || TRACK_FIELDS[t].includes(f) ? bits | TRACK_BIT.get(t)! : bits), 0)]),
);

function fail(errors: CaseProblem[], field: string, reason: string): undefined {
  errors.push({ field, reason });
  return undefined;
}

/** Most files write the nation as IRO Desk does: it is normalised ("Northern Ireland") only when it is not. */
function normalisedNation(given: string, errors: CaseProblem[]): Nation | undefined {
  const nationText = given.toLowerCase().replace(/\s+/g, "-");
  return NATION_NAMED.get(nationText) ?? fail(errors, "nation", `unknown nation "${nationText}": use ${NATIONS.join(", ")}`);
}

function present(value: unknown): boolean {
  return value !== undefined && value !== null && value !== "";
}

function text(value: unknown, field: string, errors: CaseProblem[]): string | undefined {
  if (!present(value)) return undefined;
  if (typeof value === "string") return (value.charCodeAt(0) > 32 && value.charCodeAt(value.length - 1) > 32 ? value : value.trim()) || undefined;
  if (typeof value === "number") return String(value);
  return fail(errors, field, `${field} should be text, not ${describe(value)}`);
}

/** `position`: the date's place in a list (1, 2 …), named in the message; 0 for a field of one date. */
function date(field: string, value: string | undefined, errors: CaseProblem[], position = 0): IsoDate | undefined {
  if (value === undefined) return undefined;
  return parseUkDate(value) ?? fail(errors, field, `${position > 0 ? `${field}[${position}]` : field} "${value}" is not a real date (write yyyy-mm-dd or dd/mm/yyyy)`);
}

function optionalDate(value: unknown, field: string, errors: CaseProblem[]): IsoDate | null {
  return date(field, text(value, field, errors), errors) ?? null;
}

function required(given: unknown, field: string, what: string, errors: CaseProblem[]): IsoDate | undefined {
  const value = text(given, field, errors);
  if (value === undefined && !errors.some((e) => e.field === field)) return fail(errors, field, `${field} (${what}) is missing`);
  return date(field, value, errors);
}

function list(value: unknown, field: string, errors: CaseProblem[]): unknown[] | undefined {
  if (!present(value)) return [];
  if (Array.isArray(value)) return value;
  if (typeof value !== "string") return fail(errors, field, `${field} should be a list of dates, not ${describe(value)}`);
  const items: string[] = [];
  for (const part of value.split(";")) {
    // Most cells have no spaces to trim: check the ends before making a new string.
    const item = part.charCodeAt(0) > 32 && part.charCodeAt(part.length - 1) > 32 ? part : part.trim();
    if (item !== "") items.push(item);
  }
  return items;
}

function dates(value: unknown, field: string, errors: CaseProblem[]): IsoDate[] | undefined {
  // A CSV cell ("2026-01-29;2026-04-20") is read straight into dates: a list of a million cases' cells would otherwise make a list of strings each first.
  if (typeof value === "string") return datesInCell(field, value, errors);
  const items = list(value, field, errors);
  if (!items) return undefined;
  const parsed: IsoDate[] = [];
  let ok = true;
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    const d = typeof item === "string" ? date(field, item, errors, i + 1) : fail(errors, field, `${field}[${i + 1}] should be a date, not ${describe(item)}`);
    if (d === undefined) ok = false;
    else parsed.push(d);
  }
  return ok ? parsed : undefined;
}

/** The dates of a ";"-separated cell, in order; undefined (with the errors) when any is not a date. */
function datesInCell(field: string, cell: string, errors: CaseProblem[]): IsoDate[] | undefined {
  const parsed: IsoDate[] = [];
  let ok = true;
  let position = 0;
  for (let from = 0; from <= cell.length; ) {
    // Most cells are dates of 10 characters with nothing around them: read one straight away
    // when it is followed by ";" or the end (a date read contains no ";", so it is a whole item).
    const end = from + 10;
    if (end === cell.length || (end < cell.length && cell.charCodeAt(end) === 59)) {
      const d = parseUkDate(cell.slice(from, end));
      if (d !== undefined) {
        position++;
        parsed.push(d);
        from = end + 1;
        continue;
      }
    }
    let to = cell.indexOf(";", from);
    if (to < 0) to = cell.length;
    const part = cell.slice(from, to);
    from = to + 1;
    const item = part.charCodeAt(0) > 32 && part.charCodeAt(part.length - 1) > 32 ? part : part.trim();
    if (item === "") continue;
    position++;
    const d = date(field, item, errors, position);
    if (d === undefined) ok = false;
    else parsed.push(d);
  }
  return ok ? parsed : undefined;
}

/**
 * Early reviews asked for: { "requested": date, "reason": … } in JSON, or "date reason" (in CSV,
 * items separated by ";"), e.g. "02/03/2026 iro-request".
 */
function earlyReviews(items: unknown[] | undefined, errors: CaseProblem[]): EarlyReview[] | undefined {
  if (!items) return undefined;
  const read = items.map((item, i): EarlyReview | undefined => {
    const where = `earlyReviews[${i + 1}]`;
    const [when, why] =
      typeof item === "string" ? item.split(/\s+/, 2)
      : typeof item === "object" && item !== null && !Array.isArray(item) ? [(item as Record<string, unknown>).requested, (item as Record<string, unknown>).reason]
      : [undefined, undefined];
    const requested = typeof when === "string" ? parseUkDate(when) : undefined;
    if (!requested) return fail(errors, "earlyReviews", `${where} needs the date it was asked for and the reason, e.g. "02/03/2026 iro-request", not ${JSON.stringify(item)}`);
    if (!EARLY_REVIEW_REASONS.includes(why as EarlyReviewReason)) return fail(errors, "earlyReviews", `${where}: the reason should be one of ${EARLY_REVIEW_REASONS.join(", ")}, not ${JSON.stringify(why ?? null)}`);
    return { requested, reason: why as EarlyReviewReason };
  });
  return read.every((r): r is EarlyReview => r !== undefined) ? read : undefined;
}

/** true / false in JSON; in CSV as csv/yesNo reads it (Y, yes, true; N, no, false, or empty). */
function preBirthOf(value: unknown, errors: CaseProblem[]): boolean | undefined {
  if (value === undefined || value === null || typeof value === "boolean") return value === true;
  return (typeof value === "string" ? yesNo(value) : undefined) ?? fail(errors, "preBirth", `preBirth should be true or false, not ${describe(value)}`);
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}
