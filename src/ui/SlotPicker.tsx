import { useState } from "preact/hooks";
import type { SlotFinding } from "../app/findSlots.js";
import { addDays, isoWeekday, type IsoDate } from "../domain/calendar/isoDate.js";
import { formatClock, instantToLondon } from "../domain/calendar/londonTime.js";
import type { Slot } from "../domain/scheduling/rankSlots.js";
import { dayAndDate, timeRange } from "./format.js";

/** "Everyone free" or who is busy, tentative, and whose diary cannot be seen. */
export function slotSummary(slot: Slot, names: ReadonlyMap<string, string>): string {
  const who = (a: string) => names.get(a.toLowerCase()) ?? a;
  const list = (kind: string) => slot.people.filter((p) => p.availability === kind).map((p) => who(p.address));
  const busy = list("busy");
  const tentative = list("tentative");
  const unknown = list("unknown");
  const parts = [
    busy.length === 0 && tentative.length === 0 ? "everyone we can see is free" : "",
    busy.length > 0 ? `busy: ${busy.join(", ")}` : "",
    tentative.length > 0 ? `tentative: ${tentative.join(", ")}` : "",
    unknown.length > 0 ? `free/busy unknown: ${unknown.join(", ")}` : "",
    slot.reviewsThatDay > 0 ? `${slot.reviewsThatDay} other review${slot.reviewsThatDay === 1 ? "" : "s"} that day` : "",
  ].filter(Boolean);
  return parts.join("; ");
}

function cellKind(slot: Slot): "free" | "tentative" | "busy" {
  return slot.busyCount > 0 ? "busy" : slot.tentativeCount > 0 ? "tentative" : "free";
}

const CELL_TEXT = { free: "Free", tentative: "Maybe", busy: "Busy" } as const;

/** The best slots as a list, and the whole window as a week grid to choose from. */
export function SlotPicker({ finding, names, chosen, onChoose }: { finding: SlotFinding; names: ReadonlyMap<string, string>; chosen: Slot | null; onChoose: (slot: Slot) => void }) {
  const firstMonday = (d: IsoDate) => addDays(d, 1 - isoWeekday(d));
  const [week, setWeek] = useState(firstMonday(finding.from));
  const days = Array.from({ length: 5 }, (_, i) => addDays(week, i));
  const inWeek = finding.slots.filter((s) => s.date >= week && s.date <= addDays(week, 4));
  const times = [...new Set(inWeek.map((s) => instantToLondon(s.start).minutes))].sort((a, b) => a - b);
  const at = (date: IsoDate, minutes: number) => inWeek.find((s) => s.date === date && instantToLondon(s.start).minutes === minutes);
  const isChosen = (s: Slot) => chosen !== null && chosen.start === s.start;
  return (
    <section aria-labelledby="best-slots">
      <h2 id="best-slots">Best times</h2>
      {finding.best.length === 0 ? (
        <p>No times in working hours before the due-by date. Choose an earlier date to start from, or a shorter meeting.</p>
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
      <div class="row">
        <button type="button" onClick={() => setWeek(addDays(week, -7))} disabled={week <= firstMonday(finding.from)}>
          Previous week
        </button>
        <button type="button" onClick={() => setWeek(addDays(week, 7))} disabled={addDays(week, 7) > finding.to}>
          Next week
        </button>
      </div>
      {times.length === 0 ? (
        <p class="muted">No times this week.</p>
      ) : (
        <table class="grid" aria-labelledby="week-grid">
          <thead>
            <tr>
              <th scope="col">Time</th>
              {days.map((d) => (
                <th scope="col" key={d}>
                  {dayAndDate(d).slice(0, 9)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {times.map((m) => (
              <tr key={m}>
                <th scope="row">{formatClock(m)}</th>
                {days.map((d) => {
                  const slot = at(d, m);
                  if (!slot) return <td key={d} class="none">–</td>;
                  const kind = cellKind(slot);
                  return (
                    <td key={d} class={kind}>
                      <button type="button" class="cell" aria-pressed={isChosen(slot)} aria-label={`${CELL_TEXT[kind]}, ${timeRange(slot.start, slot.end)}: ${slotSummary(slot, names)}`} onClick={() => onChoose(slot)}>
                        {CELL_TEXT[kind]}
                      </button>
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
