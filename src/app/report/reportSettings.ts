import type { NationalComparator } from "../../domain/performance/reportSentences.js";
import { readSettingFlag } from "../readSettingFlag.js";

/** The service settings the annual and quarterly reports use. */
export interface ReportSettings {
  /** Withhold numbers from 1 to 5 (and what they could be worked out from) in the reports. Off unless the service turns it on. */
  readonly suppressSmallNumbers: boolean;
  /** National figures set beside the service's own, each with its source and year. */
  readonly comparators: readonly NationalComparator[];
}

/**
 * IRO Desk ships one national figure, read from the DfE's published table: of the 72,090 ICPCs of
 * 2024–25 with a duration recorded, 58,670 were held within 15 working days of the start of the
 * section 47 enquiry (0–10 days: 6,240; 11–15: 52,430). The census counts from the s.47 start, IRO
 * Desk from the strategy discussion (the anchor setting): the source says so. Replace it when the
 * DfE publishes a newer year.
 */
export const DEFAULT_REPORT_SETTINGS: ReportSettings = {
  suppressSmallNumbers: false,
  comparators: [
    {
      figure: "icpc-in-timescale",
      line: "Within 15 working days",
      percent: 81.4,
      source: "England, DfE Children in need statistics 2025, table C4, counted from the start of the section 47 enquiry",
      year: "2024–25",
    },
  ],
};

/** Reads the report settings from the service settings' JSON, naming every problem in `errors`. */
export function readReportSettings(input: Readonly<Record<string, unknown>>, errors: string[]): ReportSettings {
  const suppressSmallNumbers = readSettingFlag(input, "suppressSmallNumbers", DEFAULT_REPORT_SETTINGS.suppressSmallNumbers, errors);
  let comparators = DEFAULT_REPORT_SETTINGS.comparators;
  if (input.comparators !== undefined) {
    const text = (v: unknown) => typeof v === "string" && v.trim() !== "" && v.length <= 300;
    const ok =
      Array.isArray(input.comparators) &&
      input.comparators.every((c: Record<string, unknown> | null) => typeof c === "object" && c !== null && text(c.figure) && text(c.line) && text(c.source) && text(c.year) && typeof c.percent === "number" && c.percent >= 0 && c.percent <= 100);
    if (ok) comparators = input.comparators as NationalComparator[];
    else errors.push('settings.comparators should be a list of { "figure": a figure id, "line": its line, "percent": 0 to 100, "source": text, "year": text }');
  }
  return { suppressSmallNumbers, comparators };
}
