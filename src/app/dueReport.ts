import type { IsoDate } from "../domain/calendar/isoDate.js";
import { assessTimescale, type TimescaleAssessment } from "../domain/timescales/assessTimescale.js";
import { IntColumn } from "./intColumn.js";
import { readCaseRecord, type CaseRecord } from "./readCaseRecord.js";
import { StringIndex } from "./stringIndex.js";
import { DEFAULT_SETTINGS, type ServiceSettings } from "./serviceSettings.js";
import { timescaleOptions } from "./timescaleOptions.js";

export interface DueResult extends TimescaleAssessment {
  readonly ref: string | null;
}

/**
 * The next statutory event of every case, in input order. A case with bad data gets its
 * errors and no next event; every other case is still worked out.
 */
export function dueReport(records: readonly CaseRecord[], today: IsoDate, settings: ServiceSettings = DEFAULT_SETTINGS): DueResult[] {
  return records.map(dueAssessor(today, settings));
}

/**
 * Works out one case at a time, in order, so a file of any size can be read and written as it
 * streams. A case reference used again is an error on the later case (the earlier one is kept):
 * two cases with one reference would put one child's dates on another's. With `detail` "next"
 * each result's history is left empty (for output that does not show it).
 */
export function dueAssessor(today: IsoDate, settings: ServiceSettings, detail: "history" | "next" = "history"): (record: CaseRecord) => DueResult {
  const options = timescaleOptions(settings);
  // Every reference seen, with the case it was first seen in: compact, as a file may hold a million.
  const refs = new StringIndex();
  const firstCase = new IntColumn();
  let position = 0;
  return (record) => {
    position++;
    const read = readCaseRecord(record);
    let first: number | undefined;
    if (read.ref !== null) {
      const known = refs.size;
      const index = refs.add(read.ref);
      if (index === known) firstCase.push(position);
      else first = firstCase.get(index);
    }
    const errors = first === undefined ? read.errors : [...read.errors, { field: "ref", reason: `the case reference "${read.ref}" is already used by case ${first} of this file` }];
    if (!read.timescaleCase || errors.length > 0) {
      return { ref: read.ref, status: "invalid", next: null, history: [], errors, warnings: [], workingDaysLeft: null };
    }
    const a = assessTimescale(read.timescaleCase, today, options, detail);
    // Field by field rather than spreading the assessment: this runs for every case of a large file.
    return a.reason === undefined
      ? { ref: read.ref, status: a.status, next: a.next, history: a.history, errors: a.errors, warnings: a.warnings, workingDaysLeft: a.workingDaysLeft }
      : { ref: read.ref, status: a.status, next: a.next, history: a.history, errors: a.errors, warnings: a.warnings, reason: a.reason, workingDaysLeft: a.workingDaysLeft };
  };
}
