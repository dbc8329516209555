import { useEffect, useRef, useState } from "preact/hooks";
import type { SlotFinding } from "../app/findSlots.js";
import { addDays, isoWeekday, type IsoDate } from "../domain/calendar/isoDate.js";
import { formatClock, instantToLondon } from "../domain/calendar/londonTime.js";
import type { Slot } from "../domain/scheduling/rankSlots.js";
import { dayAndDate, timeRange } from "./format.js";

/** The people whose diaries cannot be seen in any slot (outside the council): said once, not on every slot. */
function unseenPeople(finding: SlotFinding): string[] {
  const first = finding.slots[0];
  if (!first) return [];
  return first.people.filter((p) => p.availability === "unknown").map((p) => p.address);
}

/** "Everyone we can see is free", or who is busy or tentative, and how many other reviews the chair has that day. */
function slotSummary(slot: Slot, names: ReadonlyMap<string, string>): string {
  const who = (a: string) => names.get(a.toLowerCase()) ?? a;
  const list = (kind: string) => slot.people.filter((p) => p.availability === kind).map((p) => who(p.address));
  const busy = list("busy");
  const tentative = list("tentative");
  const parts = [
    busy.length === 0 && tentative.length === 0 ? "everyone we can see is free" : "",
    busy.length > 0 ? `busy: ${busy.join(", ")}` : "",
    tentative.length > 0 ? `tentative: ${tentative.join(", ")}` : "",
    slot.reviewsThatDay > 0 ? `${slot.reviewsThatDay} other review${slot.reviewsThatDay === 1 ? "" : "s"} that day` : "",
  ].filter(Boolean);
  return parts.join("; ");
}

function cellKind(slot: Slot): "free" | "tentative" | "busy" {
  return slot.busyCount > 0 ? "busy" : slot.tentativeCount > 0 ? "tentative" : "free";
}

const CELL_TEXT = { free: "Free", tentative: "Maybe", busy: "Busy" } as const;
const AFTER_DUE_BY = "after the due-by date";
const firstMonday = (d: IsoDate) => addDays(d, 1 - isoWeekday(d));

interface Position {
  readonly date: IsoDate;
  readonly minutes: number;
}

/**
 * The best slots as a list, and the whole window as a week grid to choose from. The grid is one
 * tab stop (WAI-ARIA Authoring Practices, grid pattern, "roving tabindex": www.w3.org/WAI/ARIA/apg/patterns/grid/):
 * arrow keys move between cells, Home/End to the row's ends, Ctrl+Home/End to the grid's,
 * Page Up/Page Down change the week, Enter or Space chooses. Times after the due-by date are
 * marked before one is chosen, in words as well as in the cell's pattern.
 */
export function SlotPicker({ finding, names, chosen, onChoose }: { finding: SlotFinding; names: ReadonlyMap<string, string>; chosen: Slot | null; onChoose: (slot: Slot) => void }) {
  const [week, setWeek] = useState(firstMonday(finding.best[0]?.date ?? finding.from));
  const [active, setActive] = useState<Position | null>(null);
  /** The week Page Up or Page Down moved to, whose tab stop takes the focus once that week is drawn. */
  const focusWeek = useRef<IsoDate | null>(null);
  const grid = useRef<HTMLTableElement>(null);
  const days = Array.from({ length: 5 }, (_, i) => addDays(week, i));
  const inWeek = finding.slots.filter((s) => s.date >= week && s.date <= addDays(week, 4));
  const times = [...new Set(inWeek.map((s) => instantToLondon(s.start).minutes))].sort((a, b) => a - b);
  const at = (date: IsoDate, minutes: number) => inWeek.find((s) => s.date === date && instantToLondon(s.start).minutes === minutes);
  const isChosen = (s: Slot) => chosen !== null && chosen.start === s.start;
  const unseen = unseenPeople(finding);
  const earliestWeek = firstMonday(finding.from);
  const canGoBack = week > earliestWeek;
  const canGoOn = addDays(week, 7) <= finding.to;

  // The cell that takes the tab stop: the one last moved to, else the chosen time, else the best time this week, else the first time.
  const place = (slot: Slot | undefined): Position | null => (slot ? { date: slot.date, minutes: instantToLondon(slot.start).minutes } : null);
  const inThisWeek = (p: Position | null) => p !== null && days.includes(p.date) && times.includes(p.minutes);
  const current: Position | null =
    (inThisWeek(active) ? active : null) ??
    (chosen && inThisWeek(place(chosen)) ? place(chosen) : null) ??
    place(finding.best.find((s) => days.includes(s.date))) ??
    (times.length > 0 ? { date: days.find((d) => inWeek.some((s) => s.date === d)) ?? days[0]!, minutes: times[0]! } : null);

  // Only once the week moved to is drawn: an effect still pending from an earlier draw (data that
  // arrived just before the key) runs first, and would focus a cell of the old week about to go.
  useEffect(() => {
    if (focusWeek.current !== week) return;
    focusWeek.current = null;
    grid.current?.querySelector<HTMLElement>('[role="gridcell"][tabindex="0"]')?.focus();
  });

  const changeWeek = (by: number, focusGrid: boolean) => {
    const to = addDays(week, 7 * by);
    setWeek(to);
    setActive(null);
    focusWeek.current = focusGrid ? to : null;
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!current) return;
    const col = days.indexOf(current.date);
    const row = times.indexOf(current.minutes);
    // The cell is already drawn: focus moves to it at once, with the key (a focus left to an effect
    // after the redraw was seen not to come while other data arrived), and it becomes the tab stop.
    const go = (r: number, c: number) => {
      const to = { date: days[Math.max(0, Math.min(4, c))]!, minutes: times[Math.max(0, Math.min(times.length - 1, r))]! };
      setActive(to);
      grid.current?.querySelector<HTMLElement>(`[data-at="${to.date} ${to.minutes}"]`)?.focus();
    };
    switch (e.key) {
      case "ArrowRight": go(row, col + 1); break;
      case "ArrowLeft": go(row, col - 1); break;
      case "ArrowDown": go(row + 1, col); break;
      case "ArrowUp": go(row - 1, col); break;
      case "Home": e.ctrlKey ? go(0, 0) : go(row, 0); break;
      case "End": e.ctrlKey ? go(times.length - 1, 4) : go(row, 4); break;
      case "PageUp": if (canGoBack) changeWeek(-1, true); break;
      case "PageDown": if (canGoOn) changeWeek(1, true); break;
      case "Enter":
      case " ": {
        const slot = at(current.date, current.minutes);
        if (slot) onChoose(slot);
        break;
      }
      default: return;
    }
    e.preventDefault();
  };

  return (
    <section aria-labelledby="best-slots" class="stack">
      <h2 id="best-slots" tabIndex={-1}>Best times</h2>
      <p class="muted">
        Due by {dayAndDate(finding.dueBy)}. Times from {dayAndDate(finding.from)}.
        {unseen.length > 0 && ` Free/busy not visible (outside the council): ${unseen.map((a) => names.get(a.toLowerCase()) ?? a).join(", ")}.`}
      </p>
      {finding.best.length === 0 ? (
        <p>No times in working hours in this window. Choose another date to start from, or a shorter meeting.</p>
      ) : (
        <fieldset class="card">
          <legend class="visually-hidden">Best times</legend>
          <ul class="plain slots">
            {finding.best.map((slot) => (
              <li key={slot.start}>
                <label class={`inline slot${isChosen(slot) ? " chosen" : ""}`}>
                  <input type="radio" name="slot" checked={isChosen(slot)} onChange={() => onChoose(slot)} />
                  <span>
                    <strong>{timeRange(slot.start, slot.end)}</strong>
                    {slot.afterDueBy && <> <span class="badge overdue">After due-by date</span></>}
                    <br />
                    <span class="muted">{slotSummary(slot, names)}</span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      {finding.shortened && <p class="muted">Showing the first 61 days from the earliest date; book sooner rather than later.</p>}
      <h3 id="week-grid">Week of {dayAndDate(week)}</h3>
      <div class="row spread week-bar">
        <button type="button" class="subtle" onClick={() => changeWeek(-1, false)} disabled={!canGoBack}>
          <span aria-hidden="true">‹</span> Previous week
        </button>
        <button type="button" class="subtle" onClick={() => changeWeek(1, false)} disabled={!canGoOn}>
          Next week <span aria-hidden="true">›</span>
        </button>
      </div>
      <p id="week-grid-help" class="hint">Arrow keys move between times, Enter chooses, Page Up and Page Down change the week.</p>
      {times.length === 0 ? (
        <p class="muted">No times this week.</p>
      ) : (
        <table class="week" role="grid" ref={grid} aria-labelledby="week-grid" aria-describedby="week-grid-help" onKeyDown={onKeyDown}>
          <thead>
            <tr role="row">
              <th role="columnheader" scope="col">Time</th>
              {days.map((d) => (
                <th role="columnheader" scope="col" key={d} class={d > finding.dueBy ? "late" : undefined}>
                  {dayAndDate(d).slice(0, 9)}
                  {d > finding.dueBy && <span class="late-flag">late</span>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {times.map((m) => (
              <tr role="row" key={m}>
                <th role="rowheader" scope="row">{formatClock(m)}</th>
                {days.map((d) => {
                  const slot = at(d, m);
                  const tabStop = current !== null && current.date === d && current.minutes === m;
                  if (!slot) {
                    return (
                      <td role="gridcell" key={d} class="none" tabIndex={tabStop ? 0 : -1} data-at={`${d} ${m}`}>
                        <span aria-hidden="true">–</span>
                        <span class="visually-hidden">No time</span>
                      </td>
                    );
                  }
                  const kind = cellKind(slot);
                  return (
                    <td
                      role="gridcell"
                      key={d}
                      class={`${kind}${slot.afterDueBy ? " late" : ""}`}
                      tabIndex={tabStop ? 0 : -1}
                      data-at={`${d} ${m}`}
                      aria-selected={isChosen(slot)}
                      onClick={() => (setActive({ date: d, minutes: m }), onChoose(slot))}
                    >
                      {CELL_TEXT[kind]}
                      <span class="visually-hidden">
                        , {timeRange(slot.start, slot.end)}: {slotSummary(slot, names)}
                        {slot.afterDueBy ? `; ${AFTER_DUE_BY}` : ""}
                      </span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
