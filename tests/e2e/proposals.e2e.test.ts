import { describe, expect, it } from "vitest";
import { CASE_REF_PROPERTY } from "../../src/adapters/graph/extendedProperties.js";
import { fromRegisterFields } from "../../src/adapters/graph/caseRegisterFields.js";
import type { ChildCase } from "../../src/domain/caseload/childCase.js";
import { CASE_REGISTER_LIST } from "../../src/sandbox/demo/demoTenant.js";
import type { StoredEvent } from "../../src/sandbox/store.js";
import { DEFERRED_SEND_TIME } from "../../src/adapters/graph/graphScheduledMail.js";
import { TODAY } from "../contract/testSandbox.js";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";
import { registerOf, unbookedChildOf } from "./demoChildren.js";

const IRO = "sam.okafor@westmere.example";
const { browser, sandbox } = useBrowserAndSandbox();
const pinned = "today=2026-03-02&now=2026-03-02T08:00:00Z";
const outlook = (user = IRO, today = pinned) => `${sandbox.url}/preview-outlook.html?${today}&user=${user}`;

/** Sam's looked after children with a carer, a parent and a partner outside the council, next review not booked, due after mid-March. */
function childrenWithFamily(): ChildCase[] {
  const booked = new Set(
    sandbox.store.allEvents(sandbox.store.user(IRO)!.id).flatMap((e) => ((e.data.singleValueExtendedProperties ?? []) as { id: string; value: string }[]).filter((p) => p.id === CASE_REF_PROPERTY).map((p) => p.value)),
  );
  const roles = (c: ChildCase) => new Set(c.contacts.map((x) => x.role));
  return sandbox.store
    .listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id)
    .map((i) => fromRegisterFields(i.data.fields).childCase!)
    .filter((c) => c.iro === IRO && c.lac && !c.cp && !booked.has(c.ref) && c.socialWorker && c.teamManager && ["carer", "parent", "partner"].every((r) => roles(c).has(r as never)) && !c.proposal);
}

const caseEvents = (upn: string, ref: string): StoredEvent[] =>
  sandbox.store.allEvents(sandbox.store.user(upn)!.id).filter((e) => String(e.data.subject ?? "").includes(`ref ${ref}`));

async function openChild(page: Awaited<ReturnType<typeof ukPage>>, url: string, ref: string) {
  await page.goto(url);
  await page.getByLabel("Find a child by case reference or name").fill(ref);
  await page.getByRole("button", { name: new RegExp(`Ref ${ref}`) }).click();
}

/** Sam's booking pane for a child, free times found: the part that proposes times, open. */
async function proposeTimesFor(ref: string) {
  const page = await ukPage(browser());
  await openChild(page, outlook(), ref);
  await page.getByRole("button", { name: "Find free times" }).click();
  const propose = page.getByRole("region", { name: "Or propose two or three times" });
  await propose.waitFor();
  return { page, propose };
}

/**
 * Someone outside the council's mailbox, open and settled. The page is tall enough to show every
 * message without scrolling: each message body is a document of its own (an iframe), and a click
 * made just after a scroll was seen to land in one of them instead of on the button.
 */
async function openMailbox(page: Awaited<ReturnType<typeof ukPage>>, address: string) {
  await page.goto(`${sandbox.url}/preview-outside.html?address=${encodeURIComponent(address)}`);
  await page.getByRole("heading", { name: /^Inbox \(\d+\)$/ }).waitFor();
  const bodies = await page.locator("iframe").count();
  await expect.poll(() => page.frames().length - 1).toBe(bodies);
  await Promise.all(page.frames().filter((f) => f !== page.mainFrame()).map((f) => f.waitForLoadState("load")));
}

/** Someone outside the council opens their mailbox (a page of their own) and answers each invitation from it, the first time first. */
async function answerAsOutside(address: string, answers: readonly ("Accept" | "Maybe" | "Decline")[]) {
  const page = await ukPage(browser(), 1280, 2400);
  await openMailbox(page, address);
  for (const [i, answer] of answers.entries()) {
    const card = page.getByRole("listitem").filter({ has: page.getByRole("heading", { name: new RegExp(`^Possible time ${i + 1} of 3`) }) });
    await card.getByRole("button", { name: answer }).click();
    await page.getByRole("status").filter({ hasText: `${answer}: Possible time ${i + 1} of 3` }).waitFor();
  }
  return page;
}

describe("proposing times to a family, collecting their answers and confirming one", { timeout: 180_000 }, () => {
  it("three times for a child with a parent, a carer and a partner; they answer differently; the time all can make becomes the booking and the other holds go", async () => {
    const child = childrenWithFamily()[0]!;
    const contact = (role: string) => child.contacts.find((c) => c.role === role)!;
    const carer = contact("carer");
    const parent = contact("parent");
    const partner = contact("partner");
    const { page, propose } = await proposeTimesFor(child.ref);
    expect(await propose.getByRole("checkbox").count()).toBeGreaterThanOrEqual(3);
    expect(await propose.getByRole("checkbox", { checked: true }).count()).toBe(3);
    await propose.getByRole("button", { name: "Propose these 3 times…" }).click();
    // Asked first: who will be told, how, and for how long the times are held.
    const ask = propose.getByRole("region", { name: "Send meeting requests for 3 times?" });
    expect(await ask.evaluate((el) => el.contains(document.activeElement))).toBe(true); // focus moves to the step
    for (const who of [carer, parent, partner]) expect(await ask.innerText()).toContain(`${who.name.split(" (")[0]!}`);
    expect(await ask.innerText()).toContain("outside the council: by email, Accept or Decline, no account needed");
    expect(await ask.innerText()).toContain("each person sees only themselves in it");
    expect(await ask.innerText()).toContain("The times are held until Thu 05/03/2026");
    await screenshot(page, "proposals-ask-first");
    expect(await axeViolations(page)).toEqual([]);
    await ask.getByRole("button", { name: "Send 3 meeting requests" }).click();
    await page.getByText(/3 times are held in your calendar until Thu 05\/03\/2026/).waitFor();
    await page.getByRole("button", { name: "See the answers" }).click();
    await page.getByRole("heading", { name: new RegExp(`^Times proposed for LAC review \\d+ – ref ${child.ref}`) }).waitFor();

    // Held as tentative in the organizer's and staff calendars, tagged; the three outside got three meeting requests each.
    const held = (upn: string) => caseEvents(upn, child.ref).filter((e) => String(e.data.subject).startsWith("Possible time"));
    const holds = held(IRO);
    expect(holds.map((e) => [e.data.isOrganizer, e.data.showAs])).toEqual([[true, "tentative"], [true, "tentative"], [true, "tentative"]]);
    for (const upn of [child.socialWorker!, child.teamManager!]) expect(held(upn).map((e) => e.data.showAs)).toEqual(["tentative", "tentative", "tentative"]);
    // The IRO's own reminder to confirm, in their calendar only: free, with Outlook's reminder on the day before the holds expire.
    expect(caseEvents(IRO, child.ref).filter((e) => String(e.data.subject).startsWith("Confirm a time")).map((e) => [e.data.showAs, e.data.reminderMinutesBeforeStart])).toEqual([["free", 24 * 60]]);

    // The three answer differently, from their own email apps; the social worker and team manager accept option 2 in Outlook.
    await answerAsOutside(parent.email, ["Accept", "Accept", "Decline"]);
    await answerAsOutside(carer.email, ["Decline", "Accept", "Maybe"]);
    const outside = await answerAsOutside(partner.email, ["Maybe", "Accept", "Decline"]);
    await screenshot(outside, "proposals-outside-mailbox");
    expect(await axeViolations(outside)).toEqual([]);
    const option2 = holds.find((e) => String(e.data.subject).startsWith("Possible time 2 of 3"))!;
    for (const upn of [child.socialWorker!, child.teamManager!]) {
      const copy = sandbox.store.eventsByUid(option2.iCalUId).find((e) => e.ownerId === sandbox.store.user(upn)!.id)!;
      expect((await sandbox.raw(upn, "POST", `/me/events/${copy.id}/accept`, { sendResponse: true })).status).toBe(202);
    }

    // A reload (or another device) shows where the answers stand.
    const started = Date.now();
    await page.reload();
    await page.getByLabel("Find a child by case reference or name").fill(child.ref);
    await page.getByRole("button", { name: new RegExp(`Ref ${child.ref}`) }).click();
    const first = page.getByRole("listitem", { name: /^Option 1:/ });
    await first.getByText(/^Can come \(1\):/).waitFor();
    const seconds = (Date.now() - started) / 1000;
    const name = (n: string) => n.split(" (")[0]!;
    expect(await first.innerText()).toMatch(new RegExp(`Can come \\(1\\): ${name(parent.name)}`));
    expect(await first.innerText()).toMatch(new RegExp(`Cannot come \\(1\\): ${name(carer.name)}`));
    expect(await first.innerText()).toMatch(new RegExp(`Maybe \\(1\\): ${name(partner.name)}`));
    const second = page.getByRole("listitem", { name: /^Option 2:.*Everyone can come/ });
    expect(await second.innerText()).toMatch(/Can come \(5\)/);
    expect(await second.innerText()).toMatch(/Due by \w{3} \d\d\/\d\d\/2026: in time/);
    await screenshot(page, "proposals-answers");
    expect(await axeViolations(page)).toEqual([]);
    expect(seconds).toBeLessThan(30);

    // A colleague (the service manager) sees the same answers from the case, and cannot confirm.
    const colleague = await ukPage(browser());
    await openChild(colleague, outlook("priya.shah@westmere.example"), child.ref);
    await colleague.getByText(/Only Sam Okafor can confirm or withdraw these times/).waitFor();
    expect(await colleague.getByRole("listitem", { name: /^Option 2:/ }).innerText()).toMatch(/Can come \(5\)/);
    expect(await colleague.getByRole("button", { name: /^Confirm option/ }).count()).toBe(0);

    // Confirm the time all can make: asked first, naming who is told what.
    await second.getByRole("button", { name: "Confirm option 2…" }).click();
    const confirm = second.getByRole("region", { name: /^Confirm \w{3} \d\d\/\d\d\/2026, \d\d:\d\d–\d\d:\d\d\?$/ });
    expect(await confirm.innerText()).toMatch(/It becomes the booking: the full invitation \(agenda, feedback link and QR code, Teams meeting\) goes to everyone below/);
    expect(await confirm.innerText()).toMatch(/They are told the other 2 times are not needed/);
    for (const who of [carer, parent, partner]) expect(await confirm.innerText()).toContain(who.name.split(" (")[0]!);
    await screenshot(page, "proposals-confirm-ask");
    await confirm.getByRole("button", { name: "Confirm and tell them" }).click();
    await page.getByRole("heading", { name: "Booked" }).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "Booked" }).count() + (await page.getByText(/the other 2 times were cancelled/).count())).toBeGreaterThan(0);
    await screenshot(page, "proposals-booked");

    // The other holds are gone from every calendar; the confirmed meeting is in each attendee's calendar once.
    const organizer = caseEvents(IRO, child.ref).filter((e) => e.data.isOrganizer);
    expect(organizer.map((e) => [e.iCalUId, e.data.showAs, e.data.isOnlineMeeting])).toEqual([[option2.iCalUId, "busy", true]]);
    expect(String(organizer[0]!.data.subject)).toMatch(new RegExp(`^LAC review \\d+ – ref ${child.ref}$`));
    expect(String((organizer[0]!.data.body as { content: string }).content)).toContain("Agenda");
    for (const upn of [child.socialWorker!, child.teamManager!]) {
      const live = caseEvents(upn, child.ref).filter((e) => !e.data.isCancelled);
      expect(live.map((e) => e.iCalUId), upn).toEqual([option2.iCalUId]);
      expect(caseEvents(upn, child.ref).filter((e) => e.data.isCancelled).every((e) => e.data.showAs === "free")).toBe(true);
    }
    for (const who of [parent, carer, partner]) {
      const calendar = (await (await fetch(`${sandbox.url}/sandbox/outside/${encodeURIComponent(who.email)}/calendar`)).json()).value as { iCalUId: string; subject: string }[];
      expect(calendar.filter((e) => e.subject.includes(`ref ${child.ref}`)).map((e) => e.iCalUId), who.email).toEqual([option2.iCalUId]);
      const messages = (await (await fetch(`${sandbox.url}/sandbox/outside/${encodeURIComponent(who.email)}/messages`)).json()).value as { meetingMessageType?: string; subject: string; body: { content: string } }[];
      const cancelled = messages.filter((m) => m.meetingMessageType === "meetingCancelled" && m.subject.includes(`ref ${child.ref}`));
      expect(cancelled).toHaveLength(2);
      expect(cancelled[0]!.body.content).toContain("This possible time is not needed: the meeting will be on");
    }
    // The case records the confirmation; the caseload counts the child as booked.
    const saved = sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).map((i) => fromRegisterFields(i.data.fields).childCase!).find((c) => c.ref === child.ref)!;
    expect(saved.proposal).toMatchObject({ status: "confirmed", closed: { option: 2 } });
    expect(page.errors).toEqual([]);
    expect(outside.errors).toEqual([]);
  });

  it("an answer by plain reply is recorded from the read pane with one press; expired holds cannot be confirmed", async () => {
    const child = childrenWithFamily()[0]!;
    const parent = child.contacts.find((c) => c.role === "parent")!;
    const { page, propose } = await proposeTimesFor(child.ref);
    await propose.getByRole("button", { name: "Propose these 3 times…" }).click();
    await propose.getByRole("button", { name: "Send 3 meeting requests" }).click();
    await page.getByRole("button", { name: "See the answers" }).click();
    const option1 = page.getByRole("listitem", { name: /^Option 1:/ });
    const when = /^Option 1: (.+?)(?: Everyone|$)/.exec((await option1.getByRole("heading").innerText()).trim())![1]!;

    // The parent writes back instead of pressing a button.
    const outside = await ukPage(browser(), 1280, 2400);
    await openMailbox(outside, parent.email);
    const invitation = outside.getByRole("listitem").filter({ has: outside.getByRole("heading", { name: /^Possible time 1 of 3/ }) });
    await invitation.getByRole("button", { name: "Reply" }).click();
    await invitation.getByLabel("Your reply").fill("Sorry, the first time is no good for me. The others are fine.");
    await invitation.getByRole("button", { name: "Send reply" }).click();
    await outside.getByText(/^Reply sent to Sam Okafor/).waitFor();

    // Sam reads it in Outlook: IRO Desk offers the answer, one press per time.
    const mail = await ukPage(browser());
    await mail.goto(`${sandbox.url}/preview-mail.html?mode=read&${pinned}&user=${IRO}`);
    await mail.getByRole("button", { name: /RE: Possible time 1 of 3/ }).click();
    const offer = mail.getByRole("region", { name: new RegExp(`An answer to the times proposed for LAC review \\d+ – ref ${child.ref}`) });
    await offer.waitFor();
    await offer.getByRole("button", { name: `Cannot come: ${parent.name}, ${when}` }).click();
    await offer.getByText(`Recorded on the case: ${parent.name} cannot come on ${when}.`).waitFor();
    await screenshot(mail, "proposals-reply-recorded");
    expect(await axeViolations(mail)).toEqual([]);

    await page.reload();
    await page.getByLabel("Find a child by case reference or name").fill(child.ref);
    await page.getByRole("button", { name: new RegExp(`Ref ${child.ref}`) }).click();
    // Reloaded, the pane first shows the case as this device's copy has it (without the answer recorded in the other window), then as Microsoft 365 has it.
    await expect.poll(() => page.getByRole("listitem", { name: /^Option 1:/ }).innerText()).toContain(`Cannot come (1): ${parent.name} (by email)`);

    // The caseload shows the child among those with times proposed and not confirmed, with the reminder in working days.
    const caseload = await ukPage(browser());
    await caseload.goto(`${sandbox.url}/preview-caseload.html?${pinned}&user=${IRO}`);
    await caseload.getByLabel("Show").selectOption("proposed");
    const row = caseload.getByRole("button", { name: new RegExp(`Ref ${child.ref}`) });
    await row.waitFor();
    expect(await row.innerText()).toContain("3 times proposed, not confirmed: held until Thu 05/03/2026 (3 working days left)");
    expect(await row.innerText()).toContain("Reminder: confirm a time by Thu 05/03/2026 (3 working days left)");
    expect(await caseload.getByText(/Times proposed: 1\b/).count()).toBe(1);
    await screenshot(caseload, "proposals-caseload");
    expect(await axeViolations(caseload)).toEqual([]);

    // Three working days on (Fri 06/03), the holds have expired: no time can be confirmed without proposing again.
    const later = await ukPage(browser());
    await openChild(later, outlook(IRO, "today=2026-03-06&now=2026-03-06T08:00:00Z"), child.ref);
    await later.getByText(/have expired: withdraw them and propose times again to book/).waitFor();
    expect(await later.getByRole("button", { name: /^Confirm option/ }).count()).toBe(0);
    await later.getByRole("button", { name: "Withdraw and propose again…" }).click();
    expect(await later.getByRole("region", { name: "Withdraw these times?" }).innerText()).toContain(parent.name);
    await later.getByRole("button", { name: "Withdraw and tell them" }).click();
    await later.getByRole("button", { name: "Find free times" }).waitFor();
    expect(caseEvents(IRO, child.ref).filter((e) => e.data.isOrganizer)).toEqual([]);
    expect(page.errors.concat(mail.errors, later.errors, caseload.errors)).toEqual([]);
  });

  it("a time after the due-by date needs its reason before anything is asked; confirming a time someone declined asks first, naming them", async () => {
    // Due before the family's notice runs out: every time offered is after the due-by date.
    const child = unbookedChildOf(sandbox, IRO, TODAY, { before: "2026-03-09", withParent: true });
    const parent = child.contacts.find((c) => c.role === "parent")!;
    const { page, propose } = await proposeTimesFor(child.ref);
    expect(await propose.getByText("After due-by date").count()).toBeGreaterThanOrEqual(3);
    // Without a reason: refused beside the reason, which takes focus; nothing is asked, nothing held.
    await propose.getByRole("button", { name: "Propose these 3 times…" }).click();
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("propose-late-reason");
    expect(await propose.locator("#propose-late-reason").getAttribute("aria-invalid")).toBe("true");
    expect(await propose.locator("#propose-late-reason-error").innerText()).toMatch(/^This is after the due-by date \(\d\d\/\d\d\/2026\)\. Choose why it is late/);
    expect(await propose.getByRole("region", { name: /^Send meeting requests/ }).count()).toBe(0);
    expect(caseEvents(IRO, child.ref)).toEqual([]);
    await screenshot(page, "proposals-late-reason-needed");
    expect(await axeViolations(page)).toEqual([]);
    await propose.getByLabel("Reason").selectOption("Family or carers asked for a later date");
    expect(await propose.locator("#propose-late-reason").getAttribute("aria-invalid")).toBeNull();
    await propose.getByRole("button", { name: "Propose these 3 times…" }).click();
    await propose.getByRole("button", { name: "Send 3 meeting requests" }).click();
    await page.getByRole("button", { name: "See the answers" }).click();
    const option1 = page.getByRole("listitem", { name: /^Option 1:/ });
    expect(await option1.innerText()).toMatch(/Due by \w{3} \d\d\/\d\d\/2026: \d+ working days? late \(Family or carers asked for a later date\)/);

    // The parent declines the first time from their own email app.
    await answerAsOutside(parent.email, ["Decline"]);
    await page.getByRole("button", { name: "Refresh answers" }).click();
    await option1.getByText(/^Cannot come \(1\):/).waitFor();
    await option1.getByRole("button", { name: "Confirm option 1…" }).click();
    const confirm = option1.getByRole("region", { name: /^Confirm / });
    expect(await confirm.getByRole("alert").innerText()).toBe(`${parent.name} said they cannot come at this time.`);
    expect(await confirm.getByRole("button", { name: "Confirm and tell them" }).count()).toBe(0);
    // The meeting is sooner than 10 working days away: the consultation request would go today.
    expect(await confirm.getByLabel(/^Send the consultation request today to /).isChecked()).toBe(true);
    await screenshot(page, "proposals-confirm-declined");
    expect(await axeViolations(page)).toEqual([]);
    // Going back changes nothing; asked again, the IRO confirms anyway.
    await confirm.getByRole("button", { name: "Go back" }).click();
    expect(caseEvents(IRO, child.ref).filter((e) => e.data.isOrganizer && e.data.showAs === "busy")).toEqual([]);
    await option1.getByRole("button", { name: "Confirm option 1…" }).click();
    await option1.getByRole("button", { name: "Confirm anyway and tell them" }).click();
    await page.getByRole("heading", { name: "Booked" }).waitFor();
    expect(await page.getByRole("region", { name: "Booked" }).getByRole("status").innerText()).toMatch(/The consultation request went today to /);
    const saved = registerOf(sandbox).find((c) => c.ref === child.ref)!;
    expect(saved.lateReasons.at(-1)).toMatchObject({ reason: "Family or carers asked for a later date", recorded: "2026-03-02" });
    expect(saved.consultations?.at(-1)).toMatchObject({ how: "sent", sendOn: "2026-03-02" });
    expect(page.errors).toEqual([]);
  });

  it("reminders in working days: a consultation request scheduled through Exchange for 10 working days before the meeting, a full record's reminder cleared when it is marked sent; both in the caseload", async () => {
    const child = unbookedChildOf(sandbox, IRO, TODAY, { after: "2026-04-10", withParent: true });
    const page = await ukPage(browser());
    await openChild(page, outlook(), child.ref);
    // A meeting a month off: its consultation request waits.
    await page.getByRole("button", { name: "Change details" }).click();
    await page.getByLabel("Earliest date").fill("2026-03-30");
    await page.getByRole("button", { name: "Find free times" }).click();
    const book = page.getByRole("button", { name: /^Book: / });
    const when = /^Book: (\w{3} \d\d\/\d\d\/\d{4}), (\d\d):(\d\d)/.exec(await book.innerText())!;
    await book.click();
    await page.getByRole("heading", { name: "Booked" }).waitFor();
    const offer = page.getByRole("group", { name: /^The consultation request .* is due to go on \w{3} \d\d\/\d\d\/2026, 10 working days before the meeting/ });
    await offer.getByRole("button", { name: "Schedule the consultation request…" }).click();
    const ask = page.getByRole("region", { name: /^Schedule the consultation request for \w{3} \d\d\/\d\d\/2026\?$/ });
    const sendOn = /for (\w{3} (\d\d)\/(\d\d)\/(2026))\?/.exec((await ask.getByRole("heading").first().innerText()).trim())!;
    expect(await ask.innerText()).toContain("Exchange holds it until then and sends it by itself");
    await screenshot(page, "proposals-consultation-ask");
    expect(await axeViolations(page)).toEqual([]);
    await ask.getByRole("button", { name: "Schedule it" }).click();
    await page.getByText(`The consultation request will go on ${sendOn[1]} to`, { exact: false }).waitFor();
    // 10 working days before the meeting: two calendar weeks at least.
    const iso = `${sendOn[4]}-${sendOn[3]}-${sendOn[2]}`;
    const meeting = `${when[1]!.slice(10)}-${when[1]!.slice(7, 9)}-${when[1]!.slice(4, 6)}`;
    expect(Date.parse(meeting) - Date.parse(iso)).toBeGreaterThanOrEqual(14 * 86_400_000);
    // Sent through Graph with PidTagDeferredSendTime at 08:00 London on that day (Exchange holds it until then).
    const sent = await sandbox.raw(IRO, "GET", `/me/mailFolders/sentitems/messages?$top=50&$expand=singleValueExtendedProperties($filter=id eq '${DEFERRED_SEND_TIME}')`);
    const deferred = (sent.body.value as { subject: string; singleValueExtendedProperties?: { value: string }[] }[]).filter((m) => m.subject.includes(`ref ${child.ref}`) && m.singleValueExtendedProperties?.length);
    expect(deferred.map((m) => new Date(m.singleValueExtendedProperties![0]!.value).toLocaleString("en-GB", { timeZone: "Europe/London" }))).toEqual([`${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}, 08:00:00`]);

    // The caseload shows when it goes, in working days.
    const caseload = await ukPage(browser());
    await caseload.goto(`${sandbox.url}/preview-caseload.html?${pinned}&user=${IRO}`);
    await caseload.getByLabel("Search by reference or name").fill(child.ref);
    const row = caseload.getByRole("button", { name: new RegExp(`Ref ${child.ref}`) });
    expect(await row.innerText()).toMatch(new RegExp(`Consultation request goes ${sendOn[1]} \\(in \\d+ working days\\)`));

    // A full record to send: the chair puts its reminder in Outlook with one press; marking it sent removes it.
    await caseload.getByLabel("Search by reference or name").fill("");
    await caseload.getByLabel("Show").selectOption("records");
    const withRecord = caseload.locator(".child").filter({ hasText: /Full record of LAC review \d+ due by/ }).first();
    const record = /Full record of (LAC review \d+) due by (\w{3} \d\d\/\d\d\/\d{4})/.exec(await withRecord.innerText())!;
    const ref = (await withRecord.locator(".ref").innerText()).replace(/^Ref /, "");
    await withRecord.click();
    await caseload.getByRole("button", { name: `Remind me in Outlook: full record of ${record[1]}` }).click();
    await caseload.getByText(/^Your calendar reminds you on \w{3} \d\d\/\d\d\/\d{4}\.$/).waitFor();
    const reminders = () => caseEvents(IRO, ref).filter((e) => String(e.data.subject).startsWith("Full record due:"));
    expect(reminders().map((e) => [e.data.showAs, e.data.isReminderOn])).toEqual([["free", true]]);
    await caseload.reload();
    await caseload.getByLabel("Show").selectOption("records");
    const again = caseload.getByRole("button", { name: new RegExp(`Ref ${ref}`) });
    // Reloaded, the list is first drawn from this device's copy (which does not keep reminders), then brought up to date.
    await expect.poll(() => again.innerText()).toContain(`Reminder: full record due ${record[2]}`);
    await screenshot(caseload, "proposals-record-reminder");
    expect(await axeViolations(caseload)).toEqual([]);
    await again.click();
    await caseload.getByText("Reminder in your calendar.").waitFor();
    await caseload.getByRole("button", { name: `Mark as sent today: full record of ${record[1]}` }).click();
    await caseload.getByRole("button", { name: `Mark as sent today: full record of ${record[1]}` }).waitFor({ state: "detached" });
    await expect.poll(() => reminders().length).toBe(0);
    expect(page.errors.concat(caseload.errors)).toEqual([]);
  });
});
