// Runs in headless Chromium (bench/caseload.bench.ts): the caseload sidebar for N synthetic
// children from in-memory ports, timing the first view after the register's last page arrives,
// the whole view (every child worked out, the list drawn), and the longest task while the view is
// worked out and while the page is scrolled to the end of the list and back.
import { render } from "preact";
import { browserClipboard } from "../../src/adapters/browser/browserClipboard.js";
import { MemoryCalendar } from "../../src/adapters/memory/memoryCalendar.js";
import { MemoryCaseStore } from "../../src/adapters/memory/memoryCaseStore.js";
import { MemoryDisputeStore } from "../../src/adapters/memory/memoryDisputeStore.js";
import { memoryDrafts } from "../../src/adapters/memory/memoryDrafts.js";
import { MemoryHolds } from "../../src/adapters/memory/memoryHolds.js";
import { MemoryMail } from "../../src/adapters/memory/memoryMail.js";
import { MemoryReminders } from "../../src/adapters/memory/memoryReminders.js";
import { MemoryScheduledMail } from "../../src/adapters/memory/memoryScheduledMail.js";
import { DEFAULT_SETTINGS } from "../../src/app/serviceSettings.js";
import { DEFAULT_LADDER } from "../../src/domain/disputes/dispute.js";
import { DEFAULT_TEMPLATES } from "../../src/domain/templates/defaultTemplates.js";
import { addDays, type IsoDate } from "../../src/domain/calendar/isoDate.js";
import { instant } from "../../src/domain/calendar/londonTime.js";
import type { CaseRef } from "../../src/domain/caseload/caseRef.js";
import type { ChildCase } from "../../src/domain/caseload/childCase.js";
import type { CaseChanges, CasePage } from "../../src/ports/CaseStore.js";
import { NO_ITEM } from "../../src/ports/Host.js";
import type { PaneEnv } from "../../src/ui/env.js";
import { CaseloadPane } from "../../src/ui/CaseloadPane.js";
import { caseloadWindow } from "../../src/app/loadCaseload.js";
import { PaneData } from "../../src/app/paneData.js";

const today = "2026-03-02" as IsoDate;
const me = "sam.okafor@westmere.example";

function children(n: number): ChildCase[] {
  let seed = 7;
  const random = (k: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) % k);
  return Array.from({ length: n }, (_, i) => {
    const start = addDays(today, -random(2000) - 1);
    const reviews: { held: IsoDate }[] = [];
    for (let held = addDays(start, 15), k = 0; held < today; k++, held = addDays(held, k === 1 ? 80 : 170)) reviews.push({ held });
    return {
      ref: String(100000 + i) as CaseRef, childName: `Child ${i}`, dateOfBirth: "2014-01-01" as IsoDate, nation: "england",
      iro: i % 8 === 0 ? me : `iro${i % 8}@westmere.example`, socialWorker: null, teamManager: null,
      lac: { periodStart: start, legalStatus: "C2", shortBreaks: false, reviews, ended: null, earlierPeriods: [] },
      cp: null, contacts: [], rag: [{ date: today, rating: (["red", "amber", "green"] as const)[i % 3]!, reason: "" }], lateReasons: [],
    };
  });
}

/** Records when the register's last page was handed over: "the data has arrived". */
class TimedStore extends MemoryCaseStore {
  arrived = 0;
  override async changes(link: string | null, signal?: AbortSignal, onPage?: (page: CasePage, first: boolean) => void): Promise<CaseChanges> {
    const changes = await super.changes(link, signal, onPage);
    // As from the network, the data arrives in a task of its own (not the one that made it up).
    await new Promise((resolve) => setTimeout(resolve, 0));
    this.arrived = performance.now();
    return changes;
  }
}

/** Every long task (over 50 ms) the page has had, as [start, duration]. */
const longTasks: [number, number][] = [];
new PerformanceObserver((list) => list.getEntries().forEach((t) => longTasks.push([t.startTime, t.duration]))).observe({ type: "longtask", buffered: true });
const longest = (from: number, to: number) => Math.max(0, ...longTasks.filter(([at, d]) => at + d > from && at < to).map(([, d]) => d));
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const until = async (done: () => boolean) => {
  while (!done()) await frame();
  return performance.now();
};

export interface BenchRun {
  /** ms from the register's arrival to the first view (IRO: their children listed; manager: the IROs' table). */
  readonly firstView: number;
  /** ms from the register's arrival to the whole view (manager: every child worked out, the list drawn). */
  readonly wholeView: number;
  readonly longestWhileWorking: number;
  readonly longestWhileScrolling: number;
}

(window as unknown as { runBench: (n: number, manager: boolean) => Promise<BenchRun> }).runBench = async (n, manager) => {
  const root = document.getElementById("app")!;
  render(null, root);
  window.scrollTo(0, 0);
  const cases = new TimedStore(children(n), 200);
  const settings = { ...DEFAULT_SETTINGS, managers: manager ? ["priya@westmere.example"] : [], staff: Array.from({ length: 8 }, (_, i) => ({ upn: i === 0 ? me : `iro${i}@westmere.example`, name: `IRO ${i}`, fte: 1 })) };
  const serviceSettings = { read: async () => ({ service: settings, templates: DEFAULT_TEMPLATES, ladder: DEFAULT_LADDER, version: "1" }), save: () => Promise.reject(new Error("read-only")) };
  const calendar = new MemoryCalendar();
  const who = { address: manager ? "priya@westmere.example" : me, name: "Bench" };
  const env: PaneEnv = {
    ...NO_ITEM, mail: new MemoryMail(), meetingChats: { joinUrl: async () => null }, holds: new MemoryHolds(calendar), reminders: new MemoryReminders(), scheduledMail: new MemoryScheduledMail(), drafts: memoryDrafts(), clipboard: browserClipboard(), signal: new AbortController().signal,
    serviceSettings, calendar, cases, disputes: new MemoryDisputeStore(), me: who, settings,
    paneData: new PaneData({ register: cases, calendar, settings: serviceSettings, me: who }, null, caseloadWindow(today)),
    today: () => today, now: () => instant(Date.parse("2026-03-02T08:00:00Z")),
  };
  render(<CaseloadPane env={env} />, root);
  const first = await until(() => root.querySelector(manager ? "table.grid tbody tr" : ".children li") !== null);
  const whole = await until(() => root.querySelector(".children li") !== null);
  // Scroll to the end of the list and back, a step a frame, as a person flicking through it.
  const scrolled = performance.now();
  const end = document.documentElement.scrollHeight;
  for (let y = 0; y <= end; y += 200) (window.scrollTo(0, y), await frame());
  for (let y = end; y >= 0; y -= 400) (window.scrollTo(0, y), await frame());
  await new Promise((resolve) => setTimeout(resolve, 100));
  return { firstView: first - cases.arrived, wholeView: whole - cases.arrived, longestWhileWorking: longest(cases.arrived, whole), longestWhileScrolling: longest(scrolled, performance.now()) };
};
