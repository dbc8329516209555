import type { Page, Route } from "playwright-core";
import { describe, expect, it } from "vitest";
import { CASE_REF_PROPERTY } from "../../src/adapters/graph/extendedProperties.js";
import { TODAY } from "../contract/testSandbox.js";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";
import { nextDueBy, registerOf, unbookedChildOf } from "./demoChildren.js";

const IRO = "sam.okafor@westmere.example";
const { browser, sandbox } = useBrowserAndSandbox();

const previewUrl = (extra = "") => `${sandbox.url}/preview-outlook.html?today=2026-03-02&now=2026-03-02T08:00:00Z&user=${IRO}${extra}`;

// Due well after the 5 working days' notice, so the top suggestion is in time; a parent is among those invited.
const unbooked = (skip = 0) => unbookedChildOf(sandbox, IRO, TODAY, { after: "2026-03-27", withParent: true, skip });

describe("Outlook preview: booking a review end to end", { timeout: 60_000 }, () => {
  it("books a demo child's next review and the event is in every staff attendee's calendar with the case reference", async () => {
    const page = await ukPage(browser());
    const child = unbooked();
    await page.goto(previewUrl());
    await page.getByText(/Your \d+ children/).waitFor();
    await screenshot(page, "outlook-preview-caseload");

    await page.getByLabel("Find a child by case reference or name").fill(child.ref);
    await page.getByRole("button", { name: new RegExp(`Ref ${child.ref}`) }).click();
    await expect.poll(() => page.getByRole("heading", { name: new RegExp(`– ref ${child.ref}`) }).count()).toBe(1);
    await page.getByRole("button", { name: "Find free times" }).click();
    await page.getByRole("heading", { name: "Best times" }).waitFor();
    await page.locator('input[name="slot"]').first().check();
    expect(await page.locator("#attendee-privacy").innerText()).toBe("Each person invited sees only themselves in the invitation, not the others.");
    await screenshot(page, "outlook-preview-slots");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: /^Book: / }).click();
    await page.getByRole("heading", { name: "Booked" }).waitFor();
    const notice = await page.getByRole("status").filter({ hasText: `ref ${child.ref}` }).innerText();
    expect(notice).toMatch(new RegExp(`ref ${child.ref}, (Mon|Tue|Wed|Thu|Fri) \\d\\d/\\d\\d/2026, \\d\\d:\\d\\d–\\d\\d:\\d\\d`));
    expect(notice).toContain("each sees only themselves in the invitation");
    await screenshot(page, "outlook-preview-booked");

    // The organizer's event carries the case reference; each staff attendee has the meeting in their own calendar.
    const organizer = sandbox.store.allEvents(sandbox.store.user(IRO)!.id).find((e) =>
      ((e.data.singleValueExtendedProperties ?? []) as { id: string; value: string }[]).some((p) => p.id === CASE_REF_PROPERTY && p.value === child.ref),
    );
    expect(organizer?.data.subject).toMatch(new RegExp(`^LAC review \\d+ – ref ${child.ref}$`));
    expect(organizer?.data.sensitivity).toBe("private");
    // Parents and carers are invited: no one sees the others. The IRO's own event lists them all.
    expect(organizer?.data.hideAttendees).toBe(true);
    const invited = (organizer!.data.attendees as { emailAddress: { address: string } }[]).map((a) => a.emailAddress.address);
    for (const contact of child.contacts) expect(invited).toContain(contact.email);
    for (const attendee of [child.socialWorker!, child.teamManager!]) {
      const copies = sandbox.store.eventsByUid(organizer!.iCalUId).filter((e) => e.ownerId === sandbox.store.user(attendee)!.id);
      expect(copies, attendee).toHaveLength(1);
      expect(copies[0]!.data.subject).toContain(`ref ${child.ref}`);
      expect((copies[0]!.data.attendees as { emailAddress: { address: string } }[]).map((a) => a.emailAddress.address), attendee).toEqual([attendee]);
    }
    expect(page.errors).toEqual([]);
  });

  it("opened from an appointment with only staff invited, takes Outlook's path (fill, save, Graph completes, attendees, Send) and ends up the same as a sidebar booking", async () => {
    const page = await ukPage(browser());
    const child = unbooked(1);
    await page.goto(previewUrl("&mode=appointment"));
    await page.getByLabel("Find a child by case reference or name").fill(child.ref);
    await page.getByRole("button", { name: new RegExp(`Ref ${child.ref}`) }).click();
    // Outlook's appointment form cannot hide its attendee list: with a parent invited, IRO Desk books it itself.
    await page.getByRole("button", { name: "Find free times" }).click();
    await page.locator('input[name="slot"]').first().check();
    await page.getByRole("button", { name: /^Book and send from IRO Desk: / }).waitFor();
    expect(await page.locator("#attendee-privacy").innerText()).toContain("Outlook's appointment form cannot hide the list, so IRO Desk books and sends this one itself.");
    await screenshot(page, "outlook-preview-appointment-family");
    await page.getByRole("button", { name: "Change details" }).click();
    const invited = page.getByRole("group", { name: "Who is invited" });
    for (const contact of child.contacts) await invited.getByRole("checkbox", { name: new RegExp(contact.email.replace(/[.]/g, "\\.")) }).uncheck();
    expect(await page.locator("#attendee-privacy").innerText()).toBe("Everyone invited sees who else is invited: they are all council staff.");
    await page.getByRole("button", { name: "Find free times" }).click();
    await page.locator('input[name="slot"]').first().check();
    // The pane says what will happen before anything does.
    const fill = page.getByRole("button", { name: /^Fill in appointment: / });
    expect(await fill.getAttribute("aria-describedby")).toBe("fill-what-happens");
    expect(await page.locator("#fill-what-happens").innerText()).toBe(
      "Outlook fills in and saves this appointment (nobody is invited yet). Microsoft 365 then makes it private, tags it with the case and makes it a Teams meeting, which Outlook's add-in tools cannot; then the attendees are added for you to check and send.",
    );
    await fill.click();
    await page.getByRole("heading", { name: "Added to your appointment" }).waitFor();
    const notice = await page.getByRole("status").filter({ hasText: "is saved in your calendar" }).innerText();
    expect(notice).toMatch(new RegExp(`^LAC review \\d+ – ref ${child.ref} is saved in your calendar: private, tagged with ref ${child.ref}, a Teams meeting\\. (\\d+) people are on the appointment: check it, then press Send to invite them\\.$`));
    const onAppointment = Number(/(\d+) people are on/.exec(notice)![1]);
    expect(await page.getByRole("link", { name: "Teams meeting link" }).getAttribute("href")).toMatch(/^https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);

    // Saved and completed, nobody invited yet: the organizer's event is tagged, private and a Teams meeting.
    const organizerEvent = () =>
      sandbox.store.allEvents(sandbox.store.user(IRO)!.id).find((e) => ((e.data.singleValueExtendedProperties ?? []) as { id: string; value: string }[]).some((p) => p.id === CASE_REF_PROPERTY && p.value === child.ref));
    expect(organizerEvent()?.data).toMatchObject({ sensitivity: "private", isOnlineMeeting: true, isAllDay: false, attendees: [] });
    expect(sandbox.store.eventsByUid(organizerEvent()!.iCalUId)).toHaveLength(1);

    const form = page.getByRole("form", { name: "Appointment" });
    await expect.poll(() => form.locator('output[name="subject"]').textContent()).toMatch(new RegExp(`– ref ${child.ref}$`));
    expect(await form.locator('output[name="location"]').textContent()).toBe("Microsoft Teams meeting");
    const names = async (type: string) => ((await form.locator(`output[name="${type}"]`).textContent()) || "").split("; ").filter(Boolean);
    expect((await names("required")).length + (await names("optional")).length).toBe(onAppointment);
    const body = page.frameLocator('iframe[title="Appointment body"]');
    await body.getByRole("heading", { name: "Agenda" }).waitFor();
    expect(await body.locator("li").first().innerText()).toBe("The child’s wishes and feelings, and how they took part");
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, "outlook-preview-appointment");
    expect(await form.innerText()).not.toContain("@family.example");
    await form.getByRole("button", { name: "Send" }).click();
    await page.getByText(/^Sent: /).waitFor();

    // After Send, as after a sidebar booking: still tagged, private and online, and each staff attendee has it.
    const sent = organizerEvent()!;
    expect(sent.data).toMatchObject({ sensitivity: "private", isOnlineMeeting: true });
    for (const attendee of [child.socialWorker!, child.teamManager!]) {
      expect(sandbox.store.eventsByUid(sent.iCalUId).filter((e) => e.ownerId === sandbox.store.user(attendee)!.id), attendee).toHaveLength(1);
    }
    expect(page.errors).toEqual([]);
  });

  it("opened from an appointment with a parent invited: IRO Desk books it with the list hidden and says to close the appointment", async () => {
    const page = await ukPage(browser());
    const child = unbooked(2);
    await page.goto(previewUrl("&mode=appointment"));
    await page.getByLabel("Find a child by case reference or name").fill(child.ref);
    await page.getByRole("button", { name: new RegExp(`Ref ${child.ref}`) }).click();
    await page.getByRole("button", { name: "Find free times" }).click();
    await page.locator('input[name="slot"]').first().check();
    await page.getByRole("button", { name: /^Book and send from IRO Desk: / }).click();
    await page.getByRole("heading", { name: "Booked" }).waitFor();
    await page.getByText("IRO Desk sent the invitations itself, so that no one invited sees the others. Close the appointment you opened without saving it.").waitFor();
    // Nothing went into the appointment form.
    expect(await page.getByRole("form", { name: "Appointment" }).count()).toBe(0);
    const organizer = sandbox.store.allEvents(sandbox.store.user(IRO)!.id).find((e) =>
      ((e.data.singleValueExtendedProperties ?? []) as { id: string; value: string }[]).some((p) => p.id === CASE_REF_PROPERTY && p.value === child.ref),
    )!;
    expect(organizer.data.hideAttendees).toBe(true);
    await screenshot(page, "outlook-preview-appointment-booked-instead");
    expect(page.errors).toEqual([]);
  });

  it("cancelling asks first, naming everyone told and asking why; the reason is kept on the case", async () => {
    const page = await ukPage(browser());
    const child = unbooked(3);
    await page.goto(previewUrl());
    await page.getByLabel("Find a child by case reference or name").fill(child.ref);
    await page.getByRole("button", { name: new RegExp(`Ref ${child.ref}`) }).click();
    await page.getByRole("button", { name: "Find free times" }).click();
    await page.locator('input[name="slot"]').first().check();
    await page.getByRole("button", { name: /^Book: / }).click();
    await page.getByRole("heading", { name: "Booked" }).waitFor();
    await page.goto(previewUrl());
    await page.getByLabel("Find a child by case reference or name").fill(child.ref);
    await page.getByRole("button", { name: new RegExp(`Ref ${child.ref}`) }).click();
    await page.getByRole("button", { name: "Cancel booking…" }).click();
    const ask = page.getByRole("region", { name: "Cancel this booking?" });
    await ask.waitFor();
    const told = await ask.getByRole("list").locator("li").allInnerTexts();
    const organizer = () =>
      sandbox.store.allEvents(sandbox.store.user(IRO)!.id).find((e) => ((e.data.singleValueExtendedProperties ?? []) as { id: string; value: string }[]).some((p) => p.id === CASE_REF_PROPERTY && p.value === child.ref))!;
    expect(told).toHaveLength((organizer().data.attendees as unknown[]).length);
    const parent = child.contacts.find((c) => c.role === "parent")!;
    expect(told).toContain(`${parent.name}, parent (${parent.email})`);
    expect(told.some((t) => t.includes(", social worker ("))).toBe(true);
    expect(await ask.getByRole("button", { name: `Cancel and tell ${told.length} people` }).count()).toBe(1);
    await screenshot(page, "outlook-preview-cancel-ask");
    expect(await axeViolations(page)).toEqual([]);
    // No reason: refused, focus on the reason, nothing cancelled.
    await ask.getByRole("button", { name: /^Cancel and tell/ }).click();
    await ask.getByText("Choose why the booking is cancelled: the reason is kept on the case.").waitFor();
    // Focus moves to the reason after the refusal is drawn (BookChild: an effect after the paint).
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("cancel-reason");
    expect(organizer().data.isCancelled).toBe(false);
    await ask.getByLabel("Why is it cancelled?").selectOption("Child unwell or unavailable");
    await ask.getByLabel("More detail").fill("In hospital this week");
    await ask.getByRole("button", { name: /^Cancel and tell/ }).click();
    await page.getByRole("heading", { name: "Booking cancelled" }).waitFor();
    expect(await page.getByRole("status").filter({ hasText: "is cancelled" }).innerText()).toContain(`${told.length} attendees are told. The reason (Child unwell or unavailable) is kept on the case.`);
    expect(sandbox.store.allEvents(sandbox.store.user(IRO)!.id).some((e) => ((e.data.singleValueExtendedProperties ?? []) as { id: string; value: string }[]).some((p) => p.value === child.ref))).toBe(false);
    const stored = registerOf(sandbox).find((c) => c.ref === child.ref)!;
    expect(stored.cancellations).toEqual([expect.objectContaining({ reason: "Child unwell or unavailable", detail: "In hospital this week", recorded: "2026-03-02", by: IRO })]);
    expect(page.errors).toEqual([]);
  });

  it("meets WCAG 2.2 AA (axe) in dark and high-contrast themes, with the status in words", async () => {
    for (const theme of ["dark", "contrast"]) {
      const page = await ukPage(browser());
      await page.goto(previewUrl(`&theme=${theme}`));
      await page.getByText(/Your \d+ children/).waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(theme);
      expect(await axeViolations(page), theme).toEqual([]);
      expect(await page.locator(".badge").first().innerText()).toMatch(/Overdue|Due soon|On track|Booked/);
      await screenshot(page, `outlook-preview-${theme}`);
    }
  });
});

describe("booking an ICPC with the CP chair who has capacity", { timeout: 60_000 }, () => {
  it("a manager books an initial conference: chairs listed by load, the chosen chair invited into their calendar", async () => {
    const page = await ukPage(browser());
    // An ICPC (not a transfer-in or pre-birth conference) due after the 5 working days' notice for the family, so the top suggestion is in time.
    const awaiting = registerOf(sandbox).find((c) => c.cp && !c.cp.icpc && !c.lac && !c.cp.transferIn && !c.cp.preBirth && (nextDueBy(c, TODAY) ?? "") > "2026-03-09")!;
    await page.goto(`${sandbox.url}/preview-outlook.html?today=2026-03-02&now=2026-03-02T08:00:00Z&user=priya.shah@westmere.example`);
    // The chairs' loads are counted over the register read so far: the child is opened once all of it is.
    await page.waitForFunction(() => performance.getEntriesByName("iro:current", "mark").length === 1);
    await page.getByLabel("Find a child by case reference or name").fill(awaiting.ref);
    await page.getByRole("button", { name: new RegExp(`Ref ${awaiting.ref}`) }).click();
    await page.getByRole("heading", { name: `Initial CP conference – ref ${awaiting.ref}` }).waitFor();
    const chairs = page.getByRole("group", { name: "Chair, by capacity" });
    const listed = (await chairs.locator("li").allInnerTexts()).map((t) => t.replace(/\s+/g, " ").trim());
    expect(listed.length).toBe(4);
    const perFte = listed.map((t) => Number(/: ([\d.]+) per FTE/.exec(t)![1]));
    const chosen = /^(.*?) \d+ children/.exec(listed[0]!)![1]!;
    // Most room first: the per-FTE figures of chairs within the band rise down the list.
    const within = listed.filter((t) => !/ above /.test(t)).map((t) => Number(/: ([\d.]+) per FTE/.exec(t)![1]));
    expect(within).toEqual([...within].sort((a, b) => a - b));
    expect(await chairs.getByRole("radio").first().isChecked()).toBe(true);
    await page.getByRole("button", { name: "Find free times" }).click();
    await page.locator('input[name="slot"]').first().check();
    await page.getByRole("button", { name: /^Book: / }).click();
    await page.getByRole("heading", { name: "Booked" }).waitFor();
    const chair = sandbox.store.users().find((u) => u.displayName === chosen)!;
    const copy = sandbox.store.allEvents(chair.id).find((e) => e.data.subject === `Initial CP conference – ref ${awaiting.ref}`);
    expect(copy?.data.isOrganizer).toBe(false);
    expect(perFte.length).toBe(4);
    expect(await axeViolations(page)).toEqual([]);
  });

  it("opened before the whole register is read, the chair ticked follows the top of the list as the rest arrives, until the one booking chooses a chair", async () => {
    // A CP chair opens an ICPC of their own: their children are drawn first, so the chairs' loads are
    // first counted over those alone (the others' as none), then over the whole register once it is read.
    const HELEN = "helen.achebe@westmere.example";
    const awaiting = registerOf(sandbox).find((c) => c.cp?.chair === HELEN && !c.cp.icpc && !c.lac && !c.cp.transferIn && !c.cp.preBirth)!;
    const open = async () => {
      const page = await ukPage(browser());
      // The register's pages after the first are held: a slow network.
      const held: Route[] = [];
      let released = false;
      await page.route(/\/items\/delta\?.*token=/, (route) => (released ? route.continue() : void held.push(route)));
      await page.goto(`${sandbox.url}/preview-outlook.html?today=2026-03-02&now=2026-03-02T08:00:00Z&user=${HELEN}`);
      await page.getByText("Your children are shown; reading the rest of the case register").waitFor();
      await page.getByLabel("Find a child by case reference or name").fill(awaiting.ref);
      await page.getByRole("button", { name: new RegExp(`Ref ${awaiting.ref}`) }).click();
      await page.getByRole("heading", { name: `Initial CP conference – ref ${awaiting.ref}` }).waitFor();
      expect(held.length).toBeGreaterThan(0);
      const release = async () => {
        released = true;
        await Promise.all(held.splice(0).map((r) => r.continue()));
        await page.waitForFunction(() => performance.getEntriesByName("iro:current", "mark").length === 1);
      };
      return { page, release };
    };
    const chairs = (page: Page) => page.getByRole("group", { name: "Chair, by capacity" });
    const listed = async (page: Page) => (await chairs(page).locator("li").allInnerTexts()).map((t) => /^(.*?) \d+ child/.exec(t.replace(/\s+/g, " ").trim())![1]!);
    const ticked = (page: Page) => chairs(page).locator("li", { has: page.locator("input:checked") }).innerText().then((t) => /^(.*?) \d+ child/.exec(t.replace(/\s+/g, " ").trim())![1]!);
    const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? null);

    const invited = (page: Page) => page.getByRole("heading", { name: /^Invited: / }).locator("xpath=ancestor::section[1]").innerText();

    // Not chosen: the default is the top of the list, counted over her own children, then over the whole register.
    const first = await open();
    const before = await listed(first.page);
    expect(await ticked(first.page)).toBe(before[0]);
    expect(await invited(first.page)).toContain(before[0]);
    expect(await focused(first.page)).toBe("book-title");
    await first.release();
    await expect.poll(() => listed(first.page)).not.toEqual(before);
    const after = await listed(first.page);
    // (Counted over the whole register, another chair has most capacity: otherwise this test could not tell.)
    expect(after[0]).not.toBe(before[0]);
    expect(await ticked(first.page)).toBe(after[0]);
    // The booking goes with it: the first pick is no longer invited as the chair.
    expect(await invited(first.page)).not.toContain(before[0]);
    // Only the tick moved: focus is where the form put it.
    expect(await focused(first.page)).toBe("book-title");
    await screenshot(first.page, "outlook-chair-follows-register");
    expect(await axeViolations(first.page)).toEqual([]);
    expect(first.page.errors).toEqual([]);

    // Chosen before the rest arrives: the chair stays the one chosen when the list reorders.
    const second = await open();
    const chosen = (await listed(second.page))[1]!;
    expect(chosen).not.toBe(after[0]);
    await chairs(second.page).getByRole("radio", { name: new RegExp(`^${chosen} `) }).check();
    await second.release();
    await expect.poll(() => listed(second.page)).toEqual(after);
    expect(await ticked(second.page)).toBe(chosen);
    expect(await invited(second.page)).toContain(chosen);
    expect(second.page.errors).toEqual([]);
  });
});
