import { readFile, writeFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { countOf } from "../../ui/format.js";
import { timescaleOptions } from "../../app/timescaleOptions.js";
import { figuresCsv } from "../../app/figuresCsv.js";
import { readServiceSettings } from "../../app/readServiceSettings.js";
import { buildReport, reportDocument } from "../../app/report/buildReport.js";
import type { ServiceSettings } from "../../app/serviceSettings.js";
import { parseIsoDate, type IsoDate } from "../../domain/calendar/isoDate.js";
import { formatUkDate } from "../../domain/calendar/ukDate.js";
import { percent } from "../../domain/performance/figure.js";
import { reportingQuarter, reportingYear, reportingYearStarting, type ReportingPeriod } from "../../domain/performance/reportingPeriod.js";
import { serviceFigures } from "../../domain/performance/serviceFigures.js";
import { PLACEHOLDER_MARK } from "../../domain/performance/serviceReport.js";
import { UsageError, type CommandIo } from "./command.js";
import { readRegister } from "./registerFile.js";

/** `iro-desk report`: see reportCommand.ts for what it does and its options. */
export async function runReport(args: readonly string[], io: CommandIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      year: { type: "string" },
      quarter: { type: "string" },
      from: { type: "string" },
      to: { type: "string" },
      today: { type: "string" },
      format: { type: "string", default: "table" },
      out: { type: "string" },
      settings: { type: "string" },
    },
  });
  if (positionals.length !== 1) throw new UsageError("give one register file: iro-desk report register.json");
  const format = values.format!;
  if (!["table", "csv", "json", "docx"].includes(format)) throw new UsageError(`--format must be table, csv, json or docx, not "${format}"`);
  const report = format === "json" || format === "docx";
  if (report && (values.from || values.to)) throw new UsageError("the report (--format json or docx) is for a reporting year (--year) or quarter (--quarter), not --from/--to");
  if (format === "docx" && !values.out) throw new UsageError("--format docx writes a file: name it with --out report.docx");
  if (values.out && format !== "docx") throw new UsageError("--out is for --format docx; the other formats print to standard output");
  const today = values.today ? parseIsoDate(values.today) : io.clock.today();
  if (!today) throw new UsageError(`--today "${values.today}" is not a real yyyy-mm-dd date`);
  const period = periodFrom(values, today);
  const register = await readRegister(positionals[0]!, false);
  const settings = await readSettingsFile(values.settings, register.staff);

  if (report) {
    const started = performance.now();
    const built = await buildReport(register, settings, { kind: values.quarter ? "quarterly" : "annual", period, today });
    if (format === "json") {
      io.stdout(JSON.stringify(built, null, 2) + "\n");
      return 0;
    }
    const bytes = await reportDocument(built);
    try {
      await writeFile(values.out!, bytes);
    } catch (error) {
      throw new UsageError(`${values.out}: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
    }
    const figures = built.sections.reduce((n, s) => n + s.figures.length, 0);
    io.stdout(`Wrote ${values.out} (${Math.round(bytes.length / 1024)} KB in ${((performance.now() - started) / 1000).toFixed(1)} s): ${built.title}, ${figures} figures. It is a draft: replace each passage marked "${PLACEHOLDER_MARK}" before publishing.\n`);
    return 0;
  }

  const figures = serviceFigures({ children: register.children, disputes: register.disputes, staff: settings.staff, period, options: timescaleOptions(settings), countRule: settings.countRule, today });
  if (format === "csv") io.stdout(figuresCsv(figures, period));
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
}

/** The service settings from --settings (checked; every problem named), the register's staff when the settings list none. */
async function readSettingsFile(path: string | undefined, registerStaff: ServiceSettings["staff"]): Promise<ServiceSettings> {
  let raw: unknown;
  if (path) {
    try {
      raw = JSON.parse(await readFile(path, "utf8"));
    } catch (error) {
      throw new UsageError(`${path}: ${(error as NodeJS.ErrnoException).code === "ENOENT" ? "no such file" : `not readable JSON (${(error as Error).message})`}`);
    }
  }
  const { settings, errors } = readServiceSettings(raw);
  if (errors.length > 0) throw new UsageError(`${path}: ${errors.join("; ")}`);
  return settings.staff.length > 0 ? settings : { ...settings, staff: registerStaff };
}

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
