import { describe, expect, it } from "vitest";
import { MemoryCalendar } from "../../src/adapters/memory/memoryCalendar.js";
import { MemoryCaseStore } from "../../src/adapters/memory/memoryCaseStore.js";
import { MemoryCopy } from "../../src/adapters/memory/memoryCopy.js";
import { caseloadWindow } from "../../src/app/loadCaseload.js";
import { PaneData, type PaneSources, type RegisterView } from "../../src/app/paneData.js";
import { calendarThrough, casesThrough } from "../../src/app/paneDataPorts.js";
import { DEFAULT_SETTINGS, type ServiceSettings } from "../../src/app/serviceSettings.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { londonTimeToInstant } from "../../src/domain/calendar/londonTime.js";
import type { CaseRef } from "../../src/domain/caseload/caseRef.js";
import { DEFAULT_LADDER } from "../../src/domain/disputes/dispute.js";
import { DEFAULT_TEMPLATES } from "../../src/domain/templates/defaultTemplates.js";
import { RequestError } from "../../src/ports/errors.js";
import type { StoredSettings } from "../../src/ports/SettingsStore.js";
import { lacChild } from "../fixtures/children.js";

const today = "2026-03-02" as IsoDate;
const window = caseloadWindow(today);
const me = { address: "sam.okafor@westmere.example", name: "Sam Okafor" };
const DAY = 86_400_000;

/** A register of n children, read 200 a page; settings at a version; the chair's calendar. */
function service(n = 450, service: Partial<ServiceSettings> = {}) {
  const cases = new MemoryCaseStore(Array.from({ length: n }, (_, i) => lacChild(String(100000 + i), "2025-06-02", ["2025-06-27"])), 200);
  const calendar = new MemoryCalendar();
  let settings: StoredSettings = { service: { ...DEFAULT_SETTINGS, ...service }, templates: DEFAULT_TEMPLATES, ladder: DEFAULT_LADDER, version: "v1" };
  const asked: string[] = [];
  const sources: PaneSources = {
    register: {
      changes: (link, signal, onPage) => (asked.push(link === null ? "register: all" : "register: changes"), cases.changes(link, signal, onPage)),
      heldBy: (address) => (asked.push(`held by ${address}`), cases.heldBy(address)),
    },
    calendar: { bookingsBetween: (from, to) => (asked.push("bookings"), calendar.bookingsBetween(from, to)) },
    settings: { read: async () => (asked.push("settings"), settings) },
    me: async () => (asked.push("me"), me),
  };
  return { cases, calendar, sources, asked, setSettings: (s: StoredSettings) => (settings = s), settings: () => settings };
}

/** Every view the pane data shows, in order. */
function views(data: PaneData): RegisterView[] {
  const seen: RegisterView[] = [];
  data.subscribe((v) => seen.push(v));
  return seen;
}

describe("a pane's data: this device's copy first, then up to date with Microsoft 365", () => {
  it("without a copy: the pane waits only for the name and settings, shows the first page with the bookings, then the whole register, and keeps it", async () => {
    const s = service(450);
    const copy = new MemoryCopy();
    const data = new PaneData(s.sources, copy, window);
    const seen = views(data);
    expect(await data.ready).toEqual({ me, settings: s.settings() });
    await data.refresh();
    // Who, the settings, the register and the bookings were asked for together.
    expect(s.asked.slice(0, 4).sort()).toEqual(["bookings", "me", "register: all", "settings"]);
    expect(seen.map((v) => [v.cases.length, v.complete, v.current])).toEqual([
      [200, false, false],
      [450, true, true],
    ]);
    expect(copy.contents.register?.cases).toHaveLength(450);
    expect(copy.saved.at(-1)).toMatchObject({ me, register: { full: true, removed: [] }, keepDays: 14 });
  });

  it("a first open where the host says who is signing in: their own children, all of them, are shown first (asked for with the settings and bookings, the register after them), then the whole register", async () => {
    const s = service(0);
    const other = "claire.dunmore@westmere.example";
    for (let i = 0; i < 450; i++) await s.cases.createCase(lacChild(String(200000 + i), "2025-06-02", ["2025-06-27"], { iro: i % 9 === 0 ? me.address.toUpperCase() : other }));
    // Microsoft 365 holds the register's pages after the first until we let it.
    let letRest!: () => void;
    const rest = new Promise<void>((resolve) => (letRest = resolve));
    const slow: PaneSources = {
      ...s.sources,
      me,
      register: { ...s.sources.register, changes: (link, signal, onPage) => s.cases.changes(link, signal, (page, first) => (onPage?.(page, first), first ? undefined : void rest)).then(async (c) => (await rest, c)) },
    };
    const data = new PaneData(slow, new MemoryCopy(), window);
    const seen = views(data);
    await data.ready;
    await expect.poll(() => seen.find((v) => v.ownFirst)).toBeDefined();
    const first = seen.find((v) => v.ownFirst)!;
    expect(first).toMatchObject({ complete: false, current: false, checkedAt: null });
    expect(first.cases).toHaveLength(50);
    expect(first.cases.every((c) => c.childCase.iro === me.address.toUpperCase())).toBe(true);
    expect(s.asked).toContain(`held by ${me.address}`);
    letRest();
    await data.refresh();
    expect(data.view()).toMatchObject({ complete: true, ownFirst: false, current: true });
    expect(data.view()!.cases).toHaveLength(450);
  });

  it("with a copy: ready and shown before Microsoft 365 answers; then what others changed arrives by delta, in one round, and is kept", async () => {
    const s = service(450);
    const copy = new MemoryCopy();
    const first = new PaneData(s.sources, copy, window);
    await first.refresh();
    const [a, b] = [await s.cases.readCase("7"), await s.cases.readCase("8")];
    await s.cases.updateCase(a.id, a.version, { ...a.childCase, childName: "Changed Elsewhere" });
    s.cases.remove(b.id);
    s.asked.length = 0;

    // Microsoft 365 holds its answers until we let it.
    let answer!: () => void;
    const held = new Promise<void>((resolve) => (answer = resolve));
    const slow: PaneSources = { ...s.sources, register: { ...s.sources.register, changes: async (link, signal, onPage) => (await held, s.sources.register.changes(link, signal, onPage)) } };
    const again = new PaneData(slow, copy, window);
    expect(await again.ready).toEqual({ me, settings: s.settings() });
    expect(again.view()).toMatchObject({ complete: true, current: false });
    expect(again.view()!.cases.find((c) => c.id === a.id)!.childCase.childName).toBe(a.childCase.childName);
    answer();
    await again.refresh();
    expect(again.view()).toMatchObject({ complete: true, current: true, problem: null });
    expect(again.view()!.cases.find((c) => c.id === a.id)!.childCase.childName).toBe("Changed Elsewhere");
    expect(again.view()!.cases.some((c) => c.id === b.id)).toBe(false);
    expect(s.asked.filter((q) => q.startsWith("register"))).toEqual(["register: changes"]);
    expect(copy.saved.at(-1)!.register).toMatchObject({ full: false, removed: [b.id] });
    expect(copy.contents.register!.cases).toHaveLength(449);
  });

  it("with a copy: the person's own children first, the rest of the register after; the changes are laid over the whole copy, the rest included", async () => {
    const s = service(0);
    const other = "claire.dunmore@westmere.example";
    for (let i = 0; i < 60; i++) await s.cases.createCase(lacChild(String(200000 + i), "2025-06-02", ["2025-06-27"], { iro: i % 3 === 0 ? me.address.toUpperCase() : other }));
    const copied = new MemoryCopy();
    await new PaneData(s.sources, copied, window).refresh();
    const theirs = (await s.cases.readCase("2")).childCase.iro;
    expect(theirs).toBe(other);
    const changed = await s.cases.readCase("2");
    await s.cases.updateCase(changed.id, changed.version, { ...changed.childCase, childName: "Changed Elsewhere" });

    let letRest!: () => void;
    const copy = new MemoryCopy(Date.now, me.address, new Promise<void>((resolve) => (letRest = resolve)));
    copy.contents = copied.contents;
    const data = new PaneData(s.sources, copy, window);
    await data.ready;
    expect(data.view()).toMatchObject({ complete: false, ownFirst: true, current: false });
    expect(data.view()!.cases).toHaveLength(20);
    const refreshed = data.refresh();
    await new Promise((resolve) => setTimeout(resolve, 10));
    // Microsoft 365 has answered, but its changes wait for the rest of the copy.
    expect(data.view()).toMatchObject({ ownFirst: true, current: false });
    letRest();
    await refreshed;
    expect(data.view()).toMatchObject({ complete: true, ownFirst: false, current: true });
    expect(data.view()!.cases).toHaveLength(60);
    expect(data.view()!.cases.find((c) => c.id === "2")!.childCase.childName).toBe("Changed Elsewhere");
  });

  it("a copy whose rest cannot be read from the device: the whole register is read from Microsoft 365", async () => {
    const s = service(0);
    for (let i = 0; i < 30; i++) await s.cases.createCase(lacChild(String(300000 + i), "2025-06-02", ["2025-06-27"], { iro: i < 10 ? me.address : "someone.else@westmere.example" }));
    const copied = new MemoryCopy();
    await new PaneData(s.sources, copied, window).refresh();
    const copy = new MemoryCopy(Date.now, me.address, Promise.reject(new Error("the disk said no")));
    copy.contents = copied.contents;
    s.asked.length = 0;
    const data = new PaneData(s.sources, copy, window);
    await data.ready;
    await data.refresh();
    expect(data.view()).toMatchObject({ complete: true, ownFirst: false, current: true });
    expect(data.view()!.cases).toHaveLength(30);
    expect(s.asked.filter((q) => q.startsWith("register"))).toEqual(["register: changes", "register: all"]);
  });

  it("a delta link Microsoft 365 no longer knows reads the whole register again and replaces the copy", async () => {
    const s = service(300);
    const copy = new MemoryCopy();
    await new PaneData(s.sources, copy, window).refresh();
    s.cases.remove("3");
    s.cases.forgetChanges();
    const again = new PaneData(s.sources, copy, window);
    await again.ready;
    await again.refresh();
    expect(again.view()).toMatchObject({ complete: true, current: true });
    expect(again.view()!.cases).toHaveLength(299);
    expect(copy.saved.at(-1)!.register).toMatchObject({ full: true });
  });

  it("settings changed on the site since the copy: the pane is told, and draws with the new ones", async () => {
    const s = service(10);
    const copy = new MemoryCopy();
    await new PaneData(s.sources, copy, window).refresh();
    s.setSettings({ ...s.settings(), service: { ...s.settings().service, dueSoonWorkingDays: 15 }, version: "v2" });
    const again = new PaneData(s.sources, copy, window);
    let told = 0;
    again.onSettings(() => told++);
    expect((await again.ready).settings.version).toBe("v1");
    await again.refresh();
    expect(told).toBe(1);
    expect(again.settings.service.dueSoonWorkingDays).toBe(15);
  });

  it("when Microsoft 365 cannot be reached the copy stays on screen with the reason, and nothing is written over it", async () => {
    const s = service(10);
    const copy = new MemoryCopy();
    await new PaneData(s.sources, copy, window).refresh();
    const saves = copy.saved.length;
    const down: PaneSources = { ...s.sources, register: { ...s.sources.register, changes: async () => Promise.reject(new RequestError(503, "Microsoft 365 is busy.")) } };
    const again = new PaneData(down, copy, window);
    await again.ready;
    await again.refresh();
    expect(again.view()).toMatchObject({ complete: true, current: false });
    expect(again.view()!.problem).toBeInstanceOf(RequestError);
    expect(again.view()!.cases).toHaveLength(10);
    expect(copy.saved.length).toBe(saves);
  });

  it("without a copy, a failure is the pane's failure: nothing to show", async () => {
    const s = service(10);
    const down: PaneSources = { ...s.sources, settings: { read: async () => Promise.reject(new RequestError(403, "No access to the site.")) } };
    await expect(new PaneData(down, new MemoryCopy(), window).ready).rejects.toThrow("No access to the site.");
  });

  it("a service that keeps no copies on devices (localCopyDays 0): any copy there is goes", async () => {
    const s = service(10, { localCopyDays: 0 });
    const copy = new MemoryCopy();
    copy.contents = { ...copy.contents, me, settings: s.settings(), register: { cases: [], unreadable: [], deltaLink: "memory:0" }, bookings: { ...window, list: [] }, checkedAt: 0, usedAt: Date.now() };
    const data = new PaneData(s.sources, copy, window);
    await data.ready;
    await data.refresh();
    expect(copy.contents.register).toBeUndefined();
  });

  it("a copy unused for longer than the service's days is deleted, not shown", async () => {
    let now = Date.parse("2026-03-02T08:00:00Z");
    const s = service(10);
    const copy = new MemoryCopy(() => now);
    await new PaneData(s.sources, copy, window).refresh();
    now += 15 * DAY;
    const later = new PaneData(s.sources, copy, window, () => now);
    const seen = views(later);
    await later.ready;
    await later.refresh();
    expect(seen[0]).toMatchObject({ complete: false, current: false });
  });

  it("the glance: kept only when up to date, with who and the settings; the next pane is ready from it at once, before the copy is read; only on its day", async () => {
    const s = service(10);
    const copy = new MemoryCopy();
    const rows = [{ id: "7", ref: "100007", childName: "Child 7", status: "overdue" as const, next: { event: "lac-review" as const, number: 2, dueBy: "2026-02-27" as IsoDate } }];
    // Not up to date (the register could not be read): nothing kept.
    const down = new PaneData({ ...s.sources, register: { ...s.sources.register, changes: async () => Promise.reject(new RequestError(503, "Microsoft 365 is busy.")) } }, copy, window);
    await down.ready;
    await down.refresh();
    down.keepGlance(today, rows);
    expect(copy.kept).toBeNull();
    const first = new PaneData(s.sources, copy, window);
    await first.refresh();
    first.keepGlance(today, rows);
    expect(copy.kept).toMatchObject({ glance: { me, settings: s.settings(), day: today, rows }, keepDays: 14 });
    expect(copy.kept!.glance.checkedAt).toBe(first.view()!.checkedAt);

    // The copy on this device is slow to read; Microsoft 365 is not asked first.
    let readCopy!: () => void;
    const slowDisk = new Promise<void>((resolve) => (readCopy = resolve));
    const load = copy.load.bind(copy);
    copy.load = async () => (await slowDisk, load());
    const again = new PaneData(s.sources, copy, window);
    let ready = false;
    void again.ready.then(() => (ready = true));
    await Promise.resolve();
    expect(ready).toBe(true);
    expect(await again.ready).toEqual({ me, settings: s.settings() });
    expect(again.view()).toBeNull();
    expect(again.glance(today)?.rows).toEqual(rows);
    expect(again.glance("2026-03-03" as IsoDate)).toBeNull();
    readCopy();
    await again.refresh();
    expect(again.view()).toMatchObject({ complete: true, current: true });

    // Signing out takes the glance with the copy.
    await again.forget();
    expect(copy.glance()).toBeNull();
  });

  it("the glance keeps each view's latest picture, per kind of item, whichever pane keeps the glance; none past its day", async () => {
    let now = Date.parse("2026-03-02T08:00:00Z");
    const s = service(10);
    const copy = new MemoryCopy(() => now);
    const endOfDay = Date.parse("2026-03-03T00:00:00Z");
    const picture = (view: string, item: "none" | "compose", html: string) => ({ view, item, html, until: endOfDay });
    const data = new PaneData(s.sources, copy, window, () => now);
    await data.refresh();
    data.keepGlance(today, [], picture("book", "none", "<p>book at 08:00</p>"));
    // The caseload (which keeps no picture) keeps the glance: the booking pane's picture stays.
    data.keepGlance(today, []);
    expect(copy.glance()?.pictures).toEqual([picture("book", "none", "<p>book at 08:00</p>")]);
    // Another pane, opened later on this device, keeps its own beside it; the booking pane's newer one replaces the older.
    const later = new PaneData(s.sources, copy, window, () => now);
    await later.refresh();
    later.keepGlance(today, [], picture("templates", "compose", "<p>templates</p>"));
    later.keepGlance(today, [], picture("book", "none", "<p>book at 09:00</p>"));
    expect(copy.glance()?.pictures).toEqual([picture("book", "none", "<p>book at 09:00</p>"), picture("templates", "compose", "<p>templates</p>")]);
    // The next day: yesterday's pictures are not kept again.
    now = endOfDay + 8 * 3_600_000;
    const tomorrow = new PaneData(s.sources, copy, window, () => now);
    await tomorrow.refresh();
    tomorrow.keepGlance("2026-03-03" as IsoDate, []);
    expect(copy.glance()?.pictures).toEqual([]);
  });

  it("the glance goes after the service's days, and is not kept where the service keeps no copies", async () => {
    let now = Date.parse("2026-03-02T08:00:00Z");
    const s = service(10);
    const copy = new MemoryCopy(() => now);
    const data = new PaneData(s.sources, copy, window, () => now);
    await data.refresh();
    data.keepGlance(today, []);
    expect(copy.glance()).not.toBeNull();
    now += 15 * DAY;
    expect(new PaneData(s.sources, copy, window, () => now).glance(today)).toBeNull();

    const none = service(10, { localCopyDays: 0 });
    const noCopies = new MemoryCopy();
    const pane = new PaneData(none.sources, noCopies, window);
    await pane.refresh();
    pane.keepGlance(today, []);
    expect(noCopies.kept).toBeNull();
  });

  it("writes still go to Microsoft 365 with their version; what comes back is kept at once and shown when the pane asks; after signing out nothing more is kept", async () => {
    const s = service(10);
    const copy = new MemoryCopy();
    const data = new PaneData(s.sources, copy, window);
    await data.refresh();
    const cases = casesThrough(data, s.cases);
    const calendar = calendarThrough(data, s.calendar);
    const seven = await s.cases.readCase("7");
    await expect(cases.updateCase("7", "v0", seven.childCase)).rejects.toThrow(/changed/i);
    const shown = data.view();
    const saved = await cases.updateCase("7", seven.version, { ...seven.childCase, childName: "Renamed Here" });
    expect(copy.contents.register!.cases.find((c) => c.id === "7")!.childCase.childName).toBe("Renamed Here");
    // Not drawn under the person's feet: the pane sees it when it reloads.
    expect(data.view()).toBe(shown);
    await data.refresh();
    expect(data.view()!.cases.find((c) => c.id === "7")!.childCase.childName).toBe("Renamed Here");
    const booking = await calendar.createBooking({ caseRef: "100007" as CaseRef, eventKind: "lac-review 3", subject: "LAC review 3 – ref 100007", start: londonTimeToInstant("2026-04-20" as IsoDate, 600), end: londonTimeToInstant("2026-04-20" as IsoDate, 690), attendees: [], hideAttendees: false, bodyHtml: "", online: true, transactionId: "t1" });
    expect(copy.contents.bookings!.list.map((b) => b.id)).toEqual([booking.id]);
    await calendar.cancelBooking(booking.id);
    expect(copy.contents.bookings!.list).toEqual([]);
    // The whole register for the managers' screens: the data brought up to date, one round of changes.
    s.asked.length = 0;
    const pages = [];
    for await (const page of cases.readCases()) pages.push(page);
    expect(pages.flatMap((p) => p.cases)).toHaveLength(10);
    expect(s.asked.filter((q) => q.startsWith("register"))).toEqual(["register: changes"]);

    expect(await data.forget()).toBe("deleted");
    expect(copy.contents.register).toBeUndefined();
    await cases.updateCase("7", saved.version, seven.childCase);
    await data.refresh();
    expect(copy.contents.register).toBeUndefined();
  });
});
