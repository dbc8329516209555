import type { IsoDate } from "../../domain/calendar/isoDate.js";
import { formatUkDate, parseUkDate } from "../../domain/calendar/ukDate.js";
import { parseCaseRef, type CaseRef } from "../../domain/caseload/caseRef.js";
import { planStart, type ChildCase } from "../../domain/caseload/childCase.js";
import { csvRecords } from "../csv/parseCsv.js";
import { yesNo } from "../csv/yesNo.js";
import type { CsvFile, ImportProblem, ImportRuleCode } from "./importProblem.js";

/**
 * The CP register from a CSV of plans, one row per child: CHILD, DOB, STRATEGY (strategy
 * discussion dates, ";" between), ICPC (the initial conference: the ICPC, or the pre-birth or
 * transfer-in conference), REVIEWS (review conference dates, ";" between), PLAN_END, CATEGORY,
 * CHAIR (the chair's email); and, all optional (a file without them reads as before):
 * S47_DISCUSSION (the strategy discussion at which the s.47 enquiry was initiated, one of STRATEGY),
 * S47_START (the day the enquiry started), TRANSFER_IN (the day another authority's notice arrived,
 * for a child moving in on its plan), PRE_BIRTH (Y when the initial conference is held before the
 * birth; DOB is then the expected date until BORN, the day the child was born, is given). STRATEGY
 * may be left out of a file that has S47_START or TRANSFER_IN. Dates dd/mm/yyyy or yyyy-mm-dd.
 */
export function importCpPlans(file: CsvFile): { children: ChildCase[]; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const problem = (row: number, column: string, reason: string, rule: ImportRuleCode = "IRO-CP-PLAN") => problems.push({ file: file.name, row, column, reason, rule });
  const { columns, records } = csvRecords(file.text);
  const otherStart = columns.includes("S47_START") || columns.includes("TRANSFER_IN");
  const missing = ["CHILD", "DOB", ...(otherStart ? [] : ["STRATEGY"]), "ICPC"].filter((c) => !columns.includes(c));
  if (missing.length > 0) return { children: [], problems: [{ file: file.name, row: 1, column: missing.join(", "), reason: "the CP plans file needs CHILD, DOB, ICPC and STRATEGY columns (STRATEGY may be left out when S47_START or TRANSFER_IN is there)", rule: "IRO-FILE" }] };
  const children: ChildCase[] = [];
  const seen = new Set<string>();
  for (const { line, record } of records) {
    const ref = parseCaseRef(record.CHILD ?? "");
    let ok = true;
    if (!ref) { problem(line, "CHILD", record.CHILD ? `"${record.CHILD}" is not a child identifier` : "CHILD is empty", "IRO-CHILD"); ok = false; }
    else if (seen.has(ref)) { problem(line, "CHILD", `child ${ref} has two plan rows: one open plan per child`, "IRO-DUPLICATE"); ok = false; }
    const one = (column: string, required: boolean): IsoDate | null => {
      const text = (record[column] ?? "").trim();
      if (!text) {
        if (required) { problem(line, column, `${column} is empty`); ok = false; }
        return null;
      }
      const d = parseUkDate(text);
      if (!d) { problem(line, column, `"${text}" is not a real date`); ok = false; }
      return d ?? null;
    };
    const many = (column: string): IsoDate[] =>
      (record[column] ?? "").split(";").map((t) => t.trim()).filter(Boolean).flatMap((t) => {
        const d = parseUkDate(t);
        if (!d) { problem(line, column, `"${t}" is not a real date`); ok = false; }
        return d ? [d] : [];
      });
    const born = one("BORN", false);
    // An unborn child's DOB is the expected date; once born, BORN is enough.
    const dateOfBirth = one("DOB", born === null) ?? born;
    const strategy = many("STRATEGY");
    const s47Discussion = one("S47_DISCUSSION", false);
    const s47Start = one("S47_START", false);
    const transferIn = one("TRANSFER_IN", false);
    const preBirth = yesNo(record.PRE_BIRTH ?? "");
    if (preBirth === undefined) { problem(line, "PRE_BIRTH", `"${record.PRE_BIRTH}" should be Y or N`); ok = false; }
    if (strategy.length === 0 && !s47Start && !transferIn && ok) { problem(line, "STRATEGY", "at least one strategy discussion date is needed (or S47_START, or TRANSFER_IN for a child moving in on a plan)"); ok = false; }
    if (s47Discussion && !strategy.includes(s47Discussion)) { problem(line, "S47_DISCUSSION", `${formatUkDate(s47Discussion)} is not one of the strategy discussions in STRATEGY`); ok = false; }
    if (born && !preBirth) { problem(line, "BORN", "BORN is for a child whose initial conference was pre-birth: set PRE_BIRTH to Y"); ok = false; }
    const icpc = one("ICPC", false);
    const reviews = many("REVIEWS");
    const ended = one("PLAN_END", false);
    if (icpc && reviews.some((r) => r <= icpc)) { problem(line, "REVIEWS", `a review conference is on or before the initial conference (${formatUkDate(icpc)})`); ok = false; }
    if (!icpc && reviews.length > 0) { problem(line, "ICPC", "review conferences are listed but the ICPC date is empty"); ok = false; }
    if (born && icpc && born < icpc) { problem(line, "BORN", `the child was born (${formatUkDate(born)}) before the pre-birth conference (${formatUkDate(icpc)})`); ok = false; }
    if (!ok || !dateOfBirth || !ref) continue;
    seen.add(ref);
    children.push({
      ref: ref as CaseRef,
      childName: "",
      dateOfBirth,
      nation: "england",
      iro: null,
      socialWorker: null,
      teamManager: null,
      lac: null,
      cp: {
        chair: record.CHAIR?.trim() || null,
        strategyDiscussions: strategy,
        ...planStart({ s47Discussion, s47Start, transferIn, preBirth: preBirth === true, born }),
        icpc,
        category: record.CATEGORY?.trim() || null,
        reviews: reviews.map((held) => ({ held })),
        ended,
      },
      contacts: [],
      rag: [],
      lateReasons: [],
    });
  }
  return { children, problems };
}

/** IRO allocation from a CSV: CHILD, IRO (email), and optionally SOCIAL_WORKER, TEAM_MANAGER. */
export function importAllocation(file: CsvFile): { allocation: Map<string, { iro: string; socialWorker: string | null; teamManager: string | null }>; problems: ImportProblem[] } {
  const problems: ImportProblem[] = [];
  const allocation = new Map<string, { iro: string; socialWorker: string | null; teamManager: string | null }>();
  const { columns, records } = csvRecords(file.text);
  if (!columns.includes("CHILD") || !columns.includes("IRO")) return { allocation, problems: [{ file: file.name, row: 1, column: "CHILD, IRO", reason: "the allocation file needs CHILD and IRO columns", rule: "IRO-FILE" }] };
  const email = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
  for (const { line, record } of records) {
    const child = (record.CHILD ?? "").trim();
    const iro = (record.IRO ?? "").trim();
    const before = problems.length;
    const problem = (column: string, reason: string, rule: ImportRuleCode = "IRO-ALLOCATION") => problems.push({ file: file.name, row: line, column, reason, rule });
    if (!parseCaseRef(child)) problem("CHILD", child ? `"${child}" is not a child identifier` : "CHILD is empty", "IRO-CHILD");
    else if (allocation.has(child)) problem("CHILD", `child ${child} is allocated twice`, "IRO-DUPLICATE");
    if (!email.test(iro)) problem("IRO", iro ? `"${iro}" is not an email address` : "IRO is empty");
    const optional = (column: string) => {
      const value = (record[column] ?? "").trim();
      if (value && !email.test(value)) problem(column, `"${value}" is not an email address`);
      return value && email.test(value) ? value : null;
    };
    const socialWorker = optional("SOCIAL_WORKER");
    const teamManager = optional("TEAM_MANAGER");
    // A row with a bad child or IRO is left out; a bad optional address is reported and left blank.
    if (problems.slice(before).some((p) => p.column === "CHILD" || p.column === "IRO")) continue;
    allocation.set(child, { iro, socialWorker, teamManager });
  }
  return { allocation, problems };
}
