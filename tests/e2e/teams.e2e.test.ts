import { describe, expect, it } from "vitest";
import { fromRegisterFields } from "../../src/adapters/graph/caseRegisterFields.js";
import { addCalendarMonths } from "../../src/domain/calendar/addCalendarMonths.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { CASE_REGISTER_LIST, DEMO_SITE } from "../../src/sandbox/demo/demoTenant.js";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";

const { browser, sandbox } = useBrowserAndSandbox();
const url = `/preview-teams.html?today=2026-03-02&now=2026-03-02T14:05:00Z&user=sam.okafor@westmere.example`;
const childOf = (ref: string) => sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).map((i) => fromRegisterFields(i.data.fields).childCase!).find((c) => c.ref === ref)!;

/** Ticks the whole agenda and records a rating, the child's participation (fitting their age) and whether they were seen. */
async function recordOutcome(page: Awaited<ReturnType<typeof ukPage>>, ref: string, rating: "Amber" | "Green", reason: string, code: string, seen: "Yes" | "No"): Promise<string> {
  for (const box of await page.getByRole("group", { name: "Agenda" }).getByRole("checkbox").all()) await box.check();
  await page.getByLabel(rating).check();
  await page.getByLabel("Reason").fill(reason);
  const participation = addCalendarMonths(childOf(ref).dateOfBirth, 48) > ("2026-03-02" as IsoDate) ? "PN0" : code;
  await page.getByLabel("How the child took part").selectOption(participation);
  await page.getByRole("group", { name: /Did you see or speak to the child/ }).getByLabel(seen).check();
  return participation;
}

async function openMeeting(page: Awaited<ReturnType<typeof ukPage>>) {
  await page.goto(sandbox.url + url);
  const heading = page.getByRole("heading", { name: /^LAC review \d+ – ref \d+$/ });
  await heading.waitFor();
  const [, number, ref] = /^LAC review (\d+) – ref (\d+)$/.exec(await heading.innerText())!;
  return { number: Number(number), ref: ref! };
}

describe("Teams: the chair's checklist in the meeting side panel", { timeout: 90_000 }, () => {
  it("outside Teams, the built side panel starts the real teams-js and says to open it in Teams, without hanging", async () => {
    const page = await ukPage(browser(), 400, 700);
    // teams-js asks Microsoft's CDN for the origins it may talk to; the CDN is not reachable here, so
    // the test answers for it, and checks nothing else leaves the machine.
    const outside: string[] = [];
    await page.route("https://res.cdn.office.net/teams-js/validDomains/json/validDomains.json", (route) =>
      route.fulfill({ status: 200, contentType: "application/json", body: JSON.stringify({ validOrigins: ["teams.microsoft.com", "*.teams.microsoft.com", "*.office.com"] }) }),
    );
    await page.route(/^https?:\/\/(?!localhost|127\.0\.0\.1|res\.cdn\.office\.net)/, (route) => (outside.push(route.request().url()), route.abort()));
    const started = Date.now();
    await page.goto(`${sandbox.url}/teams-sidepanel.html`);
    await page.getByText("Open this in Teams: it is IRO Desk’s meeting side panel.").waitFor({ timeout: 10_000 });
    expect(Date.now() - started).toBeLessThan(8_000);
    expect(page.errors).toEqual([]);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${sandbox.url}/teams-tab.html`);
    await page.getByText("Open this in Teams: it is IRO Desk’s caseload tab.").waitFor({ timeout: 10_000 });
    await page.goto(`${sandbox.url}/teams-config.html`);
    await page.getByText("Open this in Teams, when adding IRO Desk to a meeting.").waitFor({ timeout: 10_000 });
    expect(await page.locator("#app").innerText()).not.toContain("Loading");
    expect(page.errors).toEqual([]);
    expect(outside).toEqual([]);
  });

  it("keeps what is typed across a reload of the panel", async () => {
    const page = await ukPage(browser(), 1280, 900);
    await openMeeting(page);
    await page.getByLabel("Placement and stability", { exact: true }).check();
    await page.getByLabel("Decisions (one a line)").fill("Placement to continue");
    await page.reload();
    await page.getByRole("heading", { name: /^LAC review \d+ – ref \d+$/ }).waitFor();
    expect(await page.getByLabel("Placement and stability", { exact: true }).isChecked()).toBe(true);
    expect(await page.getByLabel("Decisions (one a line)").inputValue()).toBe("Placement to continue");
  });

  it("completes a LAC review: missing items named, then saved to the case with RAG and participation, and the next date in the caseload", async () => {
    const page = await ukPage(browser(), 1280, 900);
    const { number, ref } = await openMeeting(page);
    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByText("Before finishing:").waitFor();
    expect(await page.getByRole("alert").innerText()).toContain("Give the care plan a RAG rating.");

    const participation = await recordOutcome(page, ref, "Amber", "Life story work has still not started.", "PN1", "Yes");
    await page.getByLabel("Decisions (one a line)").fill("Placement to continue\nLife story work to start");
    await page.getByLabel("Notes: Placement and stability").fill("Carer reports the child is settled.");
    await page.getByRole("button", { name: "Add an action" }).click();
    await page.getByLabel("Action 1").fill("Start life story work");
    await page.getByLabel("Owner").fill("Social worker");
    const next = await page.locator("p", { hasText: /^Next:/ }).innerText();
    expect(next).toMatch(new RegExp(`LAC review ${number + 1} due by Wed 02/09/2026`));
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Finish" }).click();
    // It asks before anything goes on the child's record; a LAC review emails no one.
    const ask = page.getByRole("region", { name: new RegExp(`^Save the LAC review to ref ${ref}'s case\\?$`) });
    await ask.waitFor();
    expect(await ask.innerText()).toContain("Nobody is emailed: the record is saved to the case.");
    expect(childOf(ref).lac!.reviews.some((r) => r.held === "2026-03-02")).toBe(false);
    await screenshot(page, "teams-checklist-confirm");
    await ask.getByRole("button", { name: "Save to the case" }).click();
    await page.getByText("Saved to the case record.").waitFor();
    await screenshot(page, "teams-checklist-saved");

    const child = childOf(ref);
    expect(child.lac!.reviews.at(-1)).toEqual({ held: "2026-03-02", participation, seenBeforeReview: true, meetingId: expect.any(String), decisions: ["Placement to continue", "Life story work to start"], notes: [{ item: "Placement and stability", note: "Carer reports the child is settled." }] });
    expect(child.rag.at(-1)).toMatchObject({ date: "2026-03-02", rating: "amber", reason: "Life story work has still not started.", respondBy: "2026-03-16" });
    expect(await page.getByRole("button", { name: "Book the next review" }).count()).toBe(1);

    const sidebar = await ukPage(browser(), 480, 900);
    await sidebar.goto(`${sandbox.url}/preview-caseload.html?today=2026-03-02&user=sam.okafor@westmere.example`);
    await sidebar.getByLabel("Search by reference or name").fill(ref);
    expect(await sidebar.locator(".children .child").first().innerText()).toMatch(new RegExp(`LAC review ${number + 1} due by Wed 02/09/2026`));
    expect(page.errors).toEqual([]);
  });

  it("opened again in the same meeting after Finish, shows the review it saved (not a blank checklist for a second one), corrected only on the version read", async () => {
    const page = await ukPage(browser(), 1280, 900);
    await page.goto(sandbox.url + url);
    const heading = page.getByRole("heading", { name: /^LAC review \d+ – ref \d+: recorded$/ });
    await heading.waitFor();
    const ref = /ref (\d+)/.exec(await heading.innerText())![1]!;
    const reviews = childOf(ref).lac!.reviews.length;
    expect(await page.getByRole("button", { name: "Finish" }).count()).toBe(0);
    const record = page.locator("dl.record");
    expect(await record.innerText()).toContain("Amber: Life story work has still not started.");
    expect(await record.innerText()).toContain("Placement to continue");
    expect(await record.innerText()).toContain("Start life story work – Social worker, by 16/03/2026");
    // The agenda notes typed in the meeting are part of the record.
    expect(await record.innerText()).toContain("Placement and stability: Carer reports the child is settled.");
    // Nothing of the meeting stays on the device once it is saved.
    const kept = await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("iro-desk-preview:sam.okafor@westmere.example:")));
    expect(kept.filter((k) => k.includes(ref) || k.includes(":meeting:"))).toEqual([]);
    await screenshot(page, "teams-checklist-recorded");
    expect(await axeViolations(page)).toEqual([]);

    // Corrected: the same review is replaced, not a second added.
    await page.getByRole("button", { name: "Correct this record" }).click();
    await page.getByRole("heading", { name: /^Correct: LAC review \d+ – ref \d+$/ }).waitFor();
    expect(await page.getByLabel("Reason").inputValue()).toBe("Life story work has still not started.");
    await page.getByLabel("Reason").fill("Life story work starts next week.");
    await page.getByRole("button", { name: "Save the correction" }).click();
    const ask = page.getByRole("region", { name: new RegExp(`^Correct the LAC review on ref ${ref}'s case\\?$`) });
    expect(await ask.innerText()).toContain("Nobody is emailed: a correction is not sent.");
    await ask.getByRole("button", { name: "Save to the case" }).click();
    await page.getByText("Corrected on the case record. Nobody was emailed.").waitFor();
    expect(childOf(ref).lac!.reviews).toHaveLength(reviews);
    expect(childOf(ref).rag.filter((r) => r.date === "2026-03-02")).toEqual([expect.objectContaining({ rating: "amber", reason: "Life story work starts next week." })]);
    await page.getByRole("button", { name: "Back to the record" }).click();
    await page.locator("dl.record", { hasText: "Life story work starts next week." }).waitFor();

    // Someone else changes the case meanwhile: the correction is refused and nothing is overwritten.
    await page.getByRole("button", { name: "Correct this record" }).click();
    await page.getByLabel("Reason").fill("My stale correction");
    const item = sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).find((i) => i.data.fields.Title === ref)!;
    expect((await sandbox.raw("priya.shah@westmere.example", "PATCH", `/sites/${DEMO_SITE}/lists/${CASE_REGISTER_LIST}/items/${item.id}/fields`, { LegalStatus: "C2" })).status).toBe(200);
    await page.getByRole("button", { name: "Save the correction" }).click();
    await page.getByRole("button", { name: "Save to the case" }).click();
    await page.getByText(/changed by someone else since you opened it/).waitFor();
    expect(childOf(ref).rag.find((r) => r.date === "2026-03-02")!.reason).toBe("Life story work starts next week.");
    await page.getByRole("button", { name: "Reload the record" }).click();
    await page.locator("dl.record", { hasText: "Life story work starts next week." }).waitFor();
    // The browser logs the refused save (412) itself; nothing else went wrong.
    expect(page.errors.filter((e) => !e.includes("412 (Precondition Failed)"))).toEqual([]);
  });

  it("a meeting with no booking asks for the child once; when Microsoft 365 cannot be reached, Finish keeps the record and saves it when the panel opens again", async () => {
    const page = await ukPage(browser(), 1280, 900);
    const adhoc = `${sandbox.url}/preview-teams.html?today=2026-03-02&now=2026-03-02T14:05:00Z&user=sam.okafor@westmere.example&meeting=adhoc-meeting-1`;
    await page.goto(adhoc);
    await page.getByText("This meeting is not linked to a child's booking.").waitFor();
    const first = page.locator(".child").filter({ hasText: /LAC review/ }).first();
    const ref = (await first.locator(".ref").innerText()).replace("Ref ", "");
    await first.click();
    await page.getByRole("heading", { name: new RegExp(`– ref ${ref}$`) }).waitFor();
    expect(await page.locator("#draft-note").innerText()).toBe("This record is kept on this device as you type, and only until it is saved to the case: then it is removed from this device. Unsaved, it is deleted from this device after 14 days.");
    const before = childOf(ref).lac!.reviews.length;
    const participation = await recordOutcome(page, ref, "Green", "Progressing well", "PN6", "No");
    await page.getByLabel("Decisions (one a line)").fill("Plan continues");
    sandbox.faults.set([{ kind: "503", share: 1, method: "PATCH", retryAfterSeconds: 0 }]);
    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByRole("button", { name: "Save to the case" }).click();
    await page.getByText(/^Not saved yet: IRO Desk could not reach Microsoft 365/).waitFor({ timeout: 30_000 });
    expect(childOf(ref).lac!.reviews).toHaveLength(before);
    const context = page.context();
    await page.close();

    // The panel opens again later (same device): the meeting remembers its child and the record is saved.
    sandbox.faults.set([]);
    const again = await context.newPage();
    await again.goto(adhoc);
    await again.getByText("Saved to the case record.").waitFor({ timeout: 30_000 });
    const child = childOf(ref);
    expect(child.lac!.reviews).toHaveLength(before + 1);
    expect(child.lac!.reviews.at(-1)).toMatchObject({ held: "2026-03-02", seenBeforeReview: false, participation });
    expect(child.rag.at(-1)).toMatchObject({ rating: "green", reason: "Progressing well" });
  });

  it("a CP conference: Finish names the social worker and team manager the decisions go to, and sends only once confirmed", async () => {
    const page = await ukPage(browser(), 1280, 900);
    const chair = "nadia.hussain@westmere.example";
    await page.goto(`${sandbox.url}/preview-teams.html?today=2026-03-02&now=2026-03-02T14:05:00Z&user=${chair}&meeting=adhoc-cp-1`);
    await page.getByText("This meeting is not linked to a child's booking.").waitFor();
    const first = page.locator(".child").filter({ hasText: /Review CP conference/ }).first();
    const ref = (await first.locator(".ref").innerText()).replace("Ref ", "");
    await first.click();
    await page.getByRole("heading", { name: new RegExp(`^Review CP conference \\d+ – ref ${ref}$`) }).waitFor();
    for (const box of await page.getByRole("group", { name: "Agenda" }).getByRole("checkbox").all()) await box.check();
    await page.getByLabel("Date of the meeting").fill("2026-03-02");
    await page.getByRole("group", { name: "Does the child protection plan continue?" }).getByLabel("Yes").check();
    await page.getByLabel("Category of harm").selectOption("Neglect");
    await page.getByLabel("Decisions (one a line)").fill("Plan continues under neglect");
    const child = childOf(ref);
    const sent = () => [child.socialWorker!, child.teamManager!].map((upn) => sandbox.store.messages(sandbox.store.user(upn)!.id, "inbox").filter((m) => String(m.data.subject).includes(`ref ${ref}`)).length);
    const before = sent();
    await page.getByRole("button", { name: "Finish" }).click();
    const ask = page.getByRole("region", { name: new RegExp(`^Save the Review CP conference to ref ${ref}'s case\\?$`) });
    await ask.waitFor();
    const worker = sandbox.store.user(child.socialWorker!)!;
    const manager = sandbox.store.user(child.teamManager!)!;
    expect(await ask.getByRole("list").locator("li").allInnerTexts()).toEqual([
      `${worker.displayName}, social worker (${worker.userPrincipalName})`,
      `${manager.displayName}, team manager (${manager.userPrincipalName})`,
    ]);
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "teams-cp-decisions-confirm");
    // Going back sends nothing.
    await ask.getByRole("button", { name: "Go back" }).click();
    expect(sent()).toEqual(before);
    // Focus returns to Finish once the step has gone (a timer after the redraw).
    await page.waitForFunction(() => document.activeElement?.textContent === "Finish");
    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByRole("button", { name: "Save and email the decisions to 2 people" }).click();
    await page.getByText(/^Saved to the case record\. Decisions sent to 2 people/).waitFor();
    expect(sent()).toEqual(before.map((n) => n + 1));
    expect(page.errors).toEqual([]);
  });

  it("a draft left unsaved longer than the service's draftKeepDays (14) is deleted from the device when a panel opens; a newer one is kept", async () => {
    const page = await ukPage(browser(), 1280, 900);
    await page.goto(sandbox.url + url);
    await page.locator("h1", { hasText: "Review checklist" }).waitFor();
    const prefix = "iro-desk-preview:sam.okafor@westmere.example:";
    await page.evaluate((prefix) => {
      const kept = (at: string, notes: string) => JSON.stringify({ value: { record: { notes }, pendingFinish: false }, keptAt: Date.parse(at) });
      localStorage.setItem(`${prefix}draft:old-meeting:100001`, kept("2026-02-16T09:00:00Z", "fifteen days old"));
      localStorage.setItem(`${prefix}draft:recent-meeting:100002`, kept("2026-02-20T09:00:00Z", "ten days old"));
    }, prefix);
    await page.reload();
    await page.locator("h1", { hasText: "Review checklist" }).waitFor();
    const keys = await page.evaluate(() => Object.keys(localStorage));
    expect(keys).not.toContain(`${prefix}draft:old-meeting:100001`);
    expect(keys).toContain(`${prefix}draft:recent-meeting:100002`);
  });
});
