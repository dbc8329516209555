import { csvCell, csvLine } from "../../app/csv/writeCsv.js";
import type { DueResult } from "../../app/dueReport.js";
import type { IsoDate } from "../../domain/calendar/isoDate.js";
import { formatUkDate } from "../../domain/calendar/ukDate.js";
import { meetingName } from "../../domain/timescales/ruleSets.js";
import { EARLY_REVIEW_WORDS, type EarlyReviewReason } from "../../domain/timescales/timescaleCase.js";
import { utf8, Utf8Pieces } from "./utf8.js";

export const FORMATS = ["table", "json", "csv"] as const;
export type Format = (typeof FORMATS)[number];

/** Writes results one at a time as they are worked out, so any number of cases streams through. */
export interface DueWriter {
  row(result: DueResult): void;
  end(): void;
}

/** Why the next due-by date is early: "brought forward: the IRO asked for an early review". */
function earlyWords(r: DueResult): string | null {
  const early = r.next?.early;
  return early ? `brought forward: ${early === "birth" ? "the child was born after a pre-birth conference" : EARLY_REVIEW_WORDS[early as EarlyReviewReason]}` : null;
}

/** Unsupported's reason, an early due-by date and the warnings, for people reading a row. */
function note(r: DueResult): string {
  if (!r.reason && !r.next?.early && r.warnings.length === 0) return "";
  return [r.reason, earlyWords(r), ...r.warnings].filter(Boolean).join("; ");
}

/**
 * Output is gathered as UTF-8 into pieces of 64 KiB: one write per case would be a system call
 * each, and a piece gathered as one string is a tree of short ones V8 copies before encoding.
 */
export function dueWriter(format: Format, today: IsoDate, write: (output: Uint8Array) => void): DueWriter {
  const out = new Utf8Pieces(1 << 16, write);
  switch (format) {
    case "json": {
      let first = true;
      return {
        // The documented shape: warnings and reason only where there are any; working days left are for people (table, CSV).
        row({ warnings, workingDaysLeft: _, reason, ...rest }) {
          const item = { ...rest, ...(reason ? { reason } : {}), ...(warnings.length > 0 ? { warnings } : {}) };
          out.add(`${first ? "[\n" : ",\n"}  ${JSON.stringify(item, null, 2).replace(/\n/g, "\n  ")}`);
          first = false;
        },
        end() {
          out.add(first ? "[]\n" : "\n]\n");
          out.flush();
        },
      };
    }
    case "csv": {
      out.add(csvLine(["ref", "status", "event", "number", "dueBy", "workingDaysLeft", "errors", "note"]));
      // A note that is only a rule set's warnings is the same for every case using that rule set
      // (the engine shares the list): written out as CSV and encoded once per list, not once per
      // case. Where a rule set is not yet confirmed, such notes are most of the output.
      const sharedNotes = new WeakMap<readonly string[], Uint8Array>();
      const sharedNote = (r: DueResult): Uint8Array | undefined => {
        if (r.warnings.length === 0 || r.reason || r.next?.early) return undefined;
        let line = sharedNotes.get(r.warnings);
        if (line === undefined) sharedNotes.set(r.warnings, (line = utf8(`${csvCell(note(r))}\r\n`)));
        return line;
      };
      return {
        // Written cell by cell, as csvLine would write the row: a million rows make no line strings.
        row(r) {
          const next = r.next;
          out.add(csvCell(r.ref));
          out.add(",");
          out.add(r.status);
          out.add(",");
          if (next) {
            out.add(next.event);
            out.add(",");
            out.addInteger(next.number);
            out.add(",");
            out.add(next.dueBy);
          } else out.add(",,");
          out.add(",");
          if (r.workingDaysLeft !== null) out.addInteger(r.workingDaysLeft);
          out.add(",");
          if (r.errors.length > 0) out.add(csvCell(r.errors.map((e) => `${e.field}: ${e.reason}`).join("; ")));
          out.add(",");
          const shared = sharedNote(r);
          if (shared) out.addBytes(shared);
          else {
            out.add(csvCell(note(r) || null));
            out.add("\r\n");
          }
        },
        end: () => out.flush(),
      };
    }
    case "table":
      return tableWriter(today, out);
  }
}

/**
 * The table's columns are as wide as the first 1,000 rows need (a longer cell later pushes its row
 * along): the rest then stream. Problems and warnings follow the table.
 */
function tableWriter(today: IsoDate, out: Utf8Pieces): DueWriter {
  const header = ["Ref", "Next", "Due by", "Working days left", "Status"];
  const problems: string[] = [];
  let widths: number[] | null = null;
  let pending: string[][] = [];
  let count = 0;
  const line = (cells: readonly string[]) => cells.map((cell, c) => cell.padEnd(widths![c]!)).join("  ").trimEnd() + "\n";
  const start = () => {
    widths = header.map((h, c) => Math.max(h.length, ...pending.map((row) => row[c]!.length)));
    out.add(`Statutory timescales on ${formatUkDate(today)}\n\n${line(header)}${line(widths.map((w) => "-".repeat(w)))}`);
    for (const row of pending) out.add(line(row));
    pending = [];
  };
  return {
    row(r) {
      count++;
      const ref = r.ref ?? `(case ${count})`;
      const left = r.workingDaysLeft;
      const cells = [
        ref,
        r.next ? meetingName(r.next.event, r.next.number) : "–",
        r.next ? formatUkDate(r.next.dueBy) : "–",
        left === null ? "–" : left < 0 ? `${-left} overdue` : String(left),
        r.status.replace("-", " "),
      ];
      for (const e of r.errors) problems.push(`  ${ref}: ${e.field}: ${e.reason}`);
      if (r.reason) problems.push(`  ${ref}: unsupported: ${r.reason}`);
      const early = earlyWords(r);
      if (early) problems.push(`  ${ref}: ${early}`);
      for (const w of r.warnings) problems.push(`  ${ref}: warning: ${w}`);
      if (widths) out.add(line(cells));
      else {
        pending.push(cells);
        if (pending.length === 1000) start();
      }
    },
    end() {
      if (!widths) start();
      if (problems.length > 0) out.add(`\nProblems:\n${problems.join("\n")}\n`);
      out.add("\n");
      out.flush();
    },
  };
}
