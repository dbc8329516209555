import type { RefObject } from "preact";
import { useEffect, useMemo, useState } from "preact/hooks";
import { caseloadFrom, type Caseload, type WorkedOut } from "../app/loadCaseload.js";
import { itemKind } from "../ports/Host.js";
import type { Glance } from "../ports/LocalCopy.js";
import type { PaneEnv } from "./env.js";
import { glanceWords } from "./format.js";
import { errorText } from "./Notice.js";
import { pickerRows } from "./pickerRows.js";
import { pictureOf } from "./pictureOf.js";

export type CaseloadState =
  | { kind: "loading"; read: number }
  | {
      kind: "ready";
      caseload: Caseload;
      /** All of the register; false while a first read is still coming in (the first page is shown), or while only the person's own entries are read from the copy. */
      complete: boolean;
      /** Only the person's own entries so far, from this device's copy; the rest follow. */
      ownFirst: boolean;
      read: number;
      /** Up to date with Microsoft 365; false while this device's copy is shown and checked. */
      current: boolean;
      /** When what is shown was last checked with Microsoft 365. */
      checkedAt: number | null;
      /** Why it could not be brought up to date, in words. */
      problem: string | null;
    }
  | { kind: "failed"; message: string };

/**
 * The caseload for a pane, from the pane's data (PaneData): this device's copy at once, the first
 * page of the register when there is no copy, then up to date with Microsoft 365. Worked out again
 * only when the register or bookings change. `reload()` brings it up to date (one delta round trip).
 * `glance`: while it is read, the person's children as their picker last showed them today (this
 * device's), for a picker to draw at once; kept again each time the caseload is up to date, with a
 * picture of the pane (`picture`: its view and its element) when it gives one and is as it opens
 * (ui/pictureOf.ts), where the host shows one: what the task pane shows first next time (ui/keptPicture.ts).
 */
export function useCaseload(env: PaneEnv, picture?: { readonly view: string; readonly pane: RefObject<HTMLElement | null> }): { state: CaseloadState; reload: () => void; glance: Glance | null } {
  const data = env.paneData;
  const [view, setView] = useState(() => data.view());
  useEffect(() => {
    setView(data.view());
    return data.subscribe(setView);
  }, [data]);
  // What was worked out for each case stays while the day, the settings and the bookings do.
  const worked = useMemo<WorkedOut>(() => new WeakMap(), [view?.bookings, env.settings, env.today()]);
  const caseload = useMemo(
    () => (view && (view.complete || view.ownFirst || view.read > 0) ? caseloadFrom(view.cases, view.unreadable, view.bookings.filter((b) => !b.cancelled), env.today(), env.settings, worked) : null),
    [view?.cases, view?.unreadable, worked],
  );
  // One state object per view, so a pane can tell a new state from the one it saw.
  const state = useMemo((): CaseloadState => {
    const problem = view?.problem === null || view?.problem === undefined ? null : errorText(view.problem);
    if (caseload && view) return { kind: "ready", caseload, complete: view.complete, ownFirst: view.ownFirst, read: view.read, current: view.current, checkedAt: view.checkedAt, problem };
    return problem ? { kind: "failed", message: problem } : { kind: "loading", read: view?.read ?? 0 };
  }, [view, caseload]);
  useEffect(() => {
    if (state.kind !== "ready" || !state.complete || !state.current) return;
    const drawn = picture && env.keepsPictures && state.checkedAt !== null ? pictureOf(picture.pane.current, { view: picture.view, item: itemKind(env) }, glanceWords(state.checkedAt), env.today()) : null;
    data.keepGlance(env.today(), pickerRows(state.caseload.entries, env.me.address, ""), drawn ?? undefined);
  }, [state]);
  return { state, reload: () => void data.refresh(), glance: state.kind === "loading" ? data.glance(env.today()) : null };
}

/** The whole register, up to date with Microsoft 365 (a pane's "iro:current"). */
export function upToDate(state: CaseloadState): boolean {
  return state.kind === "ready" && state.complete && state.current;
}
