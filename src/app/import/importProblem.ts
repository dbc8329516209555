/** A row that could not be used, said so a person can find and fix it. */
export interface ImportProblem {
  readonly file: string;
  /** The line in the file (the header is line 1); 0 when the problem is with the file as a whole. */
  readonly row: number;
  readonly column: string;
  readonly reason: string;
  /** The rule broken: the DfE SSDA903 validation rule number where one applies (e.g. "166"), else IRO Desk's own. */
  readonly rule: ImportRuleCode;
}

export interface CsvFile {
  readonly name: string;
  readonly text: string;
}

/**
 * Every rule an imported row is checked against. Numbered rules are the DfE's SSDA903 validation
 * rules (their wording, as the DfE validator states them: data-to-insight/csc-validator-be-903,
 * lac_validator/rules/lac2022_23); "IRO-" rules are IRO Desk's own, for what the return's
 * validator checks only against last year's data or not at all.
 */
const IMPORT_RULES = {
  "102": "Date of birth is not a valid date.",
  "141": "Date episode began is not a valid date.",
  "143": "The reason for new episode code is not a valid code.",
  "144": "The legal status code is not a valid code.",
  "147": "Date episode ceased is not a valid date.",
  "148": "Date episode ceased and reason episode ceased must both be coded, or both left blank.",
  "149": "Reason episode ceased code is not valid.",
  "166": "Date of review is invalid or blank.",
  "167": "Data entry for participation is invalid or blank.",
  "356": "The date the episode ceased is before the date the same episode started.",
  "399": "Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.",
  "440": "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.",
  "441": "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.",
  "IRO-FILE": "The file cannot be read as the return's CSV, or lacks the columns it needs.",
  "IRO-CHILD": "The child identifier is empty or not an identifier.",
  "IRO-DUPLICATE": "The same child, episode or review is in the file twice.",
  "IRO-NO-EPISODES": "A review for a child with no episodes in the episodes file.",
  "IRO-OUTSIDE-CARE": "A review outside every period of care of the child.",
  "IRO-NO-DOB": "No date of birth for the child in the header or reviews files.",
  "IRO-CP-PLAN": "A CP plan row is missing a date, has an impossible one, or its conferences are out of order.",
  "IRO-ALLOCATION": "An allocation row does not name a child and a staff email address, or names a child not imported.",
} as const;
export type ImportRuleCode = keyof typeof IMPORT_RULES;

export interface RuleCount {
  readonly rule: ImportRuleCode;
  readonly title: string;
  readonly count: number;
}

/** How many problems each rule found, most first (then by rule): what a performance officer fixes first. */
export function problemCounts(problems: Iterable<Pick<ImportProblem, "rule">>): RuleCount[] {
  const tally = new Map<ImportRuleCode, number>();
  for (const p of problems) tally.set(p.rule, (tally.get(p.rule) ?? 0) + 1);
  return ruleCounts(tally);
}

/** The same from counts already kept (an import too large to keep every problem). */
export function ruleCounts(tally: ReadonlyMap<ImportRuleCode, number>): RuleCount[] {
  return [...tally].map(([rule, count]) => ({ rule, title: IMPORT_RULES[rule], count })).sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}

/** The columns of the problems CSV, and one problem as its row. */
export const PROBLEM_COLUMNS = ["file", "row", "column", "rule", "reason"] as const;
export function problemRow(p: ImportProblem): (string | number)[] {
  return [p.file, p.row, p.column, p.rule, p.reason];
}
