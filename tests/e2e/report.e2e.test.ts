import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { docxParts, wordText } from "../fixtures/officeSuite.js";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";

const { browser, sandbox } = useBrowserAndSandbox();
const MANAGER = "priya.shah@westmere.example";
const at = () => `${sandbox.url}/preview-manager.html?today=2026-03-02&now=2026-03-02T08:00:00Z&user=${MANAGER}`;

/** Every text the reports card's status showed while it worked (a report can be written faster than a test looks). */
async function watchStatus(page: Awaited<ReturnType<typeof ukPage>>): Promise<() => Promise<string[]>> {
  await page.evaluate(() => {
    const seen: string[] = ((window as unknown as { seen: string[] }).seen = []);
    new MutationObserver(() => document.querySelectorAll("[role=status]").forEach((s) => s.textContent && seen.push(s.textContent))).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  return () => page.evaluate(() => (window as unknown as { seen: string[] }).seen);
}

describe("the managers' annual and quarterly reports", { timeout: 120_000 }, () => {
  it("Annual report downloads a Word document, with progress, whose figures are the ones the view shows", async () => {
    const page = await ukPage(browser(), 1100, 900);
    await page.goto(at());
    await page.getByRole("heading", { name: "Reports for the corporate parenting board" }).waitFor();
    const reviews = page.locator("section.card", { has: page.getByRole("heading", { name: "Looked after children's reviews held in timescale" }) }).getByRole("row", { name: /^All reviews in timescale/ });
    const [number, of, share] = (await Promise.all([0, 1, 2].map((i) => reviews.locator("td").nth(i).innerText()))) as [string, string, string];
    await screenshot(page, "manager-reports");
    await page.locator("section.card", { has: page.getByRole("heading", { name: "Reports for the corporate parenting board" }) }).screenshot({ path: ".test-results/screenshots/manager-reports-card.png" });
    expect(await axeViolations(page)).toEqual([]);

    const seen = await watchStatus(page);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Annual report", exact: true }).click()]);
    await page.locator("section.card", { has: page.getByRole("heading", { name: "Reports for the corporate parenting board" }) }).screenshot({ path: ".test-results/screenshots/manager-reports-done.png" });
    expect(download.suggestedFilename()).toBe("iro-annual-report-2025-26.docx");
    await page.getByText(/^Downloaded iro-annual-report-2025-26\.docx \(\d+ KB\)\. It is a draft/).waitFor();
    const progress = (await seen()).join("\n");
    expect(progress).toContain("Writing the annual report 2025–26: Working out the figures for 2024–25");
    expect(progress).toContain("Writing the annual report 2025–26: Writing the Word document");

    const parts = docxParts(new Uint8Array(readFileSync((await download.path())!)));
    const text = wordText(parts["word/document.xml"]!);
    expect(text).toContain("Independent Reviewing Officer service: annual report 2025–26");
    expect(text).toContain(`All reviews in timescale\n${number.replace(/ reviews$/, "")} of ${of} (${Number(share).toFixed(1)}%)`);
    expect(parts["[Content_Types].xml"]).toContain("wordprocessingml.document.main+xml");
    expect(page.errors).toEqual([]);
  });

  it("Quarterly report downloads the chosen quarter's document", async () => {
    const page = await ukPage(browser(), 1100, 900);
    await page.goto(at());
    await page.getByLabel("Quarter").selectOption({ label: "Q3 2025–26" });
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Quarterly report", exact: true }).click()]);
    expect(download.suggestedFilename()).toBe("iro-quarterly-report-Q3-2025-26.docx");
    const text = wordText(docxParts(new Uint8Array(readFileSync((await download.path())!)))["word/document.xml"]!);
    expect(text).toContain("Independent Reviewing Officer service: quarterly performance report, Q3 2025–26");
    expect(text).toContain("01/10/2025 to 31/12/2025");
    expect(text).toContain("compared with Q2 2025–26 (01/07/2025 to 30/09/2025)");
    expect(page.errors).toEqual([]);
  });

  it("the report to print: real headings, tables with headers, every chart described, placeholders marked; it prints without the page around it", async () => {
    const page = await ukPage(browser(), 1100, 900);
    await page.goto(at());
    await page.getByRole("button", { name: "Annual report to print" }).click();
    await page.getByRole("heading", { level: 1, name: "Independent Reviewing Officer service: annual report 2025–26" }).waitFor();
    expect(await page.getByRole("heading", { level: 2, name: "Looked after children's reviews" }).count()).toBe(1);
    expect(await page.getByRole("heading", { level: 3, name: "Initial child protection conferences within 15 working days" }).count()).toBe(1);
    const charts = page.locator("svg.report-chart");
    expect(await charts.count()).toBeGreaterThan(10);
    for (const label of await charts.evaluateAll((svgs) => svgs.map((s) => s.getAttribute("aria-label") ?? ""))) expect(label).toMatch(/^(Bar|Line) chart of .+: .+\d/);
    expect(await page.locator(".report-page table").count()).toBe(await page.locator(".report-page table thead th[scope=col]").evaluateAll((ths) => new Set(ths.map((th) => th.closest("table"))).size));
    const placeholders = await page.locator(".placeholder").allInnerTexts();
    expect(placeholders.length).toBeGreaterThanOrEqual(12);
    for (const p of placeholders) expect(p).toMatch(/^\[Manager to write: .+ Replace this note before publishing\.\]$/);
    expect(await page.locator(".report-page").innerText()).toMatch(/Nationally: 81\.4% \(England, DfE Children in need statistics 2025/);
    await screenshot(page, "manager-report-print");
    await page.screenshot({ path: ".test-results/screenshots/manager-report-print-top.png" });
    await page.locator("section", { has: page.getByRole("heading", { level: 3, name: "Initial child protection conferences within 15 working days" }) }).last().screenshot({ path: ".test-results/screenshots/manager-report-print-icpc.png" });
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("button", { name: "Print" }).isVisible()).toBe(false);
    expect(await page.locator("header.frame").isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    await page.getByRole("button", { name: "Back to the figures" }).click();
    await page.getByRole("heading", { name: "Service performance" }).waitFor();
    expect(page.errors).toEqual([]);
  });
});

describe("the document library is loaded only when a report is written", () => {
  it("no page's first download holds it: it is a chunk of its own, imported dynamically", () => {
    const meta = JSON.parse(readFileSync("dist/web-meta.json", "utf8")) as { outputs: Record<string, { imports: { path: string; kind: string }[]; inputs: Record<string, unknown>; entryPoint?: string }> };
    const holdsDocx = (file: string) => Object.keys(meta.outputs[file]?.inputs ?? {}).some((i) => i.includes("node_modules/docx/"));
    // One build per page: each page that can write a report has its own report chunk, and only that chunk holds the library.
    const chunks = Object.keys(meta.outputs).filter(holdsDocx);
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(meta.outputs[c]!.entryPoint, c).toBe("src/app/report/reportDocx.ts");
    for (const html of readdirSync("dist/web").filter((f) => f.endsWith(".html"))) expect(readFileSync(`dist/web/${html}`, "utf8"), `${html} preloads no report chunk`).not.toContain("reportDocx");
    for (const [entry, output] of Object.entries(meta.outputs).filter(([file, o]) => o.entryPoint && !file.includes("/chunks/"))) {
      const first = new Set<string>();
      const walk = (file: string) => {
        if (first.has(file)) return;
        first.add(file);
        for (const i of meta.outputs[file]?.imports ?? []) if (i.kind === "import-statement") walk(i.path);
      };
      walk(entry);
      expect([...first].filter(holdsDocx), `${output.entryPoint}`).toEqual([]);
    }
    const manager = Object.keys(meta.outputs).find((f) => meta.outputs[f]!.entryPoint?.endsWith("managerPreview.tsx"))!;
    const lazy = new Set<string>();
    const walkAll = (file: string) => {
      if (lazy.has(file)) return;
      lazy.add(file);
      for (const i of meta.outputs[file]?.imports ?? []) walkAll(i.path);
    };
    walkAll(manager);
    expect([...lazy].some(holdsDocx)).toBe(true);
  });
});
