import type { Command } from "./command.js";

export const reportCommand: Command = {
  name: "report",
  summary: "the service's performance figures for a period, or its annual or quarterly report, from a register file",
  usage: `iro-desk report REGISTER.json [--year 2025 | --quarter 2025-Q3 | --from YYYY-MM-DD --to YYYY-MM-DD] [--today YYYY-MM-DD]
                 [--format table|csv|json|docx] [--out FILE] [--settings SETTINGS.json]

The reporting year runs 1 April to 31 March: --year 2025 is 2025–26; --quarter 2025-Q1 is April
to June 2025. Without a period, the reporting year containing today.

--format table or csv: every figure for the period, with the children behind each line (csv).
--format json: the annual report (--year) or quarterly report (--quarter) as data: the same
  figures, comparisons, trends and sentences as the Word document, with no child named.
--format docx --out report.docx: that report as a Word document to edit and publish.
--settings: the service settings as JSON (staff and FTE, countRule, suppressSmallNumbers,
  comparators…); without it IRO Desk's defaults, with the staff listed in the register file.`,

  /** A file of its own (scripts/build.mjs), loaded only when this command runs: `due` starts without its code. */
  async run(args, io) {
    const { runReport } = await import("./reportRun.js");
    return runReport(args, io);
  },
};
