// Proposed times against the sandbox: how many Graph requests proposing and confirming take, and,
// where Chromium is installed, the time from opening the pane to seeing the answers.
// Run with `npm run bench proposals`. Prints figures; asserts nothing.
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sandboxTokens } from "../src/adapters/auth/sandboxTokens.js";
import { GraphCalendar } from "../src/adapters/graph/graphCalendar.js";
import { GraphConnection } from "../src/adapters/graph/graphClient.js";
import { GraphCaseStore } from "../src/adapters/graph/graphCaseStore.js";
import { GraphHolds } from "../src/adapters/graph/graphHolds.js";
import { GraphMail } from "../src/adapters/graph/graphMail.js";
import { GraphReminders } from "../src/adapters/graph/graphReminders.js";
import { GraphScheduledMail } from "../src/adapters/graph/graphScheduledMail.js";
import { proposedAttendees } from "../src/app/bookReview.js";
import { findSlots } from "../src/app/findSlots.js";
import { loadCaseload } from "../src/app/loadCaseload.js";
import { confirmProposal } from "../src/app/proposals/confirmProposal.js";
import { consultationPlan } from "../src/app/proposals/consultation.js";
import { proposalStatus } from "../src/app/proposals/proposalStatus.js";
import { inviteesOf, proposalCouncil, proposeTimes } from "../src/app/proposals/proposeTimes.js";
import { DEFAULT_SETTINGS } from "../src/app/serviceSettings.js";
import type { IsoDate } from "../src/domain/calendar/isoDate.js";
import { instant } from "../src/domain/calendar/londonTime.js";
import { workingCalendar } from "../src/domain/calendar/workingCalendar.js";
import { timesToOffer } from "../src/domain/proposals/timesToOffer.js";
import { DEFAULT_TEMPLATES } from "../src/domain/templates/defaultTemplates.js";
import { CASE_REGISTER_LIST, DEMO_SITE } from "../src/sandbox/demo/demoTenant.js";
import { startSandbox } from "../src/sandbox/server.js";
import { paneTimes } from "./paneTiming.js";

const today = "2026-03-02" as IsoDate;
const england = workingCalendar("england");
const dataDir = mkdtempSync(join(tmpdir(), "iro-desk-bench-"));
const sandbox = await startSandbox({ port: 0, dataDir, today, webRoot: existsSync("dist/web") ? "dist/web" : undefined });
const iro = { address: "sam.okafor@westmere.example", name: "Sam Okafor" };
const graph = new GraphConnection({ baseUrl: `${sandbox.url}/graph`, tokens: sandboxTokens(sandbox.url, iro.address) });
const calendar = new GraphCalendar(graph);
const cases = new GraphCaseStore(graph, { site: DEMO_SITE, list: CASE_REGISTER_LIST }, 200);
const ports = { holds: new GraphHolds(graph), reminders: new GraphReminders(graph), cases, scheduledMail: new GraphScheduledMail(graph), mail: new GraphMail(graph) };

let requests: string[] = [];
const realFetch = globalThis.fetch;
globalThis.fetch = ((input: RequestInfo | URL, init?: RequestInit) => {
  const url = String(input instanceof Request ? input.url : input);
  if (url.includes("/graph/v1.0/")) requests.push(`${init?.method ?? (input instanceof Request ? input.method : "GET")} ${new URL(url).pathname.replace(/^\/graph\/v1\.0/, "").replace(/\/sites\/[^/]+\/lists\/[^/]+\/items\/[^/]+/, "/sites/{site}/lists/{list}/items/{id}").replace(/\/AAMk[^/]*/g, "/{id}")}`);
  return realFetch(input, init);
}) as typeof fetch;
const counted = (label: string) => {
  const byKind = new Map<string, number>();
  for (const r of requests) byKind.set(r, (byKind.get(r) ?? 0) + 1);
  console.log(`  ${label}: ${requests.length} Graph request${requests.length === 1 ? "" : "s"} (${[...byKind].map(([k, n]) => `${n} × ${k}`).join(", ")})`);
  requests = [];
};

const caseload = await loadCaseload({ cases, calendar }, today, DEFAULT_SETTINGS);
const entry = caseload.entries.find((e) => e.child.iro === iro.address && e.next && !e.booking && e.child.lac && !e.child.cp && ["carer", "parent", "partner"].every((r) => e.child.contacts.some((c) => c.role === r)))!;
const attendees = proposedAttendees(entry.stored, iro.address);
/** Free times for a child, as the booking pane finds them (the service's minimum notice applied). */
const find = (stored: typeof entry.stored, dueBy: IsoDate, invited: typeof attendees) =>
  findSlots(calendar, {
    chair: iro.address, attendees: invited, from: today, dueBy, lengthMinutes: 90, maxReviewsPerDay: 3, reviewsOnDay: caseload.reviewsOnDay, calendar: england, today,
    now: instant(Date.parse("2026-03-02T08:00:00Z")), notice: DEFAULT_SETTINGS.minimumNotice, council: proposalCouncil({ stored, chair: iro, organizer: iro }),
  });
const finding = await find(entry.stored, entry.next!.dueBy, attendees);
const times = timesToOffer(finding.slots, finding.from, 3);
const outside = new Set(inviteesOf(attendees, proposalCouncil({ stored: entry.stored, chair: iro, organizer: iro })).filter((i) => i.outside).map((i) => i.address.toLowerCase()));

console.log(`proposed times for ref ${entry.child.ref}: ${attendees.length} invited (${outside.size} outside the council), 3 times`);
requests = [];
const proposed = await proposeTimes(ports, { stored: entry.stored, next: entry.next!, organizer: iro, chair: iro, times, attendees, online: true, location: "", lateReason: null, proposalId: crypto.randomUUID(), transactionIds: [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()], today }, DEFAULT_SETTINGS, england);
counted("propose (3 holds, the reminder to confirm, the case)");

// Everyone outside answers option 2 (through the sandbox's outside mailbox, not Graph).
const option2 = sandbox.store.event(sandbox.store.user(iro.address)!.id, proposed.proposal.candidates[1]!.holdId!)!;
for (const address of outside) await realFetch(`${sandbox.url}/sandbox/outside/${encodeURIComponent(address)}/respond`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ iCalUId: option2.iCalUId, response: "accepted" }) });

requests = [];
const status = await proposalStatus(ports, proposed.stored, proposed.proposal, iro.address, today);
counted("read the answers (and copy them to the case once)");
requests = [];
await proposalStatus(ports, status.stored, status.proposal, iro.address, today);
counted("read the answers again (nothing new)");

requests = [];
const plan = consultationPlan(status.stored.childCase, status.proposal.eventKind, status.tallies[1]!.start, DEFAULT_SETTINGS, england, today)!;
await confirmProposal(ports, { stored: status.stored, proposal: status.proposal, tally: status.tallies[1]!, declinesAccepted: true, next: entry.next!, me: iro, today, consultation: { plan, template: DEFAULT_TEMPLATES.find((t) => t.id === "consultation-request")!, me: iro, calendar: england } }, DEFAULT_SETTINGS);
counted(`confirm (the booking, 2 holds released, the reminder removed, the consultation request ${plan.now ? "sent" : "scheduled"}, the case)`);

// The pane: opening it to seeing the answers, for a second child with times proposed.
const other = caseload.entries.find((e) => e !== entry && e.child.iro === iro.address && e.next && !e.booking && e.child.lac && !e.child.cp && e.child.contacts.some((c) => c.role === "parent"))!;
const otherAttendees = proposedAttendees(other.stored, iro.address);
const otherFinding = await find(other.stored, other.next!.dueBy, otherAttendees);
await proposeTimes(ports, { stored: other.stored, next: other.next!, organizer: iro, chair: iro, times: timesToOffer(otherFinding.slots, otherFinding.from, 3), attendees: otherAttendees, online: true, location: "", lateReason: null, proposalId: crypto.randomUUID(), transactionIds: [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()], today }, DEFAULT_SETTINGS, england);

const paneMs = await paneTimes(`${sandbox.url}/preview-outlook.html?today=2026-03-02&now=2026-03-02T08:00:00Z&user=${iro.address}`, async (page) => {
  await page.getByLabel("Find a child by case reference or name").fill(other.child.ref);
  await page.getByRole("button", { name: new RegExp(`Ref ${other.child.ref}`) }).click();
  await page.getByText(/^Not answered yet \(\d+\):/).first().waitFor();
});
if (paneMs) console.log(`\nopening the pane to seeing the answers to proposed times (headless Chromium, 548-child register, scripted search and click): median ${paneMs[2]!.toFixed(0)} ms of 5 (${paneMs.map((t) => t.toFixed(0)).join(", ")})`);

globalThis.fetch = realFetch;
await sandbox.close();
rmSync(dataDir, { recursive: true, force: true });
