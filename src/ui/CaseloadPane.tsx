import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { calendarsFor } from "../app/timescaleOptions.js";
import { refreshedEntry, type Caseload, type CaseloadEntry } from "../app/loadCaseload.js";
import { CASELOAD_BAND, iroLoad, iroLoads, loadWords } from "../domain/caseload/iroLoad.js";
import { holdersOf, isHeldBy } from "../domain/caseload/childCase.js";
import type { Dispute } from "../domain/disputes/dispute.js";
import type { StoredCase } from "../ports/CaseStore.js";
import { meetingName } from "../domain/timescales/ruleSets.js";
import { BookChildLater } from "./bookChildLater.js";
import { LoadingNotices } from "./BookingPane.js";
import { ChildDetail } from "./ChildDetail.js";
import { MinutesAndEarlyReview, minutesDueWords } from "./MinutesAndEarlyReview.js";
import { ArrangementLines, proposalOf } from "./proposals/ArrangementLines.js";
import { ReplyAnswer } from "./proposals/ReplyAnswer.js";
import { isManager, type PaneEnv } from "./env.js";
import { byDueDate, countOf, dayAndDate, daysLeftWords, plainOrder, STATUS_ORDER, STATUS_WORDS } from "./format.js";
import { Notice } from "./Notice.js";
import { usePaneMarks } from "./paneMarks.js";
import { RagBadge } from "./RagBadge.js";
import { SentRatings } from "./SentRatings.js";
import { StatusBadge } from "./StatusBadge.js";
import { upToDate, useCaseload } from "./useCaseload.js";
import { useInSlices } from "./useInSlices.js";

const PAGE = 50;
type Filter = "all" | "overdue" | "due-soon" | "unbooked" | "booked" | "booked-late" | "records" | "proposed";
type Sort = "urgency" | "due" | "ref";
/** "Unbooked" means due within this many working days with nothing in the diary. */
const UNBOOKED_WINDOW = 20;

/**
 * The caseload sidebar. An IRO sees their own children, their load against the 50–70 band, and
 * what is due; a manager sees every IRO side by side and the children overdue or unbooked across
 * the service. Open a child to see their history, and book from there. Kept as a picture for the
 * next open while it shows the list as it opens (no child open, no filter): a manager's service
 * view keeps none, its figures being worked out after it draws.
 */
export function CaseloadPane({ env }: { env: PaneEnv }) {
  const pane = useRef<HTMLDivElement>(null);
  const { state, reload } = useCaseload(env, { view: "caseload", pane });
  usePaneMarks(state.kind === "ready", upToDate(state), state.kind === "failed");
  const [disputes, setDisputes] = useState<readonly Dispute[]>([]);
  useEffect(() => {
    const abort = new AbortController();
    env.disputes.readDisputes(abort.signal).then((list) => !abort.signal.aborted && setDisputes(list.map((d) => d.dispute)), () => setDisputes([]));
    return () => abort.abort();
  }, [env]);
  const manager = isManager(env);
  return (
    <div class="pane" style="max-width:none" ref={pane}>
      <h1>{manager ? "Service caseload" : "My caseload"}</h1>
      <p class="muted">Signed in as {env.me.name}</p>
      {/* Read afresh for each open, and for the email open now: not in a kept picture. */}
      <div class="notes" data-not-kept>
        <SentRatings env={env} onRecorded={reload} />
        {state.kind === "ready" && <ReplyAnswer env={env} caseload={state.caseload} />}
      </div>
      <div class="notes" data-picture-note>
        <LoadingNotices state={state} reload={reload} />
      </div>
      {state.kind === "ready" &&
        (!manager ? (
          <MyView env={env} caseload={state.caseload} disputes={disputes} reload={reload} />
        ) : state.ownFirst ? (
          // The manager's figures are the whole service's: not drawn from their own children alone.
          <p role="status" data-no-picture="">Reading the whole service{state.checkedAt === null ? ` from Microsoft 365… ${countOf(state.read, "child", "children")} so far` : " from the copy on this device…"}</p>
        ) : (
          <ServiceView env={env} caseload={state.caseload} disputes={disputes} reload={reload} />
        ))}
    </div>
  );
}

interface ViewProps {
  readonly env: PaneEnv;
  readonly caseload: Caseload;
  readonly disputes: readonly Dispute[];
  readonly reload: () => void;
}

function MyView({ env, caseload, disputes, reload }: ViewProps) {
  const me = env.me.address.toLowerCase();
  // Whose first, then how they stand: only this IRO's children are worked out.
  const theirs = useMemo(() => {
    const lower = lowerCaser();
    return caseload.entries.filter((e) => isHeldBy(e.child, me, lower));
  }, [caseload, me]);
  const mine = useMemo(() => theirs.filter((e) => e.status !== "closed"), [theirs]);
  const load = iroLoad(theirs.map((e) => e.child), env.me.address, env.settings.staff, env.today(), env.settings.countRule);
  return (
    <>
      <section class="card" aria-labelledby="load-title">
        <h2 id="load-title" style="margin-top:0">My load</h2>
        <p class={load.position === "above" ? "overdue-text" : ""}>{loadWords(load)}</p>
        <p>
          {[...(["overdue", "booked-late", "due-soon", "booked", "on-track"] as const).map((s) => `${STATUS_WORDS[s]}: ${mine.filter((e) => e.status === s).length}`), `Times proposed: ${mine.filter((e) => proposalOf(e) !== null).length}`].join(" · ")}
        </p>
      </section>
      <ChildList env={env} entries={mine} caseload={caseload} disputes={disputes} reload={reload} />
    </>
  );
}

/** Lower case, once per address: a register of 50,000 children names a few dozen IROs. */
function lowerCaser(): (address: string) => string {
  const seen = new Map<string, string>();
  return (address) => {
    let lower = seen.get(address);
    if (lower === undefined) seen.set(address, (lower = address.toLowerCase()));
    return lower;
  };
}

/** What the managers' table counts for one IRO. */
interface IroCounts {
  overdue: number;
  bookedLate: number;
  dueSoon: number;
  notBooked: number;
}

/**
 * The whole service. The IROs' loads need only the register, so they are drawn at once; each
 * child's next date is then worked out a slice at a time (a service of 50,000 children never
 * holds the page for long), counted for their IROs and kept when they need attention as it is,
 * so the counts and the children needing attention follow with nothing left to work out.
 */
function ServiceView({ env, caseload, disputes, reload }: ViewProps) {
  const staff = env.settings.staff;
  const today = env.today();
  const lower = useMemo(lowerCaser, []);
  // The loads at once: they need only the register.
  const loads = useMemo(() => iroLoads(caseload.entries.map((e) => e.child), staff, today, env.settings.countRule), [caseload, staff, env.settings, today]);
  // Filled in slice by slice (below): the children a manager acts on (reviews already late, overdue
  // or booked after the due-by date, and those due soon with nothing booked) and each IRO's counts.
  const tally = useMemo(() => ({ attention: [] as CaseloadEntry[], counts: new Map(staff.map((s): [string, IroCounts] => [s.upn.toLowerCase(), { overdue: 0, bookedLate: 0, dueSoon: 0, notBooked: 0 }])) }), [caseload, staff, today]);
  const each = useMemo(() => {
    return (e: CaseloadEntry) => {
      const { status, next, booking } = e;
      if (status === "closed") return;
      const unbooked = next !== null && booking === null && next.workingDaysLeft <= UNBOOKED_WINDOW;
      if (status === "overdue" || status === "booked-late" || unbooked) tally.attention.push(e);
      for (const holder of holdersOf(e.child, lower)) {
        const counts = tally.counts.get(holder);
        if (!counts) continue;
        if (status === "overdue") counts.overdue++;
        else if (status === "booked-late") counts.bookedLate++;
        else if (status === "due-soon") counts.dueSoon++;
        if (unbooked && status !== "overdue") counts.notBooked++;
      }
    };
  }, [tally, lower]);
  const done = useInSlices(caseload.entries, each);
  const finished = done === caseload.entries.length;
  const attentionList = useMemo(() => (finished ? [...tally.attention] : []), [finished, tally]);
  const counts = staff.map((s): Record<keyof IroCounts, number | string> => (finished ? tally.counts.get(s.upn.toLowerCase())! : { overdue: "…", bookedLate: 0, dueSoon: "…", notBooked: "…" }));
  return (
    <>
      <section aria-labelledby="iros-title">
        <h2 id="iros-title">IROs side by side</h2>
        {/* Six columns that fit a 350 px task pane: each cell carries its detail on a second line, so nothing is hidden or scrolled. */}
        <table class="grid iros">
          <caption class="visually-hidden">Each IRO's caseload: children per FTE against the guidance of {CASELOAD_BAND.min}–{CASELOAD_BAND.max} per full-time IRO, and their reviews overdue, booked late, due soon and not booked</caption>
          <thead>
            <tr>
              <th scope="col">IRO</th>
              <th scope="col" class="num">Children</th>
              <th scope="col" class="num">Per FTE</th>
              <th scope="col" class="num">Overdue</th>
              <th scope="col" class="num">Due soon</th>
              <th scope="col" class="num">Not booked</th>
            </tr>
          </thead>
          <tbody>
            {staff.map((s, i) => {
              const load = loads[i]!;
              const { overdue, bookedLate, dueSoon, notBooked } = counts[i]!;
              return (
                <tr key={s.upn}>
                  <th scope="row">
                    {s.name}
                    <span class="sub">{s.fte} FTE</span>
                  </th>
                  <td class="num">
                    {load.counted}
                    <span class="sub">{load.lac} LAC, {load.cp} CP</span>
                  </td>
                  <td class={`num${load.position === "above" ? " overdue-text" : ""}`}>
                    {load.perFte ?? "–"}
                    <span class="sub">{load.position ?? "no FTE"}</span>
                  </td>
                  <td class="num">
                    {overdue}
                    {bookedLate !== 0 && <span class="sub">+{bookedLate} booked late</span>}
                  </td>
                  <td class="num">{dueSoon}</td>
                  <td class="num">{notBooked}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <h2>Late, or due soon and not booked, across the service</h2>
      <p class="muted">Overdue, booked after the due-by date, or due within {UNBOOKED_WINDOW} working days with nothing booked.</p>
      {finished ? (
        <ChildList env={env} entries={attentionList} caseload={caseload} disputes={disputes} reload={reload} />
      ) : (
        <p role="status" data-no-picture="">
          Working out each child's next review or conference: {done.toLocaleString("en-GB")} of {caseload.entries.length.toLocaleString("en-GB")}…
        </p>
      )}
    </>
  );
}

function ChildList({ env, entries, caseload, disputes, reload }: ViewProps & { entries: readonly CaseloadEntry[] }) {
  const [query, setQuery] = useState("");
  const [filter, setFilter] = useState<Filter>("all");
  const [sort, setSort] = useState<Sort>("urgency");
  const [shown, setShown] = useState(PAGE);
  const [open, setOpen] = useState<CaseloadEntry | null>(null);
  const [booking, setBooking] = useState(false);
  // Children changed here (a record marked sent, an early review) show their new state at once, without reading the register again.
  const [changed, setChanged] = useState<ReadonlyMap<string, CaseloadEntry>>(new Map());
  const onSaved = (saved: StoredCase) => {
    const fresh = refreshedEntry(open, saved, env.today(), env.settings);
    setChanged((before) => new Map(before).set(saved.id, fresh));
    setOpen(fresh);
  };
  const calendarFor = calendarsFor(env.settings);
  const openDisputes = useMemo(() => {
    const byRef = new Map<string, Dispute[]>();
    for (const d of disputes) if (d.status === "open") byRef.set(d.caseRef, [...(byRef.get(d.caseRef) ?? []), d]);
    return byRef;
  }, [disputes]);
  const list = useMemo(() => {
    const q = query.trim().toLowerCase();
    const picked = entries.map((e) => changed.get(e.stored.id) ?? e).filter((e) => {
      if (q && !e.child.ref.toLowerCase().includes(q) && !e.child.childName.toLowerCase().includes(q)) return false;
      if (filter === "overdue") return e.status === "overdue";
      if (filter === "due-soon") return e.status === "due-soon";
      if (filter === "booked") return e.status === "booked";
      if (filter === "booked-late") return e.status === "booked-late";
      if (filter === "records") return e.minutesDue.length > 0;
      if (filter === "proposed") return proposalOf(e) !== null;
      if (filter === "unbooked") return e.booking === null && e.next !== null;
      return true;
    });
    // Ties by reference: the same order whether the register came from Microsoft 365 or the copy.
    const byRef = (a: CaseloadEntry, b: CaseloadEntry) => plainOrder(a.child.ref, b.child.ref);
    const byDue = (a: CaseloadEntry, b: CaseloadEntry) => byDueDate(a.next?.dueBy, b.next?.dueBy) || byRef(a, b);
    return [...picked].sort((a, b) => (sort === "ref" ? byRef(a, b) : sort === "due" ? byDue(a, b) : STATUS_ORDER[a.status] - STATUS_ORDER[b.status] || byDue(a, b)));
  }, [entries, changed, query, filter, sort]);

  if (open) {
    return (
      <section aria-labelledby="open-child" class="stack" data-no-picture="">
        <button type="button" onClick={() => (setOpen(null), setBooking(false))}>Back to the list</button>
        <h2 id="open-child">
          Ref {open.child.ref} {open.child.childName}
        </h2>
        {booking ? (
          <BookChildLater env={env} entry={open} caseload={caseload} onBooked={() => (setOpen(null), setBooking(false), reload())} />
        ) : (
          <>
            <p>
              <StatusBadge status={open.status} />{" "}
              {open.next ? `${meetingName(open.next.event, open.next.number)} due by ${dayAndDate(open.next.dueBy)}: ${daysLeftWords(open.next.workingDaysLeft)}` : "Nothing due"}
            </p>
            <p><ArrangementLines env={env} entry={open} /></p>
            {open.next && (
              <button type="button" class="primary" onClick={() => setBooking(true)}>
                {open.booking ? "Move or cancel the booking" : proposalOf(open) ? "See the answers to the times proposed" : "Book"}
              </button>
            )}
            <MinutesAndEarlyReview env={env} entry={open} onSaved={onSaved} />
            <ChildDetail entry={open} disputes={disputes.filter((d) => d.caseRef === open.child.ref)} today={env.today()} calendar={calendarFor(open.child.nation)} />
          </>
        )}
      </section>
    );
  }
  return (
    <section aria-labelledby="children-title" data-no-picture={filter !== "all" || sort !== "urgency" || shown > PAGE ? "" : undefined}>
      <h2 id="children-title" class="visually-hidden">Children</h2>
      <div class="row">
        <div style="flex:2;min-width:180px">
          <label for="caseload-search">Search by reference or name</label>
          <input id="caseload-search" type="search" value={query} onInput={(e) => (setQuery(e.currentTarget.value), setShown(PAGE))} />
        </div>
        {/* Wide enough for its longest choice: in a narrow pane it takes a line of its own rather than cut "Decisions or records to send" short. */}
        <div style="flex:1;min-width:15rem">
          <label for="caseload-filter">Show</label>
          <select id="caseload-filter" value={filter} onChange={(e) => (setFilter(e.currentTarget.value as Filter), setShown(PAGE))}>
            <option value="all">Everyone</option>
            <option value="overdue">Overdue</option>
            <option value="due-soon">Due soon</option>
            <option value="unbooked">Not booked</option>
            <option value="booked">Booked</option>
            <option value="booked-late">Booked late</option>
            <option value="records">Decisions or records to send</option>
            <option value="proposed">Times proposed, not confirmed</option>
          </select>
        </div>
        <div style="flex:1;min-width:120px">
          <label for="caseload-sort">Sort by</label>
          <select id="caseload-sort" value={sort} onChange={(e) => setSort(e.currentTarget.value as Sort)}>
            <option value="urgency">Overdue first</option>
            <option value="due">Due date</option>
            <option value="ref">Reference</option>
          </select>
        </div>
      </div>
      <p class="muted" aria-live="polite">
        {list.length} {list.length === 1 ? "child" : "children"}
      </p>
      <ul class="plain children">
        {list.slice(0, shown).map((e) => {
          const d = openDisputes.get(e.child.ref)?.length ?? 0;
          const rating = e.child.rag[e.child.rag.length - 1]?.rating ?? null;
          return (
            <li key={e.stored.id}>
              <button type="button" class="child card" onClick={() => setOpen(e)}>
                <span class="row">
                  <span class="ref">Ref {e.child.ref}</span>
                  <span>{e.child.childName}</span>
                  <StatusBadge status={e.status} />
                  <RagBadge rating={rating} />
                  {d > 0 && <span class="badge overdue">{d} open dispute{d === 1 ? "" : "s"}</span>}
                </span>
                <span class="muted">
                  {e.next ? `${meetingName(e.next.event, e.next.number)} due by ${dayAndDate(e.next.dueBy)}${e.booking ? ", booked" : ""}` : "Nothing due"}
                </span>
                {e.minutesDue.map((m) => <span key={`${m.track}${m.kind}`} class={`minutes ${m.late ? "overdue-text" : "muted"}`}>{minutesDueWords(m)}</span>)}
                <ArrangementLines env={env} entry={e} />
              </button>
            </li>
          );
        })}
      </ul>
      {list.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Show {Math.min(PAGE, list.length - shown)} more of {list.length - shown}
        </button>
      )}
      {list.length === 0 && <Notice kind="info">No children match.</Notice>}
    </section>
  );
}
