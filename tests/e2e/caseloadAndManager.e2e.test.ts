import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CASE_REGISTER_LIST, DEMO_SITE } from "../../src/sandbox/demo/demoTenant.js";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";

const { browser, sandbox } = useBrowserAndSandbox();
const at = (page: string, user: string, extra = "") => `${sandbox.url}/${page}?today=2026-03-02&now=2026-03-02T08:00:00Z&user=${user}${extra}`;
const IRO = "sam.okafor@westmere.example";
const MANAGER = "priya.shah@westmere.example";

describe("the caseload sidebar", { timeout: 60_000 }, () => {
  it("shows an IRO their load against the band, overdue first, filters, and a child's history", async () => {
    const page = await ukPage(browser(), 480, 900);
    await page.goto(at("preview-caseload.html", IRO));
    await page.getByRole("heading", { name: "My load" }).waitFor();
    const load = await page.locator("section.card").first().innerText();
    expect(load).toMatch(/\d+ children \(\d+ looked after, \d+ on CP plans?; a child on both counts once\) at 1 FTE: [\d.]+ per FTE, (within|above|below) the guidance of 50–70 per full-time IRO\./);
    const badges = await page.locator(".children .badge:not([class*='RAG'])").allInnerTexts();
    expect(badges[0]).toBe("Overdue");
    await screenshot(page, "caseload-iro");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel("Show").selectOption("booked");
    const statuses = await page.locator(".children .badge.booked, .children .badge.overdue, .children .badge.due-soon, .children .badge.on-track").filter({ hasNotText: /^RAG/ }).allInnerTexts();
    expect(statuses.length).toBeGreaterThan(0);
    expect(new Set(statuses)).toEqual(new Set(["Booked"]));

    await page.locator(".child").first().click();
    await page.getByRole("heading", { name: "History", exact: true }).waitFor();
    expect(await page.getByRole("table").first().innerText()).toMatch(/LAC review 1/);
    expect(await page.getByRole("button", { name: "Move or cancel the booking" }).count()).toBe(1);
    await screenshot(page, "caseload-child");
    expect(page.errors).toEqual([]);
  });

  it("shows a manager every IRO side by side and the children overdue or unbooked across the service", async () => {
    const page = await ukPage(browser());
    await page.goto(at("preview-caseload.html", MANAGER));
    await page.getByRole("heading", { name: "IROs side by side" }).waitFor();
    const rows = await page.locator("table.grid tbody tr").count();
    expect(rows).toBe(sandbox.store.users().filter((u) => u.fte !== undefined).length);
    expect(await page.getByText(/^\d+ children$/).innerText()).toMatch(/^\d+ children$/);
    await screenshot(page, "caseload-manager");
    expect(await axeViolations(page)).toEqual([]);
  });
});

describe("one load per IRO on every surface", { timeout: 60_000 }, () => {
  it("a 0.6 FTE IRO's children per FTE and its place against 50–70 read the same in her pane, the managers' table and the managers' figures", async () => {
    const CLAIRE = "claire.dunmore@westmere.example";
    const page = await ukPage(browser(), 480, 900);
    // The first children are shown while the register is still being read: the counts are compared once all of it is.
    const registerRead = () => page.getByText(/^Reading the case register…/).waitFor({ state: "detached" });
    await page.goto(at("preview-caseload.html", CLAIRE));
    await page.getByRole("heading", { name: "My load" }).waitFor();
    await registerRead();
    const words = await page.locator("section.card").first().locator("p").first().innerText();
    const [, counted, perFte, position] = /^(\d+) children .* at 0\.6 FTE: ([\d.]+) per FTE, (within|above|below) the guidance of 50–70 per full-time IRO\.$/.exec(words)!;
    expect(Number(perFte)).toBeCloseTo(Number(counted) / 0.6, 1);
    expect(words).not.toMatch(/30–42/);

    await page.goto(at("preview-caseload.html", MANAGER));
    await page.getByRole("heading", { name: "IROs side by side" }).waitFor();
    await registerRead();
    // Six columns in a 350 px pane, each detail on its cell's second line: nothing hidden, nothing to scroll.
    const headers = await page.locator("table.iros thead th").allInnerTexts();
    expect(headers).toEqual(["IRO", "Children", "Per FTE", "Overdue", "Due soon", "Not booked"]);
    expect(await page.locator("table.iros caption").innerText()).toContain("against the guidance of 50–70 per full-time IRO");
    const claire = page.getByRole("row", { name: /^Claire Dunmore/ });
    expect((await claire.getByRole("rowheader").innerText()).replace(/\s+/g, " ")).toBe("Claire Dunmore 0.6 FTE");
    const cells = (await claire.locator("td").allInnerTexts()).map((c) => c.replace(/\s+/g, " "));
    expect(cells[0]).toMatch(new RegExp(`^${counted} \\d+ LAC, \\d+ CP$`));
    expect(cells[1]).toBe(`${perFte} ${position}`);
    for (const cell of await page.locator("table.iros tbody tr td:nth-child(3)").allInnerTexts()) expect(["below", "within", "above"]).toContain(cell.split(/\s+/)[1]);
    const fits = await page.locator("table.iros").evaluate((t) => ({ table: t.getBoundingClientRect().width, pane: t.closest("section.frame")!.getBoundingClientRect().width, scrolls: t.scrollWidth > t.clientWidth }));
    expect(fits.pane).toBe(350);
    expect(fits.table).toBeLessThanOrEqual(350);
    expect(fits.scrolls).toBe(false);
    // ...and no word is broken across two lines ("abov|e"): a word is drawn as one box.
    const broken = await page.locator("table.iros").evaluate((t) => {
      const words: string[] = [];
      const walk = document.createTreeWalker(t, NodeFilter.SHOW_TEXT);
      for (let n = walk.nextNode(); n; n = walk.nextNode()) {
        for (const m of (n.textContent ?? "").matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(n, m.index!);
          range.setEnd(n, m.index! + m[0].length);
          if (range.getClientRects().length > 1) words.push(m[0]);
        }
      }
      return words;
    });
    expect(broken).toEqual([]);

    await page.goto(at("preview-manager.html", MANAGER));
    const figure = page.locator("section.card", { has: page.getByRole("heading", { name: "Caseload per IRO FTE, against the guidance of 50–70" }) });
    const row = figure.getByRole("row", { name: new RegExp(`^Claire Dunmore \\(${counted} children at 0\\.6 FTE\\)`) });
    expect(await row.locator("td").first().innerText()).toBe(`${perFte} children per FTE`);
    await screenshot(page, "manager-caseload-figure");
    expect(page.errors).toEqual([]);
  });
});

describe("the managers' view", { timeout: 60_000 }, () => {
  it("shows every figure with its definition and children, and exports them to CSV", async () => {
    const page = await ukPage(browser(), 1100, 900);
    await page.goto(at("preview-manager.html", MANAGER));
    await page.getByRole("heading", { name: "Looked after children's reviews held in timescale" }).waitFor();
    for (const title of ["Initial child protection conferences within 15 working days", "How children took part in their reviews", "RAG ratings of care plans", "Disputes (Dispute Resolution Protocol)", "Caseload per IRO FTE, against the guidance of 50–70"]) {
      expect(await page.getByRole("heading", { name: title }).count(), title).toBe(1);
    }
    const reviews = page.locator("section.card", { has: page.getByRole("heading", { name: "Looked after children's reviews held in timescale" }) });
    expect(await reviews.locator("svg.chart").getAttribute("aria-label")).toMatch(/All reviews in timescale \d+(\.\d)?%/);
    // What is counted is said on the line and under "children behind it": reviews, and the children who had them.
    const all = reviews.getByRole("row", { name: /^All reviews in timescale/ });
    const [number, of] = [await all.locator("td").nth(0).innerText(), await all.locator("td").nth(1).innerText()];
    expect(number).toMatch(/^\d+ reviews$/);
    expect(of).toMatch(/^\d+ reviews$/);
    expect(await all.locator("summary").innerText()).toMatch(new RegExp(`^${number} of \\d+ children$`));
    // Every period offered is made of real dates (Q1 ends on 30/06).
    const periods = await page.getByLabel("Period").locator("option").allInnerTexts();
    expect(periods).toContain("Q1 2025–26 (01/04/2025 to 30/06/2025)");
    for (const p of periods) for (const [, dd, mm, yyyy] of p.matchAll(/(\d\d)\/(\d\d)\/(\d{4})/g)) expect(new Date(`${yyyy}-${mm}-${dd}T12:00:00Z`).getUTCDate(), p).toBe(Number(dd));
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export these figures (CSV)" }).click()]);
    const csv = readFileSync((await download.path())!, "utf8");
    expect(csv.split("\r\n")[0]).toBe("period,from,to,figure,line,counted,value,of,percent,children");
    expect(csv).toContain("2025–26,2025-04-01,2026-03-31,Looked after children's reviews held in timescale,All reviews in timescale,reviews,");
    await screenshot(page, "manager-figures");
    expect(await axeViolations(page)).toEqual([]);
    expect(page.errors).toEqual([]);
  });

  it("imports the return's files: bad rows listed, good rows written with progress, and a second import changes nothing", async () => {
    const page = await ukPage(browser(), 1100, 900);
    await page.goto(at("preview-manager.html", MANAGER, "&tab=import"));
    const F = "tests/fixtures/ssda903";
    const choose = async () => {
      await page.getByLabel("SSDA903 episodes").setInputFiles(`${F}/episodes.csv`);
      await page.getByLabel("SSDA903 reviews").setInputFiles(`${F}/reviews.csv`);
      await page.getByLabel("SSDA903 header").setInputFiles(`${F}/header.csv`);
      await page.getByRole("button", { name: "Check the files" }).click();
    };
    await choose();
    await page.getByText("13 problems in 13 rows: those rows will be left out; every other row is kept.").waitFor();
    expect(await page.getByRole("table", { name: /^Every problem/ }).locator("tbody tr").count()).toBe(13);
    const byRule = page.getByRole("table", { name: /^Problems by rule/ });
    expect(await byRule.locator("tbody tr").first().innerText()).toMatch(/^IRO-DUPLICATE\s+The same child, episode or review is in the file twice\.\s+2$/);
    expect(await byRule.getByRole("row", { name: /^440 / }).count()).toBe(1);
    expect(await page.getByText(/^3 new children to add; 0 already in the register would change/).count()).toBe(1);
    await screenshot(page, "manager-import-checked");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Write to the register: add 3" }).click();
    await page.getByText("Added 3, changed 0.").waitFor();
    expect(await page.locator("progress").getAttribute("value")).toBe("3");
    const refs = sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).map((i) => i.data.fields.Title);
    expect(refs).toEqual(expect.arrayContaining(["1001", "1002", "1003"]));

    await page.reload();
    await page.getByRole("button", { name: "Import from the national return" }).click();
    await choose();
    await page.getByText(/^0 new children to add; 0 already in the register would change; 3 unchanged/).waitFor();

    // Someone breaks 1002's register entry: the next import names it and does not add the child again.
    const item = sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).find((i) => i.data.fields.Title === "1002")!;
    expect((await sandbox.raw(MANAGER, "PATCH", `/sites/${DEMO_SITE}/lists/${CASE_REGISTER_LIST}/items/${item.id}/fields`, { DateOfBirth: "31/02/2015" })).status).toBe(200);
    await page.reload();
    await page.getByRole("button", { name: "Import from the national return" }).click();
    await choose();
    await page.getByText(/^0 new children to add; 0 already in the register would change; 2 unchanged/).waitFor();
    expect(await page.getByRole("alert").filter({ hasText: "1 child is left as they are" }).innerText()).toContain('Ref 1002: DateOfBirth: "31/02/2015" is not a date');
    await screenshot(page, "manager-import-held-back");
    expect(await axeViolations(page)).toEqual([]);
    const refs2 = sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).map((i) => i.data.fields.Title);
    expect(refs2.filter((r) => r === "1002")).toHaveLength(1);
    expect(page.errors).toEqual([]);
  });

  it("while an import is writing, leaving the page asks first; the screen says a stopped import can be run again", async () => {
    const page = await ukPage(browser(), 1100, 900);
    await page.goto(at("preview-manager.html", MANAGER, "&tab=import"));
    const dir = mkdtempSync(join(tmpdir(), "iro-import-"));
    const plans = join(dir, "cp-plans.csv");
    writeFileSync(plans, "CHILD,DOB,STRATEGY,ICPC,REVIEWS,PLAN_END,CATEGORY,CHAIR\r\n2001,01/02/2019,05/01/2026,,,,,\r\n2002,03/04/2018,06/01/2026,,,,,\r\n");
    await page.getByLabel("CP plans").setInputFiles(plans);
    await page.getByRole("button", { name: "Check the files" }).click();
    await page.getByText(/^2 new children to add/).waitFor();
    // The first write is throttled for a few seconds: the import is still writing when the IRO tries to leave.
    sandbox.faults.set([{ kind: "429", count: 1, method: "POST", pathContains: "/items", retryAfterSeconds: 3 }]);
    await page.getByRole("button", { name: "Write to the register: add 2" }).click();
    await page.getByText(/^Keep this page open until it finishes\. If it stops part-way .* write the same files again: children already written are not written twice/).waitFor();
    await screenshot(page, "manager-import-writing");
    const asked: string[] = [];
    page.once("dialog", (dialog) => void (asked.push(dialog.type()), dialog.dismiss()));
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => asked).toEqual(["beforeunload"]);
    expect(page.isClosed()).toBe(false);
    await page.getByText("Added 2, changed 0.").waitFor({ timeout: 20_000 });
    sandbox.faults.set([]);
    // Finished: leaving no longer asks.
    let askedAgain = false;
    page.once("dialog", (dialog) => void ((askedAgain = true), dialog.accept()));
    await page.close({ runBeforeUnload: true });
    await expect.poll(() => page.isClosed()).toBe(true);
    expect(askedAgain).toBe(false);
  });
});
