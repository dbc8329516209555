import { mkdirSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { strFromU8, unzipSync } from "fflate";
import { beforeAll, describe, expect, it } from "vitest";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import type { ServiceReport } from "../../src/domain/performance/serviceReport.js";
import { demoRegister } from "../fixtures/demoRegister.js";
import { convertToPdf, docxParts, pdfPagePng, pdfText, readBytes, unescapeXml, wordText } from "../fixtures/officeSuite.js";
import { run } from "./runCli.js";

const dir = mkdtempSync(join(tmpdir(), "iro-desk-report-"));
const register = join(dir, "demo-register.json");
let demo: Awaited<ReturnType<typeof demoRegister>>;
const annualDocx = join(dir, "annual.docx");
const quarterlyDocx = join(dir, "quarterly.docx");
let annual: ServiceReport;
let quarterly: ServiceReport;
let written: string;

beforeAll(async () => {
  demo = await demoRegister("2026-03-02" as IsoDate);
  writeFileSync(register, JSON.stringify(demo));
  const common = [register, "--today", "2026-03-02"];
  annual = JSON.parse((await run("report", ...common, "--year", "2025", "--format", "json")).stdout);
  quarterly = JSON.parse((await run("report", ...common, "--quarter", "2025-Q3", "--format", "json")).stdout);
  written = (await run("report", ...common, "--year", "2025", "--format", "docx", "--out", annualDocx)).stdout;
  await run("report", ...common, "--quarter", "2025-Q3", "--format", "docx", "--out", quarterlyDocx);
}, 120_000);

/** Every part of the document, the charts' embedded workbooks opened too. */
function allText(path: string): string {
  const files = unzipSync(readBytes(path));
  return Object.entries(files)
    .flatMap(([name, data]) => (name.endsWith(".xlsx") ? Object.values(unzipSync(data)).map((d) => strFromU8(d)) : /\.(xml|rels)$/.test(name) ? [strFromU8(data)] : []))
    .join("\n");
}

describe("iro-desk report --format docx: the annual and quarterly reports as Word documents", { timeout: 240_000 }, () => {
  it("writes the file and says what it wrote", () => {
    const figures = annual.sections.reduce((n, s) => n + s.figures.length, 0);
    expect(written).toMatch(new RegExp(`^Wrote .*annual\\.docx \\(\\d+ KB in [\\d.]+ s\\): Independent Reviewing Officer service: annual report 2025–26, ${figures} figures\\. It is a draft`));
    expect(statSync(annualDocx).size).toBeLessThan(1_000_000);
  });

  it("carries exactly the JSON report's figures: every sentence, table row and trend, in order", () => {
    for (const [report, path] of [[annual, annualDocx], [quarterly, quarterlyDocx]] as const) {
      const text = wordText(docxParts(readBytes(path))["word/document.xml"]!);
      let at = 0;
      const next = (expected: string) => {
        const found = text.indexOf(expected, at);
        expect(found, `${report.period.label}: ${expected}`).toBeGreaterThanOrEqual(0);
        at = found + expected.length;
      };
      next(report.title);
      for (const s of report.sections) {
        next(s.title);
        for (const f of s.figures) {
          next(f.sentence);
          for (const l of f.lines) next([l.label, l.now.text, ...(l.before ? [l.before.text] : [])].join("\n"));
          if (f.trend) f.trend.periods.forEach((p, i) => next([p, ...f.trend!.lines.map((l) => l.points[i]!.text)].join("\n")));
        }
        next(s.placeholder.text);
      }
      for (const p of report.closing) next(p.text);
    }
  });

  it("is built to be read by everyone: real headings, header rows, every chart described from its numbers", () => {
    const parts = docxParts(readBytes(annualDocx));
    const doc = parts["word/document.xml"]!;
    const styles = [...doc.matchAll(/<w:pStyle w:val="([^"]+)"\/>/g)].map((m) => m[1]);
    expect(styles.filter((s) => s === "Title")).toHaveLength(1);
    expect(styles.filter((s) => s === "Heading1").length).toBeGreaterThanOrEqual(annual.sections.length + 1);
    expect(styles.filter((s) => s === "Heading2").length).toBeGreaterThanOrEqual(annual.sections.reduce((n, s) => n + s.figures.length, 0));
    const tables = doc.split("<w:tbl>").slice(1);
    expect(tables.length).toBeGreaterThan(20);
    for (const t of tables) expect(t.split("</w:tr>")[0]).toContain("<w:tblHeader/>");
    const charts = annual.sections.flatMap((s) => s.figures.flatMap((f) => [f.chart, f.trend?.chart].filter((c) => c)));
    const described = [...doc.matchAll(/<wp:docPr [^>]*descr="([^"]*)"/g)].map((m) => m[1]!);
    expect(described).toHaveLength(charts.length);
    for (const [i, c] of charts.entries()) expect(unescapeXml(described[i]!)).toBe(c!.alt);
    expect(Object.keys(parts).filter((p) => /^word\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(charts.length);
    expect(parts["docProps/core.xml"]).toContain("<dc:title>Independent Reviewing Officer service: annual report 2025–26</dc:title>");
    expect(parts["word/styles.xml"]).toContain('w:val="en-GB"');
  });

  it("names no child and gives no case reference anywhere, the charts' workbooks included; names no IRO", () => {
    for (const path of [annualDocx, quarterlyDocx]) {
      const text = allText(path);
      for (const c of demo.children) {
        expect(text.includes(c.ref), `case reference ${c.ref}`).toBe(false);
        expect(text.includes(c.childName), `child ${c.childName}`).toBe(false);
      }
      for (const s of demo.staff) expect(text.includes(s.name), s.name).toBe(false);
    }
    const json = JSON.stringify(annual);
    for (const c of demo.children) expect(json.includes(`"${c.ref}"`) || json.includes(c.childName)).toBe(false);
  });

  it("opens in a real office suite: LibreOffice converts both to PDF, the text carries the figures, and the pages can be looked at", () => {
    const [annualPdf, quarterlyPdf] = convertToPdf([annualDocx, quarterlyDocx], dir);
    for (const [report, pdf] of [[annual, annualPdf!], [quarterly, quarterlyPdf!]] as const) {
      // Lines break after an en dash ("2025–" / "26"): joined again, as a reader reads them.
      const text = pdfText(pdf).replace(/\s+/g, " ").replace(/– /g, "–");
      expect(text).toContain(report.title);
      let at = 0;
      for (const f of report.sections.flatMap((s) => s.figures)) {
        at = text.indexOf(f.sentence, at);
        expect(at, `${f.id}: ${f.sentence}`).toBeGreaterThanOrEqual(0);
        // A table cell may wrap, and LibreOffice then interleaves a row's cells: each of a line's numbers follows its label, in order.
        for (const l of f.lines) {
          let from = text.indexOf(l.label.split(" ").slice(0, 3).join(" "), at);
          expect(from, `${f.id}: ${l.label}`).toBeGreaterThanOrEqual(0);
          for (const n of l.now.text.match(/[\d.]+%?/g) ?? []) {
            from = text.indexOf(n, from);
            expect(from, `${f.id}: ${l.label}: ${n}`).toBeGreaterThanOrEqual(0);
          }
        }
      }
    }
    const shots = ".test-results/screenshots";
    mkdirSync(shots, { recursive: true });
    for (const page of [1, 3]) expect(statSync(pdfPagePng(annualPdf!, page, join(shots, `report-annual-page-${page}`))).size).toBeGreaterThan(10_000);
    expect(statSync(pdfPagePng(quarterlyPdf!, 1, join(shots, "report-quarterly-page-1"))).size).toBeGreaterThan(10_000);
  });

  it("refuses what it cannot do, in words, with exit code 2", async () => {
    for (const [args, message] of [
      [["--year", "2025", "--format", "docx"], /name it with --out report\.docx/],
      [["--from", "2025-04-01", "--to", "2025-06-30", "--format", "json"], /for a reporting year \(--year\) or quarter/],
      [["--year", "2025", "--out", join(dir, "x.docx")], /--out is for --format docx/],
      [["--year", "2025", "--format", "docx", "--out", join(dir, "no-such-folder", "r.docx")], /r\.docx: cannot be written \(ENOENT\)/],
    ] as const) {
      const { code, stderr } = await run("report", register, ...args);
      expect(code, args.join(" ")).toBe(2);
      expect(stderr).toMatch(message);
    }
  });
});
