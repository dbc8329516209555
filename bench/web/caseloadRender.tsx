// Runs in headless Chromium (bench/caseload.bench.ts): the caseload sidebar for N synthetic
// children from in-memory ports, timing the first view after the register's last page arrives.
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
import type { CasePage } from "../../src/ports/CaseStore.js";
import { NO_ITEM } from "../../src/ports/Host.js";
import type { PaneEnv } from "../../src/ui/env.js";
import { CaseloadPane } from "../../src/ui/CaseloadPane.js";

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
  override async *readCases(): AsyncIterable<CasePage> {
    for await (const page of super.readCases()) yield page;
    this.arrived = performance.now();
  }
}

(window as unknown as { runBench: (n: number, manager: boolean) => Promise<{ afterData: number; total: number }> }).runBench = async (n, manager) => {
  const root = document.getElementById("app")!;
  render(null, root);
  const cases = new TimedStore(children(n), 200);
  const settings = { ...DEFAULT_SETTINGS, managers: manager ? ["priya@westmere.example"] : [], staff: Array.from({ length: 8 }, (_, i) => ({ upn: i === 0 ? me : `iro${i}@westmere.example`, name: `IRO ${i}`, fte: 1 })) };
  const calendar = new MemoryCalendar();
  const env: PaneEnv = {
    ...NO_ITEM, mail: new MemoryMail(), meetingChats: { joinUrl: async () => null }, holds: new MemoryHolds(calendar), reminders: new MemoryReminders(), scheduledMail: new MemoryScheduledMail(), drafts: memoryDrafts(), clipboard: browserClipboard(), signal: new AbortController().signal,
    serviceSettings: { read: async () => ({ service: settings, templates: DEFAULT_TEMPLATES, ladder: DEFAULT_LADDER, version: "1" }), save: () => Promise.reject(new Error("read-only")) },
    calendar, cases, disputes: new MemoryDisputeStore(), me: { address: manager ? "priya@westmere.example" : me, name: "Bench" },
    settings,
    today: () => today, now: () => instant(Date.parse("2026-03-02T08:00:00Z")),
  };
  const started = performance.now();
  render(<CaseloadPane env={env} />, root);
  return new Promise((resolve) => {
    const poll = () => {
      if (root.querySelector(".children li")) {
        const done = performance.now();
        resolve({ afterData: done - cases.arrived, total: done - started });
      } else requestAnimationFrame(poll);
    };
    poll();
  });
};
