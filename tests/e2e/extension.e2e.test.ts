import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type BrowserContext, type Page, type Worker } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromRegisterFields } from "../../src/adapters/graph/caseRegisterFields.js";
import { CASE_REGISTER_LIST } from "../../src/sandbox/demo/demoTenant.js";
import { TestSandbox } from "../contract/testSandbox.js";
import { HOSTILE } from "../fixtures/hostile.js";
import { axeViolations, CHROMIUM, screenshot } from "./browser.js";

// The development build: the sandbox on localhost is a host permission there (a shipped build asks
// for it at run time, which a headless browser cannot answer).
const EXTENSION = resolve("dist/extension-dev");
const sandbox = new TestSandbox(resolve("dist/web"));
let context: BrowserContext;
let worker: Worker;
let id: string;

const FORM = `<!doctype html><html lang="en-GB"><head><title>Case management system (test page)</title></head><body>
<main><h1>Case note</h1>
<label for="note">Note</label><textarea id="note" rows="8" cols="60">Hello </textarea>
<div id="editor" contenteditable="true" aria-label="Rich editor" style="border:1px solid #888;min-height:80px"><p>Dear colleague,</p></div>
</main></body></html>`;

beforeAll(async () => {
  await sandbox.start();
  context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), "iro-desk-ext-")), {
    executablePath: CHROMIUM,
    headless: true,
    locale: "en-GB",
    timezoneId: "Europe/London",
    args: ["--no-sandbox", "--disable-gpu", `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`, "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  worker = context.serviceWorkers()[0] ?? (await context.waitForEvent("serviceworker"));
  id = new URL(worker.url()).host;
  await context.route(`${sandbox.url}/case-note.html`, (route) => route.fulfill({ contentType: "text/html", body: FORM }));
}, 60_000);
afterAll(async () => {
  await context?.close();
  await sandbox.stop();
});

async function configure(): Promise<void> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${id}/options.html`);
  await options.getByLabel("Sandbox address").fill(sandbox.url);
  await options.getByLabel("Demo user (email)").fill("sam.okafor@westmere.example");
  await options.getByRole("button", { name: "Save" }).click();
  await options.getByText("Saved.").waitFor();
  expect(await axeViolations(options)).toEqual([]);
  await options.close();
}

async function formTab(): Promise<{ page: Page; tabId: number }> {
  const page = await context.newPage();
  await page.goto(`${sandbox.url}/case-note.html`);
  const tabId = await worker.evaluate(async (url) => (await chrome.tabs.query({})).find((t) => t.url === url)!.id!, `${sandbox.url}/case-note.html`);
  return { page, tabId };
}

async function insert(panel: Page, template: string): Promise<void> {
  await panel.getByText(/Your \d+ children/).waitFor();
  await panel.locator(".child").first().click();
  await panel.getByLabel("Template", { exact: true }).selectOption(template);
  await panel.getByRole("button", { name: "Insert into the field on the page" }).click();
  await panel.getByText(/^Inserted “.*” into the field on the page/).waitFor();
}

describe("the browser extension (Manifest V3, loaded unpacked in Chromium)", { timeout: 90_000 }, () => {
  it("shows the demo caseload in its side panel, against the sandbox set in its options", async () => {
    await configure();
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 350, height: 900 });
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    await panel.getByRole("heading", { name: "My load" }).waitFor();
    expect(await panel.locator(".children .child").count()).toBeGreaterThan(10);
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, "extension-sidepanel-caseload");
    // The side panel follows the browser's light or dark setting, live, and Windows high contrast.
    for (const [scheme, theme] of [["dark", "dark"], ["light", "light"]] as const) {
      await panel.emulateMedia({ colorScheme: scheme });
      await expect.poll(() => panel.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await axeViolations(panel), scheme).toEqual([]);
      await screenshot(panel, `extension-sidepanel-caseload-${scheme}`);
    }
    await panel.emulateMedia({ colorScheme: "dark", forcedColors: "active" });
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, "extension-sidepanel-caseload-forced-colors");
    await panel.close();
  });

  it("inserts a template at the cursor of a textarea, as plain text with the marking", async () => {
    const { page, tabId } = await formTab();
    await page.locator("#note").click();
    await page.keyboard.press("End");
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html?view=templates&tab=${tabId}`);
    await insert(panel, "consultation-request");
    const value = await page.locator("#note").inputValue();
    expect(value).toMatch(/^Hello OFFICIAL-SENSITIVE\n\nHello,\n\nThe review meeting for ref \d+ is on /);
    expect(value).toContain("Your views matter");
    expect(await page.locator("#editor").innerText()).toBe("Dear colleague,");
    await panel.close();
    await page.close();
  });

  it("inserts into a rich-text editor as elements, with typed values kept as text; the page's scripts see none of the extension's state", async () => {
    const { page, tabId } = await formTab();
    await page.locator("#editor p").click();
    await page.keyboard.press("End");
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html?view=templates&tab=${tabId}`);
    await panel.getByText(/Your \d+ children/).waitFor();
    const ref = (await panel.locator(".child .ref").first().innerText()).replace("Ref ", "");
    await panel.locator(".child").first().click();
    await panel.getByLabel("Template", { exact: true }).selectOption("rag-amber");
    await panel.getByLabel("Concerns").fill(HOSTILE[1]!);
    await panel.getByLabel("Action 1").fill("Update the PEP");
    const ragOf = () => sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).map((i) => fromRegisterFields(i.data.fields).childCase!).find((c) => c.ref === ref)!.rag;
    const before = ragOf().length;
    await panel.getByRole("button", { name: "Insert into the field on the page" }).click();
    // A web form's sending is out of sight: nothing is recorded until the IRO says it has gone.
    await panel.getByText(/^Inserted “RAG Amber: monitoring email” into the field on the page for ref \d+\. IRO Desk cannot see this form being sent, so the amber rating is not recorded by itself/).waitFor();
    expect(ragOf()).toHaveLength(before);
    await panel.getByRole("button", { name: `Record the amber rating on ref ${ref}'s case…` }).click();
    const ask = panel.getByRole("region", { name: `Record amber on ref ${ref}'s case?` });
    expect(await ask.innerText()).toContain("Record it only once the email or letter has gone.");
    expect(ragOf()).toHaveLength(before);
    await ask.getByRole("button", { name: "Record the amber rating" }).click();
    await panel.getByText(new RegExp(`^The amber rating is in ref ${ref}'s RAG history, dated \\d\\d/\\d\\d/\\d{4}\\.$`)).waitFor();
    expect(ragOf()).toHaveLength(before + 1);
    expect(ragOf().at(-1)).toMatchObject({ rating: "amber", reason: HOSTILE[1] });

    const editor = page.locator("#editor");
    expect(await editor.locator("strong").first().innerText()).toBe("OFFICIAL-SENSITIVE");
    expect(await editor.locator("ul li").first().innerText()).toMatch(/^Update the PEP – .+, by \d\d\/\d\d\/\d{4}$/);
    expect(await editor.innerText()).toContain(HOSTILE[1]);
    expect(await editor.locator("img").count()).toBe(0);
    // The content script lives in an isolated world: nothing of it is visible to the page's own scripts.
    expect(await page.evaluate(() => Object.keys(window).filter((k) => /iro/i.test(k)))).toEqual([]);
    await screenshot(page, "extension-rich-insert");
    await panel.close();
    await page.close();
  });

  it("says to click in a field when the page has none in focus", async () => {
    const { page, tabId } = await formTab();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    const panel = await context.newPage();
    await panel.goto(`chrome-extension://${id}/sidepanel.html?view=templates&tab=${tabId}`);
    await panel.getByText(/Your \d+ children/).waitFor();
    await panel.locator(".child").first().click();
    await panel.getByLabel("Template", { exact: true }).selectOption("consultation-request");
    await panel.getByRole("button", { name: "Insert into the field on the page" }).click();
    await panel.getByText("Click in the field on the page where the template should go, then insert.").waitFor();
  });

  it("the templates tab opened by itself: Copy works (pasted into a page) and the letter is signed with the IRO's name, not their address", async () => {
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 350, height: 900 });
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    await panel.getByRole("button", { name: "Templates" }).click();
    await panel.getByText(/Your \d+ children/).waitFor();
    await panel.locator(".child").first().click();
    await panel.getByLabel("Template", { exact: true }).selectOption("consultation-request");
    const preview = panel.locator(".email-preview");
    const lines = (await preview.innerText()).trim().split("\n").filter(Boolean);
    expect(lines.slice(-2)).toEqual(["Sam Okafor", "Independent Reviewing Officer"]);
    expect(await preview.innerText()).not.toContain("sam.okafor@");
    // No field on a page was chosen: Insert is not offered, Copy is the primary action.
    expect(await panel.getByRole("button", { name: /^Insert into/ }).count()).toBe(0);
    await panel.getByRole("button", { name: "Copy", exact: true }).click();
    await panel.getByText(/^Copied “.*” for ref \d+: paste it into the email or form\. Its subject: \[OFFICIAL-SENSITIVE\] /).waitFor();
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, "extension-templates-copy");
    const { page } = await formTab();
    await page.locator("#note").fill("");
    await page.locator("#note").focus();
    await page.keyboard.press("Control+V");
    const pasted = await page.locator("#note").inputValue();
    expect(pasted).toMatch(/^OFFICIAL-SENSITIVE\n\nHello,\n\nThe review meeting for ref \d+ is on /);
    expect(pasted.trim().endsWith("Sam Okafor\nIndependent Reviewing Officer")).toBe(true);
    await page.close();
    await panel.close();
  });

  it("says the sandbox cannot be reached when it is not running, or stops while the panel is open, never that sign-in expired", async () => {
    const elsewhere = new TestSandbox(resolve("dist/web"));
    await elsewhere.start();
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.getByLabel("Sandbox address").fill(elsewhere.url);
    await options.getByRole("button", { name: "Save" }).click();
    await options.getByText("Saved.").waitFor();
    const panel = await context.newPage();
    await panel.setViewportSize({ width: 400, height: 900 });
    await panel.goto(`chrome-extension://${id}/sidepanel.html`);
    await panel.getByRole("heading", { name: "My load" }).waitFor();
    // The whole register in first (the first page is drawn while the rest arrive).
    await panel.waitForFunction(() => performance.getEntriesByName("iro:current", "mark").length === 1);
    // The sandbox stops while the panel is open: the next call to it says so.
    await elsewhere.stop();
    await panel.locator(".children .child").first().click();
    await panel.getByRole("button", { name: "Record the request (today)" }).click();
    await panel.getByText(/The IRO Desk sandbox at localhost:\d+ could not be reached: is it running \(npm start\)\?/).waitFor();
    expect(await panel.locator("body").innerText()).not.toMatch(/sign-in|fetch failed/i);
    expect(await axeViolations(panel)).toEqual([]);
    await screenshot(panel, "extension-sandbox-stopped");
    // Not running when the panel opens.
    await panel.reload();
    await panel.getByText(/The IRO Desk sandbox at http:\/\/localhost:\d+ (cannot|could not) be reached/).waitFor();
    expect(await panel.locator("body").innerText()).not.toMatch(/sign-in|fetch failed/i);
    await panel.close();
    await options.close();
    await configure();
  });

  it("signs out of Microsoft 365 from the options: the session's tokens and the remembered account are gone", async () => {
    const tenant = "3c1f5d2e-7a4b-4c6d-9e8f-0a1b2c3d4e5f";
    const client = "0b7a3c2d-1e4f-4a5b-8c6d-7e8f9a0b1c2d";
    const options = await context.newPage();
    await options.goto(`chrome-extension://${id}/options.html`);
    await options.getByLabel("My council's Microsoft 365").check();
    await options.getByLabel("Tenant id").fill(tenant);
    await options.getByLabel("Application (client) id").fill(client);
    await options.getByLabel("Case register site id").fill("council.sharepoint.com,1,2");
    await options.getByRole("button", { name: "Save" }).click();
    await options.getByText("Saved.").waitFor();
    // What a sign-in leaves behind (the identity flow itself needs Entra ID: tested against a stand-in in tests/adapters).
    const keys = [`iro-desk-tokens:${tenant}:${client}`, `iro-desk-account:${tenant}:${client}`];
    await worker.evaluate(async ([tokens, account]) => {
      await chrome.storage.session.set({ [tokens!]: { accessToken: "at", expiresAt: Date.now() + 3_600_000, refreshToken: "rt" } });
      await chrome.storage.local.set({ [account!]: "sam.okafor@westmere.example" });
    }, keys);
    await options.getByRole("button", { name: "Sign out of Microsoft 365" }).click();
    await options.getByText("Signed out of Microsoft 365 in IRO Desk.").waitFor();
    const left = await worker.evaluate(async ([tokens, account]) => ({ ...(await chrome.storage.session.get(tokens!)), ...(await chrome.storage.local.get(account!)) }), keys);
    expect(left).toEqual({});
    expect(await axeViolations(options)).toEqual([]);
    await screenshot(options, "extension-options-tenant");
    await options.close();
  });
});
