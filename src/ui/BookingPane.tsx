import { useEffect, useRef, useState } from "preact/hooks";
import type { CaseloadEntry } from "../app/loadCaseload.js";
import type { Glance } from "../ports/LocalCopy.js";
import { BookChildLater } from "./bookChildLater.js";
import { CasePicker } from "./CasePicker.js";
import type { PaneEnv } from "./env.js";
import { checkedWords, countOf, glanceWords } from "./format.js";
import { Notice } from "./Notice.js";
import { usePaneMarks } from "./paneMarks.js";
import { upToDate, useCaseload, type CaseloadState } from "./useCaseload.js";

/**
 * Book a child's next review or conference inside its statutory window: pick the child, check who
 * is invited, find the times everyone is free before the due-by date, and book (or, opened from an
 * appointment, fill it in).
 */
export function BookingPane({ env }: { env: PaneEnv }) {
  const [entry, setEntry] = useState<CaseloadEntry | null>(null);
  const pane = useRef<HTMLDivElement>(null);
  const { state, reload, glance } = useCaseload(env, { view: "book", pane });
  usePaneMarks(state.kind === "ready" || glance !== null, upToDate(state), state.kind === "failed");
  // Booking one child is fetched while the person looks at the list, so choosing one is instant.
  useEffect(() => void (state.kind === "ready" && BookChildLater.prefetch()), [state.kind]);
  // Set when "Back to the caseload" is pressed: the state that was showing, to wait for the one read afresh.
  const backFrom = useRef<typeof state | null>(null);
  useEffect(() => {
    if (state.kind === "ready") setEntry((chosen) => (chosen ? (state.caseload.entries.find((e) => e.stored.id === chosen.stored.id) ?? null) : null));
  }, [state]);
  // Back from a booking: the list again, with focus in its search box.
  useEffect(() => {
    if (!backFrom.current || backFrom.current === state || entry || state.kind !== "ready") return;
    backFrom.current = null;
    pane.current?.querySelector<HTMLElement>("#child-search")?.focus();
  });
  // Back from a booking the list starts afresh (an empty search), as the caseload read again.
  const [listRound, setListRound] = useState(0);
  const back = () => {
    backFrom.current = state;
    setEntry(null);
    setListRound((n) => n + 1);
    reload();
  };
  return (
    <div class="pane" ref={pane} data-no-picture={entry ? "" : undefined}>
      <h1>{env.appointment ? "Book into this appointment" : "Book a review or conference"}</h1>
      <p class="muted">Signed in as {env.me.name}</p>
      <div class="notes" data-picture-note>
        <LoadingNotices state={state} reload={reload} glance={glance} />
      </div>
      {(state.kind === "ready" || glance) && (
        <>
          <CasePicker key={listRound} entries={state.kind === "ready" ? state.caseload.entries : null} glance={glance?.rows} me={env.me.address} chosen={entry?.stored.id ?? null} onChoose={setEntry} />
          {entry && state.kind === "ready" && <BookChildLater key={entry.stored.id + entry.stored.version} env={env} entry={entry} caseload={state.caseload} onBooked={back} />}
        </>
      )}
    </div>
  );
}

/** What a pane shows while its caseload is read, when it is this device's copy being checked, when reading failed, and about entries it could not read. */
export function LoadingNotices({ state, reload, glance = null }: { state: CaseloadState; reload: () => void; glance?: Glance | null }) {
  if (state.kind === "loading" && glance) return <p class="muted" role="status">{glanceWords(glance.checkedAt)}</p>;
  if (state.kind === "loading") return <Notice kind="info">Reading the case register… {state.read > 0 ? `${countOf(state.read, "child", "children")} so far` : ""}</Notice>;
  if (state.kind === "failed") {
    return (
      <Notice kind="error">
        {state.message} <button type="button" onClick={reload}>Try again</button>
      </Notice>
    );
  }
  const asOf = state.checkedAt === null ? "" : ` from ${checkedWords(state.checkedAt)}`;
  return (
    <>
      {state.problem ? (
        <Notice kind="error">
          This could not be brought up to date with Microsoft 365: {state.problem} Shown: the copy on this device{asOf}. <button type="button" onClick={reload}>Try again</button>
        </Notice>
      ) : !state.complete && !state.ownFirst ? (
        <Notice kind="info">Reading the case register… {state.read} children so far; the first of them are shown.</Notice>
      ) : !state.complete && state.checkedAt === null ? (
        // A first open on this device: the person's own children came first.
        <Notice kind="info">Your children are shown; reading the rest of the case register… {countOf(state.read, "child", "children")} so far.</Notice>
      ) : (
        !state.current && <p class="muted" role="status">Shown: the copy on this device{asOf}. Checking for changes…</p>
      )}
      {state.caseload.unreadable.length > 0 && <Notice kind="info">{countOf(state.caseload.unreadable.length, "register entry", "register entries")} could not be read and {state.caseload.unreadable.length === 1 ? "is" : "are"} not shown.</Notice>}
    </>
  );
}
