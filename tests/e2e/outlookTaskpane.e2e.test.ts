import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";

const OFFICE_DIST = resolve("node_modules/@microsoft/office-js/dist");
const { browser, sandbox } = useBrowserAndSandbox();

/**
 * Microsoft's CDN is not reachable here: its address is answered from the @microsoft/office-js
 * package, so the real office.js runs. Any other outside request fails the test.
 */
async function routeOfficeCdn(page: Page): Promise<string[]> {
  const outside: string[] = [];
  await page.route("https://appsforoffice.microsoft.com/**", async (route) => {
    const file = join(OFFICE_DIST, new URL(route.request().url()).pathname.replace(/^\/lib\/1\/hosted\//, ""));
    if (!existsSync(file)) return route.fulfill({ status: 404 });
    await route.fulfill({ status: 200, contentType: "text/javascript", body: readFileSync(file) });
  });
  await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1|appsforoffice\.microsoft\.com)/, async (route) => {
    outside.push(route.request().url());
    await route.abort();
  });
  return outside;
}

describe("the built Outlook task pane with the real office.js", { timeout: 60_000 }, () => {
  it("loads office.js, sees it is not inside Outlook, and says where to open it: no errors, no hang", async () => {
    const page = await ukPage(browser(), 420, 700);
    const outside = await routeOfficeCdn(page);
    const started = Date.now();
    await page.goto(`${sandbox.url}/taskpane.html`);
    await page.getByText("This is IRO Desk’s Outlook task pane: open it from Outlook").waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(5_000); // Office.onReady answered; the 5 s fallback was not needed
    expect(await page.evaluate(() => typeof (window as unknown as { Office?: { onReady?: unknown } }).Office?.onReady)).toBe("function");
    expect(await page.getByRole("link", { name: "Outlook preview" }).getAttribute("href")).toBe("preview-outlook.html");
    expect(page.errors).toEqual([]);
    expect(outside).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "outlook-taskpane-outside-outlook");
  });

  it("the function file page loads office.js without errors", async () => {
    const page = await ukPage(browser());
    const outside = await routeOfficeCdn(page);
    await page.goto(`${sandbox.url}/commands.html`);
    await page.waitForLoadState("networkidle");
    expect(page.errors).toEqual([]);
    expect(outside).toEqual([]);
  });
});
