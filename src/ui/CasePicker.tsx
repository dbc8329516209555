import { useMemo, useState } from "preact/hooks";
import type { CaseloadEntry } from "../app/loadCaseload.js";
import { meetingName } from "../domain/timescales/ruleSets.js";
import { countOf, dayAndDate, STATUS_ORDER } from "./format.js";
import { StatusBadge } from "./StatusBadge.js";


/**
 * Pick a child: your own children first, most urgent first; search by case reference or name
 * finds anyone in the service.
 */
export function CasePicker({ entries, me, chosen, onChoose }: { entries: readonly CaseloadEntry[]; me: string; chosen: string | null; onChoose: (entry: CaseloadEntry) => void }) {
  const [query, setQuery] = useState("");
  const [picking, setPicking] = useState(false);
  const shown = useMemo(() => {
    const q = query.trim().toLowerCase();
    const mine = (e: CaseloadEntry) => e.child.iro?.toLowerCase() === me.toLowerCase() || e.child.cp?.chair?.toLowerCase() === me.toLowerCase();
    const matching = q
      ? entries.filter((e) => e.child.ref.toLowerCase().includes(q) || e.child.childName.toLowerCase().includes(q))
      : entries.filter(mine).filter((e) => e.status !== "closed");
    return [...matching]
      .sort((a, b) => Number(mine(b)) - Number(mine(a)) || STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || (a.next?.dueBy ?? "9").localeCompare(b.next?.dueBy ?? "9"))
      .slice(0, 50);
  }, [entries, query, me]);
  const chosenEntry = chosen ? entries.find((e) => e.stored.id === chosen) : undefined;
  if (chosenEntry && !picking) {
    return (
      <section aria-labelledby="pick-child" class="row">
        <h2 id="pick-child" class="visually-hidden">Child</h2>
        <span>
          <span class="ref">Ref {chosenEntry.child.ref}</span> {chosenEntry.child.childName}
        </span>
        <button type="button" onClick={() => setPicking(true)}>Choose another child</button>
      </section>
    );
  }
  return (
    <section aria-labelledby="pick-child">
      <h2 id="pick-child">Child</h2>
      <label for="child-search">Find a child by case reference or name</label>
      <input
        id="child-search"
        type="search"
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={(e) => e.key === "Enter" && query.trim() && shown[0] && (e.preventDefault(), setPicking(false), onChoose(shown[0]))}
        aria-describedby="child-search-hint"
        autoComplete="off"
      />
      <p id="child-search-hint" class="hint">Enter opens the first child found.</p>
      <p class="muted" aria-live="polite">
        {query ? `${shown.length} found` : `Your ${countOf(shown.length, "child", "children")}, most urgent first`}
      </p>
      <ul class="plain children">
        {shown.map((e) => (
          <li key={e.stored.id}>
            <button type="button" class="child card" aria-pressed={chosen === e.stored.id} onClick={() => (setPicking(false), onChoose(e))}>
              <span class="row">
                <span class="ref">Ref {e.child.ref}</span>
                <span>{e.child.childName}</span>
                <StatusBadge status={e.status} />
              </span>
              <span class="muted">
                {e.next ? `${meetingName(e.next.event, e.next.number)} due by ${dayAndDate(e.next.dueBy)}` : "Nothing due"}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
