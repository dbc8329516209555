import { useEffect, useState } from "preact/hooks";
import { loadCaseload, type Caseload } from "../app/loadCaseload.js";
import type { PaneEnv } from "./env.js";
import { errorText } from "./Notice.js";

export type CaseloadState = { kind: "loading"; read: number } | { kind: "ready"; caseload: Caseload } | { kind: "failed"; message: string };

/**
 * The caseload for a pane: read page by page (the count so far is shown while reading), read again
 * on `reload()`, and abandoned when the pane goes away (an Outlook item change, a new page).
 */
export function useCaseload(env: PaneEnv): { state: CaseloadState; reload: () => void } {
  const [state, setState] = useState<CaseloadState>({ kind: "loading", read: 0 });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const abort = new AbortController();
    setState({ kind: "loading", read: 0 });
    loadCaseload({ cases: env.cases, calendar: env.calendar }, env.today(), env.settings, (read) => !abort.signal.aborted && setState({ kind: "loading", read }), abort.signal).then(
      (caseload) => !abort.signal.aborted && setState({ kind: "ready", caseload }),
      (error: unknown) => !abort.signal.aborted && setState({ kind: "failed", message: errorText(error) }),
    );
    return () => abort.abort();
  }, [env, round]);
  return { state, reload: () => setRound((n) => n + 1) };
}
