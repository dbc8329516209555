import { addCalendarMonths } from "../../domain/calendar/addCalendarMonths.js";
import { fromDayNumber, type IsoDate } from "../../domain/calendar/isoDate.js";
import { formatUkDate, parseUkDayNumber, ukDayNumberAt } from "../../domain/calendar/ukDate.js";
import { parseCaseRef, type CaseRef } from "../../domain/caseload/caseRef.js";
import { PARTICIPATION_CODES, type ChildCase, type EarlierPeriod, type HeldReview, type ParticipationCode } from "../../domain/caseload/childCase.js";
import { fourthBirthday, participationRuleByDay } from "../../domain/caseload/participationAge.js";
import { csvRecordReader, CsvSyntaxError, type CsvCells } from "../csv/parseCsv.js";
import { IntColumn } from "../intColumn.js";
import { asciiBytes, type JsonBytes } from "../jsonBytes.js";
import { StringIndex } from "../stringIndex.js";
import type { CsvFile, ImportProblem, ImportRuleCode } from "./importProblem.js";

/** SSDA903 codes, as the DfE validator lists them (rules 143, 144, 149). */
const REASON_NEW_EPISODE = ["S", "L", "P", "T", "U", "B"];
const LEGAL_STATUS = ["C1", "C2", "D1", "E1", "J1", "J2", "J3", "L1", "L2", "L3", "V2", "V3", "V4"];
const REASON_CEASED = ["E11", "E12", "E2", "E3", "E4A", "E4B", "E13", "E41", "E45", "E46", "E47", "E48", "E5", "E6", "E7", "E8", "E9", "E14", "E15", "E16", "E17", "X1"];
const SHORT_BREAKS = ["V3", "V4"];
/** By a legal status's index: whether it is a short break. */
const IS_SHORT_BREAK = LEGAL_STATUS.map((code) => SHORT_BREAKS.includes(code));
const NEW_PERIOD = REASON_NEW_EPISODE.indexOf("S");
/** An episode that ceased with X1 continues into the next one: the period of care goes on. */
const CONTINUES = REASON_CEASED.indexOf("X1");

export type Ssda903Kind = "header" | "episodes" | "reviews";
/** The columns each file must have: a file without them is the wrong file. */
const SSDA903_COLUMNS: Readonly<Record<Ssda903Kind, readonly string[]>> = {
  header: ["CHILD", "DOB"],
  episodes: ["CHILD", "DECOM", "RNE", "LS", "DEC", "REC"],
  reviews: ["CHILD", "REVIEW", "REVIEW_CODE"],
};
/** Every column the reader reads (the reviews file's own DOB is optional): no other cell need be read. */
export const SSDA903_READ: Readonly<Record<Ssda903Kind, readonly string[]>> = { ...SSDA903_COLUMNS, reviews: [...SSDA903_COLUMNS.reviews, "DOB"] };

/** No day (an empty optional date, a child with no date of birth yet, the end of a list). */
const NONE = -0x80000000;

interface Period {
  readonly start: number;
  readonly end: number;
  readonly shortBreaks: boolean;
  readonly legalStatus: number;
}

export interface Ssda903Counts {
  readonly episodes: number;
  readonly reviews: number;
  readonly kept: { readonly episodes: number; readonly reviews: number };
}

/**
 * The SSDA903 return (header, episodes, reviews) checked row by row against the DfE's validation
 * rules, every rule a row breaks reported (with the rule's number), every good row kept; then
 * each child's periods of care and reviews assembled. Rows arrive one at a time (header file
 * first, then episodes, then reviews), so a return of a million children streams through: what
 * is kept is held in typed arrays, a few dozen bytes per episode and review.
 *
 * A new period of care starts at an episode with RNE "S", or after an episode that ended with a
 * REC other than X1.
 */
export class Ssda903Reader {
  private readonly childIds = new StringIndex();
  /** Dates are kept and compared as day numbers (toDayNumber): only the few shown in a problem become text. */
  private readonly dob = new IntColumn();
  /** Each child's fourth birthday (rules 440, 441), worked out once with their date of birth. */
  private readonly fourth = new IntColumn();
  private readonly inHeader = new IntColumn();
  private readonly episodeHead = new IntColumn();
  private readonly reviewHead = new IntColumn();
  /** Children in the order their first episode was kept. */
  private readonly episodeOrder = new IntColumn();
  private readonly epStart = new IntColumn();
  private readonly epEnd = new IntColumn();
  private readonly epLine = new IntColumn();
  /** RNE, LS and REC as indexes into their code lists, packed into one number. */
  private readonly epCodes = new IntColumn();
  private readonly epNext = new IntColumn();
  private readonly revDay = new IntColumn();
  private readonly revCode = new IntColumn();
  private readonly revNext = new IntColumn();
  private readonly skipped = new Set<Ssda903Kind>();
  /** The periods of care of the child last asked about (periods), that child (-1: none): reviews come grouped by child. */
  private periodsOf = -1;
  private periodsKept: Period[] = [];
  private counts = { episodes: 0, reviews: 0, kept: { episodes: 0, reviews: 0 } };
  /** The child of the row before (-1: none yet). */
  private lastChild = -1;
  /** Where each column read is in each file's rows (CsvCells), by name; -1 when the file has no such column. */
  private readonly at: Record<Ssda903Kind, Record<string, number>> = { header: {}, episodes: {}, reviews: {} };
  /** How many cells a row must have to hold every column read. */
  private readonly width: Record<Ssda903Kind, number> = { header: 0, episodes: 0, reviews: 0 };
  /** Problems reported so far: a row with any is not kept. */
  private reported = 0;

  constructor(
    private readonly names: { readonly header?: string; readonly episodes: string; readonly reviews: string },
    private readonly report: (problem: ImportProblem) => void,
  ) {}

  get rows(): Ssda903Counts {
    return this.counts;
  }

  /** A file's header row: a file without the columns it needs is named as the wrong file, and its rows are left out. */
  columns(kind: Ssda903Kind, columns: readonly string[]): void {
    // The last column of a name, as a record keeps it.
    for (const name of SSDA903_READ[kind]) this.at[kind][name] = columns.lastIndexOf(name);
    this.width[kind] = Math.max(...Object.values(this.at[kind])) + 1;
    const missing = SSDA903_COLUMNS[kind].filter((c) => !columns.includes(c));
    if (missing.length === 0) return;
    this.skipped.add(kind);
    this.problem(kind, 1, missing.join(", "), `the file has no ${missing.join(", ")} column${missing.length > 1 ? "s" : ""}: is it the right file?`, "IRO-FILE");
  }

  /** A CSV syntax error stops the file where it is. */
  syntax(kind: Ssda903Kind, error: CsvSyntaxError): void {
    this.problem(kind, error.line, "", error.message.replace(/^line \d+: /, ""), "IRO-FILE");
  }

  header(line: number, record: Readonly<Record<string, string>>): void {
    if (this.skipped.has("header")) return;
    const child = this.childOf("header", line, record.CHILD);
    const born = this.day("header", line, "DOB", record.DOB, "102", true);
    if (child !== undefined) this.headerChild(line, child, born);
  }

  /** The header row's checks on what its cells mean, and what it keeps, once they are read (from a record or from CsvCells). */
  private headerChild(line: number, child: number, born: number | undefined): void {
    if (this.inHeader.get(child) === 1) return this.problem("header", line, "CHILD", `child ${this.childIds.keyAt(child)} is listed twice`, "IRO-DUPLICATE");
    this.inHeader.set(child, 1);
    if (born !== undefined) this.setBorn(child, born);
  }

  episode(line: number, record: Readonly<Record<string, string>>): void {
    if (this.skipped.has("episodes")) return;
    this.counts.episodes++;
    // The row is kept only if no rule reported a problem with it.
    const before = this.reported;
    const child = this.childOf("episodes", line, record.CHILD);
    const start = this.day("episodes", line, "DECOM", record.DECOM, "141", true);
    const end = this.day("episodes", line, "DEC", record.DEC, "147", false);
    const rne = REASON_NEW_EPISODE.indexOf((record.RNE ?? "").trim());
    const ls = LEGAL_STATUS.indexOf((record.LS ?? "").trim());
    const recText = (record.REC ?? "").trim();
    const rec = REASON_CEASED.indexOf(recText);
    if (rne < 0) this.problem("episodes", line, "RNE", `"${(record.RNE ?? "").trim()}" is not a reason for a new episode (${REASON_NEW_EPISODE.join(", ")})`, "143");
    if (ls < 0) this.problem("episodes", line, "LS", `"${(record.LS ?? "").trim()}" is not a legal status code`, "144");
    if (recText !== "" && rec < 0) this.problem("episodes", line, "REC", `"${recText}" is not a reason the episode ceased (X1 or an E code)`, "149");
    this.episodeChild(line, before, child, start, end, rne, ls, rec, recText === "");
  }

  /**
   * The episode row's checks on what its cells mean, and what it keeps, once they are read (from a
   * record or from CsvCells). `end` is NONE when DEC is empty; `rec` is -1 when REC is empty or not
   * a code. The row is kept only if no rule reported a problem with it since `before`.
   */
  private episodeChild(line: number, before: number, child: number | undefined, start: number | undefined, end: number | undefined, rne: number, ls: number, rec: number, recBlank: boolean): void {
    const decBlank = end === NONE;
    if (decBlank !== recBlank) this.problem("episodes", line, decBlank ? "DEC" : "REC", decBlank ? "REC is given but DEC (the date the episode ceased) is empty" : "DEC is given but REC (the reason the episode ceased) is empty", "148");
    if (start !== undefined && end !== undefined && end !== NONE && end < start) this.problem("episodes", line, "DEC", `the episode ends (${ukDate(end)}) before it starts (${ukDate(start)})`, "356");
    if (child !== undefined && start !== undefined) {
      for (let e = this.episodeHead.get(child); e !== NONE; e = this.epNext.get(e)) {
        if (this.epStart.get(e) === start) {
          this.problem("episodes", line, "DECOM", `child ${this.childIds.keyAt(child)} already has an episode starting ${ukDate(start)}`, "IRO-DUPLICATE");
          break;
        }
      }
    }
    if (this.reported !== before) return;
    const e = this.epStart.push(start!);
    this.epEnd.push(end!);
    this.epLine.push(line);
    this.epCodes.push(rne | (ls << 8) | ((rec < 0 ? 255 : rec) << 16));
    if (this.episodeHead.get(child!) === NONE) this.episodeOrder.push(child!);
    this.epNext.push(this.episodeHead.get(child!));
    this.episodeHead.set(child!, e);
    this.periodsOf = -1;
    this.counts.kept.episodes++;
  }

  review(line: number, record: Readonly<Record<string, string>>): void {
    if (this.skipped.has("reviews")) return;
    this.counts.reviews++;
    // The row is kept only if no rule reported a problem with it.
    const before = this.reported;
    const child = this.childOf("reviews", line, record.CHILD);
    const held = this.day("reviews", line, "REVIEW", record.REVIEW, "166", true);
    const code = (record.REVIEW_CODE ?? "").trim();
    const participation = PARTICIPATION_CODES.indexOf(code as ParticipationCode);
    if (participation < 0) this.problem("reviews", line, "REVIEW_CODE", `"${code}" is not a participation code (PN0–PN7)`, "167");
    this.reviewChild(line, before, child, held, participation, record.DOB ? parseUkDayNumber(record.DOB) : undefined);
  }

  /**
   * The review row's checks on what its cells mean, and what it keeps, once they are read (from a
   * record or from CsvCells). `fromRow` is the row's own DOB. The row is kept only if no rule
   * reported a problem with it since `before`.
   */
  private reviewChild(line: number, before: number, child: number | undefined, held: number | undefined, participation: number, fromRow: number | undefined): void {
    // The age rules use the row's own DOB, as the DfE's do, else the header's; the register takes the header's, else the first row's.
    if (child !== undefined && this.dob.get(child) === NONE && fromRow !== undefined) this.setBorn(child, fromRow);
    const born = fromRow ?? (child !== undefined && this.dob.get(child) !== NONE ? this.dob.get(child) : undefined);
    if (held !== undefined && born !== undefined && participation >= 0) {
      // The row's DOB is nearly always the child's: their fourth birthday is then already worked out.
      const fourth = child !== undefined && born === this.dob.get(child) ? this.fourth.get(child) : fourthBirthday(born);
      const code = PARTICIPATION_CODES[participation]!;
      const rule = participationRuleByDay(code, fourth, held);
      if (rule === "440") this.problem("reviews", line, "REVIEW_CODE", `PN0 is for children under 4; the child was ${ageOn(fromDayNumber(born), fromDayNumber(held))} on ${ukDate(held)}`, "440");
      if (rule === "441") this.problem("reviews", line, "REVIEW_CODE", `the child was under 4 on ${ukDate(held)}: the code should be PN0, not ${code}`, "441");
    }
    if (child !== undefined && held !== undefined) {
      const periods = this.periods(child);
      if (periods.length === 0) this.problem("reviews", line, "CHILD", `child ${this.childIds.keyAt(child)} has no episodes in the episodes file`, "IRO-NO-EPISODES");
      else if (onlyShortBreaks(periods)) this.problem("reviews", line, "CHILD", `child ${this.childIds.keyAt(child)} is only ever on short breaks (V3/V4): the return should have no reviews for them`, "399");
      else {
        if (this.hasReview(child, held)) this.problem("reviews", line, "REVIEW", `child ${this.childIds.keyAt(child)} already has a review on ${ukDate(held)}`, "IRO-DUPLICATE");
        if (periodOf(periods, held) < 0) {
          const first = periods[0]!.start;
          this.problem("reviews", line, "REVIEW", held < first ? `the review (${ukDate(held)}) is before the child's first episode (${ukDate(first)})` : `the review (${ukDate(held)}) is not inside any period of care`, "IRO-OUTSIDE-CARE");
        }
      }
    }
    if (this.reported !== before) return;
    const r = this.revDay.push(held!);
    this.revCode.push(participation);
    this.revNext.push(this.reviewHead.get(child!));
    this.reviewHead.set(child!, r);
    this.counts.kept.reviews++;
  }

  /**
   * A plain row read where its cells are (CsvCells), no string cut but a new child's identifier,
   * when every cell is as nearly every row's is: each date dd/mm/yyyy and real, each code one of
   * its list exactly. The row then has the same checks on what it means as a record (headerChild,
   * episodeChild, reviewChild). Returns false, having reported nothing, for any other row: it is
   * read as a record, whose reading reports what is wrong with its cells.
   */
  cells(kind: Ssda903Kind, cells: CsvCells): boolean {
    if (this.skipped.has(kind)) return true;
    const at = this.at[kind];
    // A short row (a cell missing) is read as a record, whose missing cells are empty.
    if (cells.count < this.width[kind]) return false;
    const line = cells.line;
    if (kind === "header") {
      const born = dayIn(cells, at.DOB!);
      if (born === undefined) return false;
      const child = this.childIn(kind, cells, at.CHILD!);
      if (child !== undefined) this.headerChild(line, child, born);
    } else if (kind === "episodes") {
      const start = dayIn(cells, at.DECOM!);
      const decBlank = cells.is(at.DEC!, "");
      const end = decBlank ? NONE : dayIn(cells, at.DEC!);
      const rne = cells.codeIn(at.RNE!, REASON_NEW_EPISODE);
      const ls = cells.codeIn(at.LS!, LEGAL_STATUS);
      const recBlank = cells.is(at.REC!, "");
      const rec = recBlank ? -1 : cells.codeIn(at.REC!, REASON_CEASED);
      if (start === undefined || end === undefined || rne < 0 || ls < 0 || (!recBlank && rec < 0)) return false;
      this.counts.episodes++;
      const before = this.reported;
      this.episodeChild(line, before, this.childIn(kind, cells, at.CHILD!), start, end, rne, ls, rec, recBlank);
    } else {
      const held = dayIn(cells, at.REVIEW!);
      const participation = cells.codeIn(at.REVIEW_CODE!, PARTICIPATION_CODES);
      // The reviews file's own DOB is optional: no column, or an empty cell, is none.
      const dobBlank = at.DOB! < 0 || cells.is(at.DOB!, "");
      const fromRow = dobBlank ? undefined : dayIn(cells, at.DOB!);
      if (held === undefined || participation < 0 || (!dobBlank && fromRow === undefined)) return false;
      this.counts.reviews++;
      const before = this.reported;
      this.reviewChild(line, before, this.childIn(kind, cells, at.CHILD!), held, participation, fromRow);
    }
    return true;
  }

  /** Each child with a kept episode, by number (refOf, childCase, childJson), in the order of their first one; a child with no date of birth is left out, and said so. */
  *kept(): Generator<number> {
    for (let k = 0; k < this.episodeOrder.length; k++) {
      const child = this.episodeOrder.get(k);
      if (this.dob.get(child) !== NONE) {
        yield child;
        continue;
      }
      let first = NONE;
      for (let e = this.episodeHead.get(child); e !== NONE; e = this.epNext.get(e)) first = this.epLine.get(e);
      this.report({ file: this.names.header ?? this.names.episodes, row: first, column: "DOB", reason: `no date of birth for child ${this.refOf(child)} in the header or reviews files: the child is left out`, rule: "IRO-NO-DOB" });
    }
  }

  /** Each child the return makes (kept), as a ChildCase. */
  *children(): Generator<ChildCase> {
    for (const child of this.kept()) yield this.childCase(child);
  }

  refOf(child: number): CaseRef {
    return this.childIds.keyAt(child) as CaseRef;
  }

  childCase(child: number): ChildCase {
    const { periods, reviews } = this.periodsWithReviews(child);
    const held = (p: number): HeldReview[] => reviews[p]!.map((r) => ({ held: fromDayNumber(this.revDay.get(r)), participation: PARTICIPATION_CODES[this.revCode.get(r)]! }));
    const current = periods.length - 1;
    const earlier: EarlierPeriod[] = [];
    for (let i = 0; i < current; i++) {
      const p = periods[i]!;
      earlier.push({ periodStart: fromDayNumber(p.start), ended: fromDayNumber(endOf(p)), shortBreaks: p.shortBreaks, reviews: held(i) });
    }
    const last = periods[current]!;
    return {
      ref: this.refOf(child),
      childName: "",
      dateOfBirth: fromDayNumber(this.dob.get(child)),
      nation: "england",
      iro: null,
      socialWorker: null,
      teamManager: null,
      lac: { periodStart: fromDayNumber(last.start), legalStatus: LEGAL_STATUS[last.legalStatus]!, shortBreaks: last.shortBreaks, reviews: held(current), ended: last.end === NONE ? null : fromDayNumber(last.end), earlierPeriods: earlier },
      cp: null,
      contacts: [],
      rag: [],
      lateReasons: [],
    };
  }

  /**
   * JSON.stringify(this.childCase(child)), byte for byte (tested), written from what the reader
   * keeps without making the ChildCase: `iro-desk import` writes a million new children into the
   * register, and making each one's objects and date strings, then its JSON, then that JSON's
   * UTF-8, took a third of the import. Nothing needs escaping: references are only letters,
   * digits, space and - _ / . (parseCaseRef), dates are ISO, codes come from fixed lists.
   */
  childJson(child: number, out: JsonBytes): void {
    const { periods, reviews } = this.periodsWithReviews(child);
    const current = periods.length - 1;
    const last = periods[current]!;
    out.ascii(CHILD_JSON.REF);
    out.plainString(this.refOf(child));
    out.ascii(CHILD_JSON.DATE_OF_BIRTH);
    out.isoDay(this.dob.get(child));
    out.ascii(CHILD_JSON.LAC_PERIOD_START);
    out.isoDay(last.start);
    out.ascii(CHILD_JSON.LEGAL_STATUS[last.legalStatus]!);
    out.ascii(last.shortBreaks ? CHILD_JSON.TRUE_REVIEWS : CHILD_JSON.FALSE_REVIEWS);
    this.reviewsJson(reviews[current]!, out);
    if (last.end === NONE) out.ascii(CHILD_JSON.NOT_ENDED_EARLIER_PERIODS);
    else {
      out.ascii(CHILD_JSON.ENDED);
      out.isoDay(last.end);
      out.ascii(CHILD_JSON.EARLIER_PERIODS);
    }
    for (let i = 0; i < current; i++) {
      out.ascii(i === 0 ? CHILD_JSON.PERIOD_START : CHILD_JSON.NEXT_PERIOD_START);
      out.isoDay(periods[i]!.start);
      out.ascii(CHILD_JSON.PERIOD_ENDED);
      out.isoDay(endOf(periods[i]!));
      out.ascii(periods[i]!.shortBreaks ? CHILD_JSON.SHORT_BREAKS_TRUE_REVIEWS : CHILD_JSON.SHORT_BREAKS_FALSE_REVIEWS);
      this.reviewsJson(reviews[i]!, out);
      out.ascii(CHILD_JSON.PERIOD_END);
    }
    out.ascii(CHILD_JSON.END);
  }

  /** A period's reviews as childJson writes them, after the list's "[": {"held":"2026-01-05","participation":"PN1"},… */
  private reviewsJson(reviews: readonly number[], out: JsonBytes): void {
    for (let i = 0; i < reviews.length; i++) {
      out.ascii(i === 0 ? CHILD_JSON.HELD : CHILD_JSON.NEXT_HELD);
      out.isoDay(this.revDay.get(reviews[i]!));
      out.ascii(CHILD_JSON.PARTICIPATION[this.revCode.get(reviews[i]!)]!);
    }
  }

  /** A child's periods of care, and for each the numbers of its reviews, earliest first (every review kept is inside one of them: checked as it was read). */
  private periodsWithReviews(child: number): { periods: Period[]; reviews: number[][] } {
    const periods = this.periods(child);
    const inOrder = this.reviewsInDateOrder(child);
    // One period (nearly every child): its reviews are all the child's.
    if (periods.length === 1) return { periods, reviews: [inOrder] };
    const reviews: number[][] = periods.map(() => []);
    for (const r of inOrder) reviews[periodOf(periods, this.revDay.get(r))]!.push(r);
    return { periods, reviews };
  }

  /** A child's kept reviews, earliest first. */
  private reviewsInDateOrder(child: number): number[] {
    return linkedInOrder(this.reviewHead.get(child), this.revNext, this.revDay);
  }

  private problem(kind: Ssda903Kind, row: number, column: string, reason: string, rule: ImportRuleCode): void {
    this.reported++;
    this.report({ file: this.names[kind] ?? kind, row, column, reason, rule });
  }

  private childOf(kind: Ssda903Kind, line: number, text = ""): number | undefined {
    const expected = this.expectedChild(text, 0, text.length);
    return expected >= 0 ? expected : this.lookUpChild(kind, line, text);
  }

  /** childOf the CHILD cell at position `c`, cutting it into a string only when it is not the child expected. */
  private childIn(kind: Ssda903Kind, cells: CsvCells, c: number): number | undefined {
    const expected = this.expectedChild(cells.text, cells.start[c]!, cells.end[c]!);
    return expected >= 0 ? expected : this.lookUpChild(kind, cells.line, cells.text.slice(cells.start[c], cells.end[c]));
  }

  /**
   * The child whose identifier is exactly text[start, end), when it is the row before's or the one
   * read after it (it becomes the row before's), found without cutting or looking up the cell;
   * else -1. Rows come grouped by child (a child's reviews one after another), and the return's
   * files nearly always list children in the same order.
   */
  private expectedChild(text: string, start: number, end: number): number {
    if (this.lastChild >= 0 && this.childIds.keyIs(this.lastChild, text, start, end)) return this.lastChild;
    const next = this.lastChild + 1;
    if (next < this.childIds.size && this.childIds.keyIs(next, text, start, end)) return (this.lastChild = next);
    return -1;
  }

  /** The child a CHILD cell names, added when new; undefined (and the rule reported) when it is not a child identifier. */
  private lookUpChild(kind: Ssda903Kind, line: number, text: string): number | undefined {
    const id = text.trim();
    if (!parseCaseRef(id)) {
      this.problem(kind, line, "CHILD", id ? `"${id}" is not a child identifier` : "CHILD is empty", "IRO-CHILD");
      return undefined;
    }
    const known = this.childIds.size;
    const child = this.childIds.add(id);
    if (child === known) {
      this.dob.push(NONE);
      this.fourth.push(NONE);
      this.inHeader.push(0);
      this.episodeHead.push(NONE);
      this.reviewHead.push(NONE);
    }
    this.lastChild = child;
    return child;
  }

  /** A date cell as a day number: undefined (and the rule reported) when required and empty, or not a real date; NONE when empty and optional. */
  private day(kind: Ssda903Kind, line: number, column: string, text: string | undefined, rule: ImportRuleCode, required: boolean): number | undefined {
    const value = (text ?? "").trim();
    if (value === "") {
      if (required) this.problem(kind, line, column, `${column} is empty`, rule);
      return required ? undefined : NONE;
    }
    const parsed = parseUkDayNumber(value);
    if (parsed === undefined) this.problem(kind, line, column, `"${value}" is not a real date (dd/mm/yyyy)`, rule);
    return parsed;
  }

  private setBorn(child: number, born: number): void {
    this.dob.set(child, born);
    this.fourth.set(child, fourthBirthday(born));
  }

  private hasReview(child: number, day: number): boolean {
    for (let r = this.reviewHead.get(child); r !== NONE; r = this.revNext.get(r)) if (this.revDay.get(r) === day) return true;
    return false;
  }

  /** A child's periods of care from their kept episodes (kept for the child last asked about: reviews come grouped by child). */
  private periods(child: number): Period[] {
    if (this.periodsOf === child) return this.periodsKept;
    const list = linkedInOrder(this.episodeHead.get(child), this.epNext, this.epStart);
    // At most one period an episode: made that long and cut to size, as an array grown by push
    // starts with room for 17 (a child nearly always has one).
    const periods = new Array<Period>(list.length);
    let count = 0;
    // Episodes list[first] … list[i - 1] make the period being read.
    let first = 0;
    let shortBreaks = true;
    for (let i = 0; i < list.length; i++) {
      const e = list[i]!;
      if (i > 0 && ((this.epCodes.get(e) & 255) === NEW_PERIOD || this.ceased(list[i - 1]!))) {
        periods[count++] = this.period(list[first]!, list[i - 1]!, shortBreaks);
        first = i;
        shortBreaks = true;
      }
      if (!IS_SHORT_BREAK[(this.epCodes.get(e) >>> 8) & 255]) shortBreaks = false;
    }
    if (list.length > 0) periods[count++] = this.period(list[first]!, list[list.length - 1]!, shortBreaks);
    periods.length = count;
    this.periodsOf = child;
    this.periodsKept = periods;
    return periods;
  }

  /** The episode ended the period of care: it has an end date and a reason other than X1. */
  private ceased(e: number): boolean {
    return this.epEnd.get(e) !== NONE && this.epCodes.get(e) >>> 16 !== CONTINUES;
  }

  /** The period of care from episode `first` to episode `last`. */
  private period(first: number, last: number, shortBreaks: boolean): Period {
    return { start: this.epStart.get(first), end: this.ceased(last) ? this.epEnd.get(last) : NONE, shortBreaks, legalStatus: (this.epCodes.get(last) >>> 8) & 255 };
  }
}

export interface Ssda903Import {
  readonly children: ChildCase[];
  readonly problems: ImportProblem[];
  readonly rows: Ssda903Counts;
}

/**
 * The LAC register and review history from the SSDA903 return's CSV files held in memory (the
 * managers' import panel): every problem of every row reported, every good row kept.
 */
export function importSsda903(files: Ssda903Files): Ssda903Import {
  const problems: ImportProblem[] = [];
  const reader = readSsda903(files, (p) => problems.push(p));
  const children = [...reader.children()];
  return { children, problems, rows: reader.rows };
}

export interface Ssda903Files {
  readonly header?: CsvFile;
  readonly episodes: CsvFile;
  readonly reviews: CsvFile;
}

/** The return's files held in memory read through a reader, each problem of each row reported: its children are then there to take (kept, children). */
export function readSsda903(files: Ssda903Files, report: (problem: ImportProblem) => void): Ssda903Reader {
  const reader = new Ssda903Reader({ ...(files.header ? { header: files.header.name } : {}), episodes: files.episodes.name, reviews: files.reviews.name }, report);
  const feed = (kind: Ssda903Kind, file: CsvFile, row: (line: number, record: Record<string, string>) => void) => {
    try {
      const csv = csvRecordReader((columns) => reader.columns(kind, columns), row, SSDA903_READ[kind], (cells) => reader.cells(kind, cells));
      csv.push(file.text);
      csv.end();
    } catch (error) {
      if (!(error instanceof CsvSyntaxError)) throw error;
      reader.syntax(kind, error);
    }
  };
  if (files.header) feed("header", files.header, (line, record) => reader.header(line, record));
  feed("episodes", files.episodes, (line, record) => reader.episode(line, record));
  feed("reviews", files.reviews, (line, record) => reader.review(line, record));
  return reader;
}

/** The day number of cell `c` when it is a real date written dd/mm/yyyy, nothing more; else undefined. */
function dayIn(cells: CsvCells, c: number): number | undefined {
  return cells.end[c]! - cells.start[c]! === 10 ? ukDayNumberAt(cells.text, cells.start[c]!) : undefined;
}

/** A day number as people read it: "05/01/2026". */
function ukDate(day: number): string {
  return formatUkDate(fromDayNumber(day));
}

function ageOn(born: IsoDate, day: IsoDate): string {
  let years = 0;
  while (addCalendarMonths(born, (years + 1) * 12) <= day) years++;
  return `${years}`;
}

/**
 * The rows of a linked list (`head`, then `next` of each), earliest by `key` first. Rows are
 * linked newest first: filled from the end, they are in the order they were read, nearly always
 * already by key. An insertion sort: a child has a handful of episodes and reviews, and
 * Array.prototype.sort (and an array grown by push) makes work memory on every call, for each child
 * of a million.
 */
function linkedInOrder(head: number, next: IntColumn, key: IntColumn): number[] {
  let count = 0;
  for (let row = head; row !== NONE; row = next.get(row)) count++;
  const list = new Array<number>(count);
  for (let row = head, at = count; row !== NONE; row = next.get(row)) list[--at] = row;
  for (let i = 1; i < count; i++) {
    const row = list[i]!;
    let j = i - 1;
    for (; j >= 0 && key.get(list[j]!) > key.get(row); j--) list[j + 1] = list[j]!;
    list[j + 1] = row;
  }
  return list;
}

/** The period of care (by index) the day is inside, or -1. Loops, not some(): a review row each, and a callback that holds the day is a new object each time. */
function periodOf(periods: readonly Period[], day: number): number {
  for (let p = 0; p < periods.length; p++) if (periods[p]!.start <= day && (periods[p]!.end === NONE || day <= periods[p]!.end)) return p;
  return -1;
}

function onlyShortBreaks(periods: readonly Period[]): boolean {
  for (let p = 0; p < periods.length; p++) if (!periods[p]!.shortBreaks) return false;
  return true;
}

/** An earlier period's end (a period is earlier because it ended; one with no end date is read as ending on its start). */
function endOf(period: Period): number {
  return period.end === NONE ? period.start : period.end;
}

/**
 * The fixed parts of childJson (each value between them is written on its own), in the order of a
 * ChildCase's keys, as JSON.stringify writes them; codes as their whole key and value: fewer, larger
 * copies.
 */
const CHILD_JSON = {
  REF: asciiBytes('{"ref":'),
  DATE_OF_BIRTH: asciiBytes(',"childName":"","dateOfBirth":'),
  LAC_PERIOD_START: asciiBytes(',"nation":"england","iro":null,"socialWorker":null,"teamManager":null,"lac":{"periodStart":'),
  LEGAL_STATUS: LEGAL_STATUS.map((code) => asciiBytes(`,"legalStatus":"${code}","shortBreaks":`)),
  TRUE_REVIEWS: asciiBytes('true,"reviews":['),
  FALSE_REVIEWS: asciiBytes('false,"reviews":['),
  HELD: asciiBytes('{"held":'),
  NEXT_HELD: asciiBytes(',{"held":'),
  PARTICIPATION: PARTICIPATION_CODES.map((code) => asciiBytes(`,"participation":"${code}"}`)),
  NOT_ENDED_EARLIER_PERIODS: asciiBytes('],"ended":null,"earlierPeriods":['),
  ENDED: asciiBytes('],"ended":'),
  EARLIER_PERIODS: asciiBytes(',"earlierPeriods":['),
  PERIOD_START: asciiBytes('{"periodStart":'),
  NEXT_PERIOD_START: asciiBytes(',{"periodStart":'),
  PERIOD_ENDED: asciiBytes(',"ended":'),
  SHORT_BREAKS_TRUE_REVIEWS: asciiBytes(',"shortBreaks":true,"reviews":['),
  SHORT_BREAKS_FALSE_REVIEWS: asciiBytes(',"shortBreaks":false,"reviews":['),
  PERIOD_END: asciiBytes("]}"),
  END: asciiBytes(']},"cp":null,"contacts":[],"rag":[],"lateReasons":[]}'),
};
