import { useEffect, useMemo, useState } from "preact/hooks";
import type { CaseloadEntry } from "../app/loadCaseload.js";
import { meetingName } from "../domain/timescales/ruleSets.js";
import type { GlanceRow } from "../ports/LocalCopy.js";
import { countOf, dayAndDate } from "./format.js";
import { glanceRows, pickerRows } from "./pickerRows.js";
import { StatusBadge } from "./StatusBadge.js";

interface Props {
  /** The caseload's entries; null while only this device's glance of the person's children is here. */
  readonly entries: readonly CaseloadEntry[] | null;
  /** The person's children as their picker last showed them (this device's glance), until the entries arrive. */
  readonly glance?: readonly GlanceRow[] | null;
  readonly me: string;
  readonly chosen: string | null;
  readonly onChoose: (entry: CaseloadEntry) => void;
}

/**
 * Pick a child: your own children first, most urgent first; search by case reference or name
 * finds anyone in the service. Drawn from the glance while the caseload is read: a child chosen
 * then is opened as soon as their entry is here.
 */
export function CasePicker({ entries, glance = null, me, chosen, onChoose }: Props) {
  const [query, setQuery] = useState("");
  const [picking, setPicking] = useState(false);
  const [waitingFor, setWaitingFor] = useState<string | null>(null);
  const shown = useMemo(() => (entries ? pickerRows(entries, me, query) : glanceRows(glance ?? [], query)), [entries, glance, query, me]);
  const choose = (id: string) => {
    setPicking(false);
    const entry = entries?.find((e) => e.stored.id === id);
    if (entry) onChoose(entry);
    else setWaitingFor(id);
  };
  useEffect(() => {
    if (!waitingFor || !entries) return;
    setWaitingFor(null);
    const entry = entries.find((e) => e.stored.id === waitingFor);
    if (entry) onChoose(entry);
  }, [entries, waitingFor]);
  const chosenEntry = chosen ? entries?.find((e) => e.stored.id === chosen) : undefined;
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
        onKeyDown={(e) => e.key === "Enter" && query.trim() && shown[0] && (e.preventDefault(), choose(shown[0].id))}
        aria-describedby="child-search-hint"
        autoComplete="off"
      />
      <p id="child-search-hint" class="hint">Enter opens the first child found.</p>
      <p class="muted" aria-live="polite">
        {query ? `${shown.length} found` : `Your ${countOf(shown.length, "child", "children")}, most urgent first`}
      </p>
      <ul class="plain children">
        {shown.map((row) => (
          <li key={row.id}>
            <button type="button" class="child card" aria-pressed={chosen === row.id || waitingFor === row.id} onClick={() => choose(row.id)}>
              <span class="row">
                <span class="ref">Ref {row.ref}</span>
                <span>{row.childName}</span>
                <StatusBadge status={row.status} />
              </span>
              <span class="muted">{row.next ? `${meetingName(row.next.event, row.next.number)} due by ${dayAndDate(row.next.dueBy)}` : "Nothing due"}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
