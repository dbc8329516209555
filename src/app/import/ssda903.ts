import { addCalendarMonths } from "../../domain/calendar/addCalendarMonths.js";
import type { IsoDate } from "../../domain/calendar/isoDate.js";
import { formatUkDate, parseUkDate } from "../../domain/calendar/ukDate.js";
import { parseCaseRef, type CaseRef } from "../../domain/caseload/caseRef.js";
import { PARTICIPATION_CODES, type ChildCase, type EarlierPeriod, type HeldReview, type ParticipationCode } from "../../domain/caseload/childCase.js";
import { csvRecords, CsvSyntaxError } from "../csv/parseCsv.js";
import type { CsvFile, ImportProblem } from "./importProblem.js";

/** SSDA903 codes (DfE children looked after return guidance). */
const LEGAL_STATUS = ["C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"];
const SHORT_BREAKS = ["V3", "V4"];
const REASON_NEW_EPISODE = ["S", "L", "P", "T", "U", "B"];
const REASON_CEASED = /^(X1|E\d{1,2}[A-Z]?)$/;

interface Episode {
  readonly line: number;
  readonly start: IsoDate;
  readonly rne: string;
  readonly ls: string;
  readonly end: IsoDate | null;
  readonly rec: string;
}

interface Period {
  readonly start: IsoDate;
  readonly end: IsoDate | null;
  readonly shortBreaks: boolean;
  readonly legalStatus: string;
  readonly reviews: HeldReview[];
}

export interface Ssda903Import {
  readonly children: ChildCase[];
  readonly problems: ImportProblem[];
  readonly rows: { readonly episodes: number; readonly reviews: number; readonly kept: { readonly episodes: number; readonly reviews: number } };
}

/**
 * The LAC register and review history from the SSDA903 return's CSV files (header, episodes,
 * reviews), as every English council produces them. Each bad row is reported with file, line,
 * column and reason and left out; every good row is kept. A new period of care starts at an
 * episode with RNE "S", or after an episode that ended with a REC other than X1.
 */
export function importSsda903(files: { readonly header?: CsvFile; readonly episodes: CsvFile; readonly reviews: CsvFile }, onProgress?: (done: number, total: number) => void): Ssda903Import {
  const problems: ImportProblem[] = [];
  const problem = (file: CsvFile, row: number, column: string, reason: string) => problems.push({ file: file.name, row, column, reason });
  const read = (file: CsvFile, required: readonly string[]) => {
    try {
      const parsed = csvRecords(file.text);
      const missing = required.filter((c) => !parsed.columns.includes(c));
      if (missing.length > 0) {
        problem(file, 1, missing.join(", "), `the file has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}: is it the right file?`);
        return [];
      }
      return parsed.records;
    } catch (error) {
      if (error instanceof CsvSyntaxError) {
        problem(file, error.line, "", error.message.replace(/^line \d+: /, ""));
        return [];
      }
      throw error;
    }
  };
  const date = (file: CsvFile, line: number, column: string, text: string | undefined, required: boolean): IsoDate | null | undefined => {
    const value = (text ?? "").trim();
    if (value === "") {
      if (required) problem(file, line, column, `${column} is empty`);
      return required ? undefined : null;
    }
    const parsed = parseUkDate(value);
    if (!parsed) problem(file, line, column, `"${value}" is not a real date (dd/mm/yyyy)`);
    return parsed;
  };

  // Dates of birth, from the header file and the reviews file's DOB column.
  const dob = new Map<string, IsoDate>();
  if (files.header) {
    const seen = new Set<string>();
    for (const { line, record } of read(files.header, ["CHILD", "DOB"])) {
      const child = record.CHILD!.trim();
      if (!child) { problem(files.header, line, "CHILD", "CHILD is empty"); continue; }
      if (seen.has(child)) { problem(files.header, line, "CHILD", `child ${child} is listed twice`); continue; }
      seen.add(child);
      const born = date(files.header, line, "DOB", record.DOB, true);
      if (born) dob.set(child, born);
    }
  }

  // Episodes, checked row by row.
  const episodeRows = read(files.episodes, ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"]);
  const episodes = new Map<string, Episode[]>();
  const seenEpisode = new Set<string>();
  let keptEpisodes = 0;
  for (const { line, record } of episodeRows) {
    const child = record.CHILD!.trim();
    if (!parseCaseRef(child)) { problem(files.episodes, line, "CHILD", child ? `"${child}" is not a child identifier` : "CHILD is empty"); continue; }
    const start = date(files.episodes, line, "DECOM", record.DECOM, true);
    const end = date(files.episodes, line, "DEC", record.DEC, false);
    const rne = record.RNE!.trim();
    const ls = record.LS!.trim();
    const rec = record.REC!.trim();
    let ok = start !== undefined && end !== undefined;
    if (!REASON_NEW_EPISODE.includes(rne)) { problem(files.episodes, line, "RNE", `"${rne}" is not a reason for a new episode (${REASON_NEW_EPISODE.join(", ")})`); ok = false; }
    if (!LEGAL_STATUS.includes(ls)) { problem(files.episodes, line, "LS", `"${ls}" is not a legal status code`); ok = false; }
    if (rec !== "" && !REASON_CEASED.test(rec)) { problem(files.episodes, line, "REC", `"${rec}" is not a reason the episode ceased (X1 or an E code)`); ok = false; }
    if (start && end && end < start) { problem(files.episodes, line, "DEC", `the episode ends (${formatUkDate(end)}) before it starts (${formatUkDate(start)})`); ok = false; }
    if (ok && seenEpisode.has(`${child}|${start}`)) { problem(files.episodes, line, "DECOM", `child ${child} already has an episode starting ${formatUkDate(start!)}`); ok = false; }
    if (!ok) continue;
    seenEpisode.add(`${child}|${start}`);
    keptEpisodes++;
    episodes.set(child, [...(episodes.get(child) ?? []), { line, start: start!, rne, ls, end: end ?? null, rec }]);
  }

  // Periods of care per child.
  const periods = new Map<string, Period[]>();
  for (const [child, list] of episodes) {
    list.sort((a, b) => (a.start < b.start ? -1 : 1));
    const result: { start: IsoDate; episodes: Episode[] }[] = [];
    list.forEach((e, i) => {
      const before = list[i - 1];
      const newPeriod = !before || e.rne === "S" || (before.end !== null && before.rec !== "X1" && before.rec !== "");
      if (newPeriod) result.push({ start: e.start, episodes: [e] });
      else result[result.length - 1]!.episodes.push(e);
    });
    periods.set(
      child,
      result.map((p) => {
        const last = p.episodes[p.episodes.length - 1]!;
        const ended = last.end !== null && last.rec !== "X1" && last.rec !== "" ? last.end : null;
        return { start: p.start, end: ended, shortBreaks: p.episodes.every((e) => SHORT_BREAKS.includes(e.ls)), legalStatus: last.ls, reviews: [] };
      }),
    );
  }

  // Reviews, each checked against the child's age and periods of care.
  const reviewRows = read(files.reviews, ["CHILD", "REVIEW", "REVIEW_CODE"]);
  const seenReview = new Set<string>();
  let keptReviews = 0;
  reviewRows.forEach(({ line, record }, index) => {
    if (index % 5000 === 0) onProgress?.(index, reviewRows.length);
    const child = record.CHILD!.trim();
    const held = date(files.reviews, line, "REVIEW", record.REVIEW, true);
    const code = record.REVIEW_CODE!.trim();
    if (!held) return;
    if (!PARTICIPATION_CODES.includes(code as ParticipationCode)) return void problem(files.reviews, line, "REVIEW_CODE", `"${code}" is not a participation code (PN0–PN7)`);
    const born = dob.get(child) ?? (record.DOB ? parseUkDate(record.DOB) : undefined);
    if (born && !dob.has(child)) dob.set(child, born);
    if (born) {
      const under4 = addCalendarMonths(born, 48) > held;
      if (under4 !== (code === "PN0")) {
        return void problem(files.reviews, line, "REVIEW_CODE", under4 ? `the child was under 4 on ${formatUkDate(held)}: the code should be PN0, not ${code}` : `PN0 is for children under 4; the child was ${ageOn(born, held)} on ${formatUkDate(held)}`);
      }
    }
    const childPeriods = periods.get(child);
    if (!childPeriods) return void problem(files.reviews, line, "CHILD", `child ${child} has no episodes in the episodes file`);
    if (seenReview.has(`${child}|${held}`)) return void problem(files.reviews, line, "REVIEW", `child ${child} already has a review on ${formatUkDate(held)}`);
    if (childPeriods.every((p) => p.shortBreaks)) return void problem(files.reviews, line, "CHILD", `child ${child} is only ever on short breaks (V3/V4): the return should have no reviews for them`);
    const period = childPeriods.find((p) => p.start <= held && (p.end === null || held <= p.end));
    if (!period) {
      const first = childPeriods[0]!.start;
      return void problem(files.reviews, line, "REVIEW", held < first ? `the review (${formatUkDate(held)}) is before the child's first episode (${formatUkDate(first)})` : `the review (${formatUkDate(held)}) is not inside any period of care`);
    }
    seenReview.add(`${child}|${held}`);
    keptReviews++;
    period.reviews.push({ held, participation: code as ParticipationCode });
  });
  onProgress?.(reviewRows.length, reviewRows.length);

  const children: ChildCase[] = [];
  for (const [child, list] of periods) {
    const born = dob.get(child);
    if (!born) {
      problem(files.header ?? files.episodes, episodes.get(child)![0]!.line, "DOB", `no date of birth for child ${child} in the header or reviews files: the child is left out`);
      continue;
    }
    const current = list[list.length - 1]!;
    const earlier: EarlierPeriod[] = list.slice(0, -1).map((p) => ({ periodStart: p.start, ended: p.end ?? p.start, shortBreaks: p.shortBreaks, reviews: sortReviews(p.reviews) }));
    children.push({
      ref: child as CaseRef,
      childName: "",
      dateOfBirth: born,
      nation: "england",
      iro: null,
      socialWorker: null,
      teamManager: null,
      lac: { periodStart: current.start, legalStatus: current.legalStatus, shortBreaks: current.shortBreaks, reviews: sortReviews(current.reviews), ended: current.end, earlierPeriods: earlier },
      cp: null,
      contacts: [],
      rag: [],
      lateReasons: [],
    });
  }
  return { children, problems, rows: { episodes: episodeRows.length, reviews: reviewRows.length, kept: { episodes: keptEpisodes, reviews: keptReviews } } };
}

function sortReviews(reviews: HeldReview[]): HeldReview[] {
  return reviews.sort((a, b) => (a.held < b.held ? -1 : 1));
}

function ageOn(born: IsoDate, day: IsoDate): string {
  let years = 0;
  while (addCalendarMonths(born, (years + 1) * 12) <= day) years++;
  return `${years}`;
}
