import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { TestSandbox } from "../contract/testSandbox.js";

export const CHROMIUM = "/usr/bin/chromium";
const SHOTS = resolve(".test-results/screenshots");

/** Headless Debian Chromium, as the toolchain notes prescribe (no browser download, no outside traffic). */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`Browser tests need Chromium at ${CHROMIUM}: run "apt-get install -y chromium" (npm test does this itself when run as root).`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
  });
}

/**
 * For a browser test file: Chromium, and a sandbox around TODAY serving the built pages (npm test
 * builds dist/web first), started before the tests and stopped after.
 */
export function useBrowserAndSandbox(): { readonly browser: () => Browser; readonly sandbox: TestSandbox } {
  const sandbox = new TestSandbox(resolve("dist/web"));
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!existsSync("dist/web/preview-outlook.html")) throw new Error("dist/web is missing: run npm run build first (npm test does).");
    [browser] = await Promise.all([launchChromium(), sandbox.start()]);
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await sandbox.stop();
  });
  return { browser: () => browser!, sandbox };
}

/** A page as a UK user sees it: en-GB, Europe/London, a laptop-sized window. */
export async function ukPage(browser: Browser, width = 1280, height = 900): Promise<Page & { errors: string[] }> {
  const context = await browser.newContext({ locale: "en-GB", timezoneId: "Europe/London", viewport: { width, height } });
  const page = (await context.newPage()) as Page & { errors: string[] };
  page.errors = [];
  // The stack says where an uncaught error came from (its first line is the message).
  page.on("pageerror", (e) => page.errors.push(e.stack ?? e.message));
  page.on("console", (m) => m.type() === "error" && page.errors.push(m.text()));
  return page;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(SHOTS, { recursive: true });
  const path = join(SHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2.2 A and AA violations on the page (axe-core), as "rule: target" lines. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Colours are checked as they end up: a theme just switched may still be fading a button's
  // background (a 0.1 s transition), and mid-way axe would see the new text on the old background.
  await page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));
  // Evaluated through the debugging protocol, so the pages' strict CSP (no inline scripts) stays on.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return axe.run({ runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
  });
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(" ")}`));
}
