import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { TODAY } from "../contract/testSandbox.js";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";
import { unbookedChildOf } from "./demoChildren.js";

const IRO = "sam.okafor@westmere.example";
const MANAGER = "priya.shah@westmere.example";
const THEMES = ["light", "dark", "contrast"] as const;
const { browser, sandbox } = useBrowserAndSandbox();
const at = (page: string, extra: string) => `${sandbox.url}/${page}?today=2026-03-02&now=2026-03-02T08:00:00Z&${extra}`;

/** What a pane looks like, read from the page: its width, the Fluent tokens in force, and anything wider than the pane. */
async function look(pane: Locator) {
  return pane.evaluate((el) => {
    const css = getComputedStyle(document.documentElement);
    const body = getComputedStyle(document.body);
    const control = el.querySelector("button:not(.card), select, input[type=search], input[type=text], input[type=date], textarea");
    const overflowing = [...el.querySelectorAll<HTMLElement>("table, .card, input, select, button")]
      .filter((e) => e.getBoundingClientRect().right > el.getBoundingClientRect().right + 0.5 && e.offsetParent !== null)
      .map((e) => `${e.tagName.toLowerCase()}.${e.className}`);
    return {
      width: el.getBoundingClientRect().width,
      font: body.fontFamily,
      brand: css.getPropertyValue("--colorBrandBackground").trim(),
      background: css.getPropertyValue("--colorNeutralBackground1").trim(),
      controlRadius: control ? getComputedStyle(control).borderTopLeftRadius : null,
      overflowing,
    };
  });
}

/** Every pane, set up to show what a person sees first (and the booking pane with its times). */
const PANES: readonly { name: string; url: (theme: string) => string; pane: string; ready: (page: Page) => Promise<void> }[] = [
  {
    name: "outlook-book",
    url: (theme) => at("preview-outlook.html", `user=${IRO}&theme=${theme}`),
    pane: "IRO Desk task pane",
    ready: async (page) => {
      const child = unbookedChildOf(sandbox, IRO, TODAY, { after: "2026-03-20" });
      await page.getByLabel("Find a child by case reference or name").fill(child.ref);
      await page.getByLabel("Find a child by case reference or name").press("Enter");
      await page.getByRole("button", { name: "Find free times" }).click();
      await page.getByRole("grid").waitFor();
    },
  },
  { name: "caseload-iro", url: (theme) => at("preview-caseload.html", `user=${IRO}&theme=${theme}`), pane: "IRO Desk sidebar", ready: (page) => page.getByRole("heading", { name: "My load" }).waitFor() },
  { name: "caseload-manager", url: (theme) => at("preview-caseload.html", `user=${MANAGER}&theme=${theme}`), pane: "IRO Desk sidebar", ready: (page) => page.getByRole("heading", { name: "IROs side by side" }).waitFor() },
  { name: "mail-templates", url: (theme) => at("preview-mail.html", `user=${IRO}&theme=${theme}`), pane: "IRO Desk task pane", ready: (page) => page.getByLabel("Find a child by case reference or name").waitFor() },
  { name: "mail-dispute-empty", url: (theme) => at("preview-mail.html", `user=${IRO}&mode=read&theme=${theme}`), pane: "IRO Desk task pane", ready: (page) => page.getByRole("button", { name: "Start a dispute" }).first().waitFor() },
  { name: "teams-checklist", url: (theme) => at("preview-teams.html", `user=${IRO}&theme=${theme}`), pane: "IRO Desk side panel", ready: (page) => page.getByRole("region", { name: "IRO Desk side panel" }).getByRole("button", { name: "Finish" }).waitFor() },
  { name: "manager-figures", url: (theme) => at("preview-manager.html", `user=${MANAGER}&width=350&theme=${theme}`), pane: "IRO Desk managers' view", ready: (page) => page.getByRole("region", { name: "IRO Desk managers' view" }).getByRole("table").first().waitFor({ timeout: 60_000 }) },
];

describe("the panes look native at 350 px in light, dark and high contrast (Office and Teams)", { timeout: 120_000 }, () => {
  for (const spec of PANES) {
    it(`${spec.name}: Fluent tokens, nothing wider than the pane, axe clean in every theme`, async () => {
      for (const theme of THEMES) {
        const page = await ukPage(browser(), 1200, 900);
        await page.goto(spec.url(theme));
        await spec.ready(page);
        const pane = page.getByRole("region", { name: spec.pane });
        const seen = await look(pane);
        expect(seen.width, theme).toBe(350);
        expect(seen.font).toMatch(/^"Segoe UI", "Segoe UI Web \(West European\)"/);
        expect(seen.controlRadius).toBe("4px");
        const teams = spec.name.startsWith("teams");
        expect(seen.brand, theme).toBe(theme === "contrast" ? "#1aebff" : teams ? (theme === "dark" ? "#4f52b2" : "#5b5fc7") : theme === "dark" ? "#115ea3" : "#0f6cbd");
        expect(seen.background, theme).toBe(theme === "light" ? "#ffffff" : theme === "dark" ? "#292929" : "#000000");
        expect(seen.overflowing, theme).toEqual([]);
        expect(await axeViolations(page), `${spec.name} ${theme}`).toEqual([]);
        await pane.screenshot({ path: `.test-results/screenshots/pane-${spec.name}-${theme}.png` });
        expect(page.errors, theme).toEqual([]);
        await page.context().close();
      }
    });
  }

  it("Windows high contrast (forced-colors): the system's colours, chosen cells and buttons outlined, axe clean", async () => {
    const page = await ukPage(browser(), 1200, 900);
    // Windows high contrast: Office follows it with its own high-contrast theme, so both are on.
    await page.emulateMedia({ forcedColors: "active", colorScheme: "dark" });
    await page.goto(at("preview-outlook.html", `user=${IRO}&theme=contrast`));
    await PANES[0]!.ready(page);
    const pane = page.getByRole("region", { name: "IRO Desk task pane" });
    const chosen = pane.locator('td[aria-selected="true"], input[name="slot"]:checked').first();
    expect(await chosen.count()).toBe(1);
    const button = await pane.getByRole("button", { name: "Find free times" }).evaluate((b) => getComputedStyle(b).borderTopStyle);
    expect(button).toBe("solid");
    expect(await axeViolations(page)).toEqual([]);
    await pane.screenshot({ path: ".test-results/screenshots/pane-outlook-book-forced-colors.png" });
    await screenshot(page, "outlook-preview-forced-colors");
  });
});
