// The sandbox and the Graph adapter: getSchedule throughput, register paging, and how many Graph
// requests a caseload load and a booking make. Also the Outlook pane's shipped JS and, where
// Chromium is installed, the time from opening the pane to seeing free times.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sandboxTokens } from "../src/adapters/auth/sandboxTokens.js";
import { GraphCalendar } from "../src/adapters/graph/graphCalendar.js";
import { GraphConnection } from "../src/adapters/graph/graphClient.js";
import { GraphCaseStore } from "../src/adapters/graph/graphCaseStore.js";
import { bookReview, councilOf, proposedAttendees } from "../src/app/bookReview.js";
import { findSlots } from "../src/app/findSlots.js";
import { loadCaseload } from "../src/app/loadCaseload.js";
import { DEFAULT_SETTINGS } from "../src/app/serviceSettings.js";
import type { IsoDate } from "../src/domain/calendar/isoDate.js";
import { instant, londonTimeToInstant } from "../src/domain/calendar/londonTime.js";
import { workingCalendar } from "../src/domain/calendar/workingCalendar.js";
import { CASE_REGISTER_LIST, DEMO_SITE } from "../src/sandbox/demo/demoTenant.js";
import { startSandbox } from "../src/sandbox/server.js";
import { shippedJs } from "./bundleSize.js";
import { paneTimes } from "./paneTiming.js";

const today = "2026-03-02" as IsoDate;
const dataDir = mkdtempSync(join(tmpdir(), "iro-desk-bench-"));
const sandbox = await startSandbox({ port: 0, dataDir, today, webRoot: existsSync("dist/web") ? "dist/web" : undefined });
const iro = "sam.okafor@westmere.example";
const graph = new GraphConnection({ baseUrl: `${sandbox.url}/graph`, tokens: sandboxTokens(sandbox.url, iro) });
const calendar = new GraphCalendar(graph);
const cases = new GraphCaseStore(graph, { site: DEMO_SITE, list: CASE_REGISTER_LIST }, 200);

// Count every request the adapter sends to Graph.
let requests = 0;
const realFetch = globalThis.fetch;
globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  if (String(input instanceof Request ? input.url : input).includes("/graph/v1.0/")) requests++;
  return realFetch(input, init);
}) as typeof fetch;

async function rate(label: string, rounds: number, work: () => Promise<unknown>): Promise<void> {
  await work();
  const started = performance.now();
  for (let i = 0; i < rounds; i++) await work();
  const ms = (performance.now() - started) / rounds;
  console.log(`  ${label}: ${ms.toFixed(1)} ms each, ${(1000 / ms).toFixed(0)} per second (${rounds} rounds)`);
}

console.log("sandbox and Graph adapter (one process, loopback)");
const iros = sandbox.store.users().filter((u) => u.roles.includes("iro")).map((u) => u.userPrincipalName);
await rate(`getSchedule, ${iros.length} people × 20 working days (28 days)`, 30, () => calendar.freeBusy(iros, londonTimeToInstant(today, 0), londonTimeToInstant("2026-03-30" as IsoDate, 0)));

// Grow the register to 600 children for the paging figure.
const template = (await cases.readCase("1")).childCase;
for (let i = 0; sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).length < 600; i++) await cases.createCase({ ...template, ref: `9${String(i).padStart(5, "0")}` as never });
let pages = 0;
await rate("read the 600-child register, 200 a page", 20, async () => {
  pages = 0;
  for await (const _ of cases.readCases()) pages++;
});
console.log(`    (${pages} pages a read)`);

requests = 0;
const caseload = await loadCaseload({ cases, calendar }, today, DEFAULT_SETTINGS);
console.log(`  requests per sidebar load (600 children + the chair's bookings): ${requests}`);

const entry = caseload.entries.find((e) => e.child.iro === iro && e.next && !e.booking && e.status === "on-track")!;
requests = 0;
const finding = await findSlots(calendar, {
  chair: iro, attendees: proposedAttendees(entry.stored, iro), from: today, dueBy: entry.next!.dueBy, lengthMinutes: 90, maxReviewsPerDay: 3,
  reviewsOnDay: caseload.reviewsOnDay, calendar: workingCalendar("england"), today, now: instant(Date.parse("2026-03-02T08:00:00Z")), notice: DEFAULT_SETTINGS.minimumNotice,
  council: councilOf({ stored: entry.stored, chair: { address: iro, name: "Sam Okafor" }, bookedBy: iro }),
});
const slot = finding.best[0]!;
await bookReview({ calendar, cases, appointment: null }, {
  stored: entry.stored, next: entry.next!, existing: null, start: slot.start, end: slot.end, attendees: proposedAttendees(entry.stored, iro), online: true, location: "",
  lateReason: null, transactionId: crypto.randomUUID(), chair: { address: iro, name: "Sam Okafor" }, bookedBy: iro, today,
}, DEFAULT_SETTINGS);
console.log(`  Graph requests per booking (free/busy + create): ${requests} (target 2)`);

const pane = shippedJs("js/outlook-taskpane.js");
const preview = shippedJs("js/preview-outlook.js");
console.log(`\nshipped JS, gzipped (npm run build; esbuild metafile)`);
console.log(`  Outlook booking pane: ${(pane.gzipBytes / 1024).toFixed(1)} KB in ${pane.files.length} files, excluding office.js (target under 60 KB); loaded later when used (MSAL, the other views): ${(pane.lazyGzipBytes / 1024).toFixed(1)} KB`);
console.log(`  Outlook preview page: ${(preview.gzipBytes / 1024).toFixed(1)} KB`);

const times = await paneTimes(`${sandbox.url}/preview-outlook.html?today=2026-03-02&now=2026-03-02T08:00:00Z&user=${iro}`, async (page) => {
  await page.getByLabel("Find a child by case reference or name").fill(entry.child.ref);
  await page.getByRole("button", { name: new RegExp(`Ref ${entry.child.ref}`) }).click();
  await page.getByRole("button", { name: "Find free times" }).click();
  await page.getByRole("heading", { name: "Best times" }).waitFor();
});
if (times) console.log(`\nopening the pane to seeing free times (headless Chromium, 600-child register, scripted clicks): median ${times[2]!.toFixed(0)} ms of 5`);

globalThis.fetch = realFetch;
await sandbox.close();
rmSync(dataDir, { recursive: true, force: true });
