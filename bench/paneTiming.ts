import { existsSync } from "node:fs";
import { chromium, type Page } from "playwright-core";

/**
 * How long a person waits in a pane: headless Chromium opens `url` and does `steps` (the clicks a
 * person makes, ending when what they wait for is shown), five times; the times in ms, fastest
 * first. Null where Chromium or the built pages are missing.
 */
export async function paneTimes(url: string, steps: (page: Page) => Promise<void>): Promise<number[] | null> {
  if (!existsSync("/usr/bin/chromium") || !existsSync("dist/web/preview-outlook.html")) return null;
  const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage({ locale: "en-GB", timezoneId: "Europe/London" });
    const started = performance.now();
    await page.goto(url);
    await steps(page);
    times.push(performance.now() - started);
    await page.close();
  }
  await browser.close();
  return times.sort((a, b) => a - b);
}
