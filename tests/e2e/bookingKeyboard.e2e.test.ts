import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TODAY } from "../contract/testSandbox.js";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";
import { unbookedChildOf } from "./demoChildren.js";

const IRO = "sam.okafor@westmere.example";
const { browser, sandbox } = useBrowserAndSandbox();
// Monday 02/03/2026 at 08:00 London: with no notice, 10:00 today would be offered first.
const previewUrl = () => `${sandbox.url}/preview-outlook.html?today=2026-03-02&now=2026-03-02T08:00:00Z&user=${IRO}`;

/** What has the keyboard focus: its role, accessible name (short) and whether it is checked or selected. */
async function focused(page: Page): Promise<{ tag: string; role: string | null; text: string; checked: boolean; selected: string | null; id: string }> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement & { checked?: boolean };
    return { tag: el.tagName.toLowerCase(), role: el.getAttribute("role"), text: (el.innerText || el.getAttribute("aria-label") || "").trim().slice(0, 80), checked: el.checked === true, selected: el.getAttribute("aria-selected"), id: el.id };
  });
}

/** A keyboard that counts every key press, typed characters included. */
function countingKeyboard(page: Page) {
  let presses = 0;
  return {
    get presses() { return presses; },
    press: async (key: string) => void (presses++, await page.keyboard.press(key)),
    type: async (text: string) => void ((presses += text.length), await page.keyboard.type(text)),
  };
}

async function openChild(page: Page, ref: string) {
  await page.goto(previewUrl());
  await page.getByLabel("Find a child by case reference or name").fill(ref);
  await page.getByLabel("Find a child by case reference or name").press("Enter");
  await page.getByRole("heading", { name: new RegExp(`– ref ${ref}`) }).waitFor();
}

describe("booking with the keyboard alone", { timeout: 60_000 }, () => {
  it("books a review in at most 15 key presses from the child picker, typing the reference included; focus follows each step", async () => {
    const page = await ukPage(browser(), 350, 900);
    const child = unbookedChildOf(sandbox, IRO, TODAY, { after: "2026-03-27" });
    await page.goto(previewUrl());
    await page.getByText(/Your \d+ children/).waitFor();
    await page.getByLabel("Find a child by case reference or name").focus();
    const keys = countingKeyboard(page);

    await keys.type(child.ref);
    await keys.press("Enter");
    // The result of choosing a child: focus on the booking form's heading.
    await expect.poll(async () => (await focused(page)).text).toMatch(new RegExp(`– ref ${child.ref}$`));
    while ((await focused(page)).text !== "Find free times" && keys.presses < 20) await keys.press("Tab");
    await keys.press("Enter");
    // The results: focus on "Best times", the top suggestion already chosen and named on the Book button.
    await expect.poll(async () => (await focused(page)).text).toBe("Best times");
    await keys.press("Tab");
    expect(await focused(page)).toMatchObject({ tag: "input", checked: true });
    const tabStops: string[] = [];
    while (!(await focused(page)).text.startsWith("Book: ") && keys.presses < 20) {
      await keys.press("Tab");
      const f = await focused(page);
      tabStops.push(f.role ?? f.text);
    }
    // The week grid is one tab stop, whatever the number of cells.
    expect(tabStops.filter((s) => s === "gridcell")).toHaveLength(1);
    await keys.press("Enter");
    await expect.poll(async () => (await focused(page)).text).toBe("Booked");
    await screenshot(page, "keyboard-booked-350");
    expect(keys.presses).toBeLessThanOrEqual(15);
    expect(page.errors).toEqual([]);
  });

  it("the week grid: one tab stop, arrow keys between cells, Home/End, Page Down for the next week, Enter chooses", async () => {
    const page = await ukPage(browser(), 350, 900);
    const child = unbookedChildOf(sandbox, IRO, TODAY, { after: "2026-04-10" });
    await openChild(page, child.ref);
    await page.getByRole("button", { name: "Find free times" }).click();
    const grid = page.getByRole("grid");
    // Focus goes to the results first (then the test takes it into the grid).
    await expect.poll(async () => (await focused(page)).text).toBe("Best times");
    const cells = grid.getByRole("gridcell");
    expect(await cells.count()).toBeGreaterThan(20);
    expect(await grid.locator('[tabindex="0"]').count()).toBe(1);
    await grid.locator('[tabindex="0"]').focus();
    const column = async () => page.evaluate(() => { const td = document.activeElement as HTMLTableCellElement; return { col: td.cellIndex, row: (td.parentElement as HTMLTableRowElement).rowIndex }; });
    // Preact draws after the key press: each position is polled until it settles.
    await page.keyboard.press("Home");
    await expect.poll(column).toMatchObject({ col: 1 });
    await page.keyboard.press("ArrowRight");
    await expect.poll(async () => (await column()).col).toBe(2);
    const right = await column();
    await page.keyboard.press("ArrowDown");
    await expect.poll(column).toEqual({ col: 2, row: right.row + 1 });
    await page.keyboard.press("End");
    await expect.poll(async () => (await column()).col).toBe(5);
    await page.keyboard.press("Control+Home");
    await expect.poll(column).toEqual({ col: 1, row: 1 });
    // Still exactly one tab stop, and it is the focused cell.
    expect(await grid.locator('[tabindex="0"]').count()).toBe(1);
    expect(await page.evaluate(() => document.activeElement?.getAttribute("tabindex"))).toBe("0");
    const week = await page.getByRole("heading", { name: /^Week of / }).innerText();
    await page.keyboard.press("PageDown");
    await expect.poll(() => page.getByRole("heading", { name: /^Week of / }).innerText()).not.toBe(week);
    await expect.poll(async () => (await focused(page)).role).toBe("gridcell");
    // Enter chooses the focused time (the first one there is, found with the arrow keys) and the Book button names it.
    const settle = async (key: string) => {
      const before = await column();
      await page.keyboard.press(key);
      await expect.poll(column).not.toEqual(before);
    };
    await page.keyboard.press("Control+Home");
    await expect.poll(column).toEqual({ col: 1, row: 1 });
    search: for (let row = 0; row < 16; row++) {
      for (let col = 0; col < 5; col++) {
        if (/^(Free|Maybe|Busy)/.test((await focused(page)).text)) break search;
        if (col < 4) await settle("ArrowRight");
      }
      await settle("ArrowDown");
      await page.keyboard.press("Home");
      await expect.poll(async () => (await column()).col).toBe(1);
    }
    const cell = await focused(page);
    expect(cell.text).toMatch(/^(Free|Maybe|Busy)\n?, /);
    await page.keyboard.press("Enter");
    await expect.poll(async () => (await focused(page)).selected).toBe("true");
    const when = /, (\w{3} \d\d\/\d\d\/2026, \d\d:\d\d–\d\d:\d\d)/.exec(cell.text.replace(/\s+/g, " "))?.[1] ?? "";
    expect(await page.getByRole("button", { name: /^Book: / }).innerText()).toBe(`Book: ${when}`);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "keyboard-grid-350");
  });
});

describe("notice, roles and the due-by date", { timeout: 60_000 }, () => {
  it("with parents and partners invited the top suggestion is 5 working days away, not today; each attendee shows their role", async () => {
    const page = await ukPage(browser(), 350, 900);
    const child = unbookedChildOf(sandbox, IRO, TODAY, { after: "2026-03-27" });
    await openChild(page, child.ref);
    const invited = page.getByRole("region", { name: /^Invited: / });
    const lines = (await invited.getByRole("listitem").allInnerTexts()).map((t) => t.replace(/\s+/g, " "));
    expect(lines[0]).toMatch(/ Social worker$/);
    expect(lines[1]).toMatch(/ Team manager$/);
    expect(lines.slice(2).every((l) => / (Carer|Parent|Partner)( \(optional\))?$/.test(l))).toBe(true);
    expect(lines.length).toBeGreaterThan(2);
    expect(await invited.innerText()).toContain("times from Mon 09/03/2026");
    await page.getByRole("button", { name: "Find free times" }).click();
    await page.getByRole("heading", { name: "Best times" }).waitFor();
    const best = await page.getByRole("group", { name: "Best times" }).getByRole("radio").first().evaluate((r) => (r.closest("label") as HTMLElement).innerText);
    expect(best).toMatch(/^(Mon 09|Tue 10|Wed 11|Thu 12|Fri 13)\/03\/2026/);
    // Staff only: 1 working day's notice.
    await page.getByRole("button", { name: "Change details" }).click();
    for (const box of await page.locator("#booking-details input[type=checkbox]").all()) {
      const label = await box.evaluate((b) => (b.closest("label") as HTMLElement).innerText);
      if (/Carer|Parent|Partner/.test(label)) await box.uncheck();
    }
    expect(await page.locator("#earliest-hint").innerText()).toBe("Not before Tue 03/03/2026: 1 working day's notice for staff (a service setting).");
    await screenshot(page, "booking-details-350");
  });

  it("marks times after the due-by date before one is chosen, asks why, moves focus to the reason when it is missing, and the caseload then says Booked late", async () => {
    const page = await ukPage(browser(), 350, 1000);
    // Due before the notice for family ends (or overdue already): every time offered is after the due-by date.
    const child = unbookedChildOf(sandbox, IRO, TODAY, { before: "2026-03-09" });
    await openChild(page, child.ref);
    await page.getByRole("button", { name: "Find free times" }).click();
    await page.getByRole("heading", { name: "Best times" }).waitFor();
    expect(await page.getByRole("group", { name: "Best times" }).getByText("After due-by date").count()).toBe(5);
    expect(await page.getByRole("columnheader", { name: /late/ }).count()).toBe(5);
    const lateCell = page.getByRole("gridcell", { name: /after the due-by date/ }).first();
    expect(await lateCell.count()).toBe(1);
    await screenshot(page, "late-times-marked-350");
    // Book without a reason: refused, focus on the reason.
    await page.getByRole("button", { name: /^Book: / }).click();
    await expect.poll(async () => (await focused(page)).id).toBe("late-reason");
    expect(await page.locator("#late-reason").getAttribute("aria-invalid")).toBe("true");
    expect(await page.locator("#late-reason-error").innerText()).toMatch(/after the due-by date/);
    expect(await axeViolations(page)).toEqual([]);
    await page.locator("#late-reason").selectOption("Family or carers asked for a later date");
    await page.getByRole("button", { name: /^Book: / }).click();
    await page.getByRole("heading", { name: "Booked" }).waitFor();
    await page.getByRole("button", { name: "Back to the caseload" }).click();
    // Back to the list, focus in its search box; the child is now "Booked late", not "On track".
    await expect.poll(async () => (await focused(page)).id).toBe("child-search");
    await page.keyboard.type(child.ref);
    const card = page.getByRole("button", { name: new RegExp(`Ref ${child.ref}`) });
    expect(await card.locator(".badge").innerText()).toBe("Booked late");
    await card.click();
    expect(await page.getByText(/, after the due-by date\.$/).count()).toBe(1);
    expect(page.errors).toEqual([]);
  });

  it("a bad address refused: focus goes back to the field, with the reason", async () => {
    const page = await ukPage(browser(), 350, 900);
    await openChild(page, unbookedChildOf(sandbox, IRO, TODAY, { after: "2026-03-27" }).ref);
    await page.getByRole("button", { name: "Change details" }).click();
    await page.getByLabel("Add someone (email address)").fill("not an address");
    await page.getByRole("button", { name: "Add", exact: true }).click();
    await expect.poll(async () => (await focused(page)).id).toBe("add-attendee");
    expect(await page.locator("#add-attendee").getAttribute("aria-invalid")).toBe("true");
    await page.getByLabel("Add someone (email address)").fill("kim@advocacy.example");
    await page.keyboard.press("Enter");
    expect(await page.locator("#booking-details").innerText()).toMatch(/Kim\s+Outside the council/);
  });
});
