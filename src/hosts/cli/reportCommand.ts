import { parseArgs } from "node:util";
import { countOf } from "../../ui/format.js";
import { timescaleOptions } from "../../app/dueReport.js";
import { figuresCsv } from "../../app/figuresCsv.js";
import { DEFAULT_SETTINGS } from "../../app/serviceSettings.js";
import { parseIsoDate, type IsoDate } from "../../domain/calendar/isoDate.js";
import { formatUkDate } from "../../domain/calendar/ukDate.js";
import { percent } from "../../domain/performance/figure.js";
import { reportingQuarter, reportingYear, reportingYearStarting, type ReportingPeriod } from "../../domain/performance/reportingPeriod.js";
import { serviceFigures } from "../../domain/performance/serviceFigures.js";
import { UsageError, type Command } from "./command.js";
import { readRegister } from "./registerFile.js";

export const reportCommand: Command = {
  name: "report",
  summary: "the service's performance figures for a period, from a register file",
  usage: `iro-desk report REGISTER.json [--year 2025 | --quarter 2025-Q3 | --from YYYY-MM-DD --to YYYY-MM-DD] [--today YYYY-MM-DD] [--format table|csv|json]

The reporting year runs 1 April to 31 March: --year 2025 is 2025–26; --quarter 2025-Q1 is April
to June 2025. Without a period, the reporting year containing today.`,

  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { year: { type: "string" }, quarter: { type: "string" }, from: { type: "string" }, to: { type: "string" }, today: { type: "string" }, format: { type: "string", default: "table" } },
    });
    if (positionals.length !== 1) throw new UsageError("give one register file: iro-desk report register.json");
    if (!["table", "csv", "json"].includes(values.format!)) throw new UsageError(`--format must be table, csv or json, not "${values.format}"`);
    const today = values.today ? parseIsoDate(values.today) : io.clock.today();
    if (!today) throw new UsageError(`--today "${values.today}" is not a real yyyy-mm-dd date`);
    const period = periodFrom(values, today);
    const register = await readRegister(positionals[0]!, false);
    const settings = DEFAULT_SETTINGS;
    const figures = serviceFigures({
      children: register.children,
      disputes: register.disputes,
      staff: register.staff,
      period,
      options: timescaleOptions(settings),
      today,
    });
    if (values.format === "json") io.stdout(JSON.stringify({ period, figures }, null, 2) + "\n");
    else if (values.format === "csv") io.stdout(figuresCsv(figures, period));
    else {
      const lines = [`IRO service figures, ${period.label} (${formatUkDate(period.from)} to ${formatUkDate(period.to)}); ${countOf(register.children.length, "child", "children")} in the register`, ""];
      for (const f of figures) {
        lines.push(f.title, `  ${f.definition}`);
        for (const r of f.rows) {
          const p = percent(r);
          lines.push(`  ${r.label.padEnd(58)} ${String(r.value).padStart(5)}${r.of !== undefined ? ` of ${String(r.of).padEnd(5)}` : ""} ${r.counted}${p === null ? "" : ` ${p.toFixed(1)}%`}`);
        }
        lines.push("");
      }
      io.stdout(lines.join("\n"));
    }
    return 0;
  },
};

function periodFrom(values: { year?: string; quarter?: string; from?: string; to?: string }, today: IsoDate): ReportingPeriod {
  if (values.year) {
    if (!/^\d{4}$/.test(values.year)) throw new UsageError(`--year takes the year the reporting year starts in, e.g. 2025 for 2025–26, not "${values.year}"`);
    return reportingYearStarting(Number(values.year));
  }
  if (values.quarter) {
    const m = /^(\d{4})-Q([1-4])$/.exec(values.quarter);
    if (!m) throw new UsageError(`--quarter takes e.g. 2025-Q3 (October to December 2025), not "${values.quarter}"`);
    return reportingQuarter(Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4);
  }
  if (values.from || values.to) {
    const from = parseIsoDate(values.from ?? "");
    const to = parseIsoDate(values.to ?? "");
    if (!from || !to || to < from) throw new UsageError("--from and --to take two real yyyy-mm-dd dates, the second not before the first");
    return { from, to, label: `${formatUkDate(from)}–${formatUkDate(to)}` };
  }
  return reportingYear(today);
}
