import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OFFICE_JS, officeStub } from "../fixtures/officeStub.js";
import { screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";

/**
 * Issue 16, instant panes: no serial chain before the first content (the configuration is in the
 * page, the code it needs is fetched at once, the rest on demand), and every pane marks its first
 * real data with performance.mark("iro:content") so any harness measures it the same way.
 */
const { browser, sandbox } = useBrowserAndSandbox();
const IRO = "sam.okafor@westmere.example";
const MANAGER = "priya.shah@westmere.example";
const at = (page: string, user: string, extra = "") => `${sandbox.url}/${page}?today=2026-03-02&now=2026-03-02T08:00:00Z&user=${user}${extra}`;
const markOf = (page: import("playwright-core").Page, name: string) => page.evaluate((n) => performance.getEntriesByName(n, "mark").length, name);

describe("the Outlook task pane opens without a serial chain", { timeout: 60_000 }, () => {
  it("shows the booking pane's children with the configuration from the page and only the code its first content needs", async () => {
    const page = await ukPage(browser(), 420, 900);
    await page.route(OFFICE_JS, (route) => route.fulfill({ status: 200, contentType: "text/javascript", body: officeStub(IRO, "Sam Okafor") }));
    await page.goto(`${sandbox.url}/taskpane.html?view=book`);
    await page.getByRole("heading", { name: "Book a review or conference" }).waitFor();
    await page.getByLabel("Find a child by case reference or name").waitFor();
    await page.waitForFunction(() => performance.getEntriesByName("iro:content", "mark").length === 1);
    // What the page had asked for by the moment its first content was marked.
    const beforeContent = await page.evaluate(() => {
      const mark = performance.getEntriesByName("iro:content", "mark")[0]!.startTime;
      return performance.getEntriesByType("resource").filter((r) => r.startTime < mark).map((r) => new URL(r.name).pathname);
    });
    // Nobody is asked for the configuration: the build wrote it into the page.
    expect(beforeContent).not.toContain("/config.json");
    // The chunks the entry imports are announced in the page, so they load beside it, not after it.
    const html = readFileSync("dist/web/taskpane.html", "utf8");
    const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => `/${m[1]}`);
    expect(preloaded.length).toBeGreaterThan(0);
    for (const chunk of preloaded) expect(beforeContent).toContain(chunk);
    // What is not needed for the list of children is not fetched before it: MSAL, the QR generator, booking one child, the other views.
    const meta = JSON.parse(readFileSync("dist/web-meta.json", "utf8")) as { outputs: Record<string, { entryPoint?: string; inputs: Record<string, unknown> }> };
    const chunksWith = (input: string) => Object.entries(meta.outputs).filter(([f, o]) => f.startsWith("dist/web/js/chunks/") && (o.entryPoint === input || (f.endsWith(".js") && Object.keys(o.inputs).includes(input)))).map(([f]) => f.slice("dist/web".length));
    for (const later of ["node_modules/qrcode-generator/dist/qrcode.mjs", "node_modules/@azure/msal-browser/dist/index.mjs", "src/ui/BookChild.tsx", "src/ui/CaseloadPane.tsx", "src/ui/TemplatePane.tsx"]) {
      expect(chunksWith(later).length, later).toBeGreaterThan(0);
      for (const chunk of chunksWith(later)) expect(beforeContent, later).not.toContain(chunk);
    }
    expect(await page.locator(".children li").count()).toBeGreaterThan(0);
    await screenshot(page, "instant-taskpane-book");
    expect(page.errors).toEqual([]);
  });
});

describe("every pane marks its first real data", { timeout: 60_000 }, () => {
  for (const [name, url, data] of [
    ["the caseload sidebar", () => at("preview-caseload.html", IRO), ".children li"],
    ["the managers' caseload", () => at("preview-caseload.html", MANAGER), "table.grid tbody tr"],
    ["the managers' figures", () => at("preview-manager.html", MANAGER), "section.card table"],
    ["the booking pane", () => at("preview-outlook.html", IRO), ".children li"],
    ["templates", () => at("preview-mail.html", IRO), ".children li"],
    ["disputes (an email chosen in the inbox)", () => at("preview-mail.html", IRO, "&mode=read"), "li.card"],
    ["the meeting checklist", () => at("preview-teams.html", IRO), "#checklist-title"],
  ] as const) {
    it(`${name}: iro:content is marked once, when the data is on the page`, async () => {
      const page = await ukPage(browser(), 1280, 900);
      // What the page held at the moment of the mark.
      await page.addInitScript((selector) => {
        const mark = performance.mark.bind(performance);
        performance.mark = (mark_: string, options?: PerformanceMarkOptions) => {
          if (mark_ === "iro:content") (window as unknown as { heldAtMark: number }).heldAtMark = document.querySelectorAll(selector).length;
          return mark(mark_, options);
        };
      }, data);
      await page.goto(url());
      if (name.startsWith("disputes")) await page.locator(".child").first().click();
      await page.waitForFunction(() => performance.getEntriesByName("iro:content", "mark").length > 0);
      await page.waitForTimeout(200);
      expect(await markOf(page, "iro:content")).toBe(1);
      expect(await page.evaluate(() => (window as unknown as { heldAtMark: number }).heldAtMark)).toBeGreaterThan(0);
      expect(page.errors).toEqual([]);
    });
  }
});
