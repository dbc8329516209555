import type { IsoDate } from "../domain/calendar/isoDate.js";
import { parseCaseRef } from "../domain/caseload/caseRef.js";
import { isNation, NATIONS, type Nation } from "../domain/calendar/nation.js";
import { parseUkDate } from "../domain/calendar/ukDate.js";
import { isTrack, TRACKS } from "../domain/timescales/ruleSets.js";
import type { CaseProblem, TimescaleCase } from "../domain/timescales/timescaleCase.js";

/** One case as a person or a spreadsheet wrote it: JSON values, or CSV cells with lists split by ";". */
export type CaseRecord = Readonly<Record<string, unknown>>;

export interface ReadCase {
  readonly ref: string | null;
  readonly timescaleCase: TimescaleCase | null;
  readonly errors: readonly CaseProblem[];
}

/**
 * Turns a record into a TimescaleCase, or says in plain English what is wrong with each field.
 * Dates may be yyyy-mm-dd or dd/mm/yyyy; lists may be arrays or ";"-separated text; nation
 * defaults to England; an empty cell counts as missing.
 */
export function readCaseRecord(record: CaseRecord): ReadCase {
  const errors: CaseProblem[] = [];
  const fail = (field: string, reason: string): undefined => {
    errors.push({ field, reason });
    return undefined;
  };
  const text = (field: string): string | undefined => {
    const value = record[field];
    if (value === undefined || value === null || value === "") return undefined;
    if (typeof value === "string") return value.trim() || undefined;
    if (typeof value === "number") return String(value);
    return fail(field, `${field} should be text, not ${describe(value)}`);
  };
  const date = (field: string, value: string | undefined, label = field): IsoDate | undefined => {
    if (value === undefined) return undefined;
    return parseUkDate(value) ?? fail(field, `${label} "${value}" is not a real date (write yyyy-mm-dd or dd/mm/yyyy)`);
  };
  const required = (field: string, what: string): IsoDate | undefined => {
    const value = text(field);
    if (value === undefined && !errors.some((e) => e.field === field)) return fail(field, `${field} (${what}) is missing`);
    return date(field, value);
  };
  const dates = (field: string): IsoDate[] | undefined => {
    const value = record[field];
    if (value === undefined || value === null || value === "") return [];
    const items = typeof value === "string" ? value.split(";").map((v) => v.trim()).filter((v) => v !== "") : value;
    if (!Array.isArray(items)) return fail(field, `${field} should be a list of dates, not ${describe(value)}`);
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

  const reviews = dates("reviews");
  const ended = date("ended", text("ended"));
  let timescaleCase: TimescaleCase | null = null;
  if (track === "lac" || track === "short-breaks") {
    const periodStart = required("periodStart", track === "lac" ? "the date the current period of care started" : "the date of the first short break");
    if (nation && reviews && periodStart) timescaleCase = { track, nation, periodStart, reviews, ended: ended ?? null };
  } else if (track === "cp") {
    const strategyDiscussions = dates("strategyDiscussions");
    if (strategyDiscussions?.length === 0) fail("strategyDiscussions", "strategyDiscussions (the strategy discussion dates) is missing");
    const icpc = date("icpc", text("icpc"));
    if (nation && reviews && strategyDiscussions) {
      timescaleCase = { track, nation, strategyDiscussions, icpc: icpc ?? null, reviews, ended: ended ?? null };
    }
  } else if (track === "foster-carer") {
    const approved = required("approved", "the date the carer was approved");
    if (nation && reviews && approved) timescaleCase = { track, nation, approved, reviews, ended: ended ?? null };
  }
  return { ref, timescaleCase: errors.length === 0 ? timescaleCase : null, errors };
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return "a list";
  if (value === null) return "null";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}
