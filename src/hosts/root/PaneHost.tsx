import type { ComponentType } from "preact";
import { useEffect, useLayoutEffect, useMemo, useState } from "preact/hooks";
import type { Deletion } from "../../ports/LocalCopy.js";
import type { PaneEnv } from "../../ui/env.js";
import { copyDeletionWords } from "../../ui/format.js";
import { livePaneShown } from "../../ui/keptPicture.js";
import { errorText, Notice } from "../../ui/Notice.js";
import { composeEnv, drawEnv, type BaseEnv } from "./composeEnv.js";
import type { HostAdapter } from "./hostAdapter.js";
import type { HostConfig } from "./hostConfig.js";
import { chooseView, loadedView, loadView, preloadView, type View } from "./view.js";

interface Props {
  readonly config: HostConfig;
  readonly host: HostAdapter;
  /** The views this surface offers, in the order of its tabs. */
  readonly views: readonly View[];
  /** The view asked for (a ribbon button's ?view=); otherwise the one that opens for the item. */
  readonly asked?: string | null;
  /** Views offered as tabs, where this user may open them (the extension's side panel, Outlook's caseload). */
  readonly tabs?: readonly View[];
}

/**
 * Every IRO Desk pane, on every surface: builds the environment once (composeEnv), then draws the
 * chosen view with an environment for this draw. When the host's item changes (a pinned Outlook
 * pane moving to another email) or the user picks another view, the draw's AbortSignal is aborted,
 * so everything the old view started stops, and the view is drawn afresh.
 */
export function PaneHost({ config, host, views, asked = null, tabs = [] }: Props) {
  const [base, setBase] = useState<BaseEnv | { failed: string } | null>(null);
  const [round, setRound] = useState(0);
  const [signedOut, setSignedOut] = useState<Deletion | null>(null);
  // Started as the pane is put on the page, not after the browser has painted "Loading IRO Desk…".
  useLayoutEffect(() => {
    const abort = new AbortController();
    let unsubscribe = () => {};
    setBase(null);
    composeEnv(config, host).then(
      (env) => {
        if (abort.signal.aborted) return;
        setBase(env);
        // The copy's name or settings were not Microsoft 365's: the views are drawn again with these.
        unsubscribe = env.paneData.onSettings(() => setBase({ ...env, me: env.paneData.me, settings: env.paneData.settings.service }));
      },
      (error: unknown) => !abort.signal.aborted && setBase({ failed: errorText(error) }),
    );
    return () => (abort.abort(), unsubscribe());
  }, [config, host, round]);

  // The view's code is fetched while the environment is built, not after it.
  useEffect(() => {
    const likely = views.find((v) => v.id === asked) ?? views.find((v) => v.opensFor?.(host.item())) ?? views[0];
    preloadView(likely);
  }, [views, asked, host]);

  const [generation, setGeneration] = useState(0);
  useEffect(() => host.onItemChanged?.(() => setGeneration((g) => g + 1)), [host]);
  const [wanted, setWanted] = useState(asked);
  useEffect(() => setWanted(asked), [asked]);

  const view = base !== null && !("failed" in base) ? chooseView(views, wanted, host.item(), base) : null;
  // A pane that cannot draw its view says why at once, not behind a kept picture of it.
  useLayoutEffect(() => void ((signedOut || (base !== null && ("failed" in base || !view))) && livePaneShown()));

  if (signedOut) return <Notice kind={signedOut === "deleted" ? "success" : "info"}>Signed out of IRO Desk on this device. {copyDeletionWords(signedOut)} Open IRO Desk again to sign in.</Notice>;
  if (base === null) return <p class="pane">Loading IRO Desk…</p>;
  if ("failed" in base) {
    return (
      <div class="pane">
        <Notice kind="error">
          {base.failed} <button type="button" onClick={() => setRound((n) => n + 1)}>Try again</button>
        </Notice>
      </div>
    );
  }
  if (!view) return <Notice kind="info">{views.map((v) => v.label).join(", ")}: only for the IRO service's managers (the service's settings list them).</Notice>;
  const offered = tabs.filter((v) => v.allowed?.(base) ?? true);
  return (
    <>
      {offered.length > 1 && (
        <nav aria-label="IRO Desk" class="tabs">
          {offered.map((v) => (
            <button key={v.id} type="button" aria-pressed={v.id === view.id} onClick={() => setWanted(v.id)}>
              {v.label}
            </button>
          ))}
        </nav>
      )}
      <Draw key={`${view.id}/${generation}`} base={base} host={host} view={view} />
      <LocalCopyNote base={base} onSignedOut={setSignedOut} />
    </>
  );
}

/** One draw of one view: its own AbortSignal, aborted when the draw is replaced or the page goes. */
function Draw({ base, host, view }: { base: BaseEnv; host: HostAdapter; view: View }) {
  const draw = useMemo(() => {
    const abort = new AbortController();
    return { abort, env: drawEnv(base, host.item(), abort.signal) };
  }, [base, host, view]);
  useEffect(() => () => draw.abort.abort(), [draw]);
  // A view whose code is already here is drawn in this render, not after a round of "Loading…".
  const [Pane, setPane] = useState<ComponentType<{ env: PaneEnv }> | { failed: string } | null>(() => loadedView(view) ?? null);
  // Before the browser paints "Loading…": a view whose code arrives meanwhile is drawn without waiting for a frame.
  useLayoutEffect(() => {
    if (Pane !== null && !("failed" in Pane)) return;
    loadView(view).then(
      (component) => !draw.abort.signal.aborted && setPane(() => component),
      (error: unknown) => !draw.abort.signal.aborted && setPane({ failed: errorText(error) }),
    );
  }, [draw]);
  // The view's code failed: the picture goes in this commit. (A view drawn takes it away itself, when
  // it shows its data or why it cannot: usePaneMarks.)
  useLayoutEffect(() => void (Pane !== null && "failed" in Pane && livePaneShown()), [Pane]);
  if (Pane === null) return <p class="pane">Loading…</p>;
  if ("failed" in Pane) return <Notice kind="error">{Pane.failed}</Notice>;
  return <Pane env={draw.env} />;
}

/** What is kept on this device, and the way to delete it (signing out of IRO Desk here). */
function LocalCopyNote({ base, onSignedOut }: { base: BaseEnv; onSignedOut: (deletion: Deletion) => void }) {
  const [failed, setFailed] = useState(false);
  const days = base.settings.localCopyDays;
  if (days === 0) return null;
  return (
    <div class="pane">
      <p class="muted">
        A copy of your caseload is kept on this device so IRO Desk opens at once; it is deleted after {days} days unused.{" "}
        <button type="button" onClick={() => void base.paneData.forget().then(onSignedOut, () => setFailed(true))}>Sign out of IRO Desk on this device</button>
      </p>
      {failed && <Notice kind="error">The browser could not delete the copy of your caseload on this device, so you are still signed in here. Try again, or clear this site's data in the browser's settings.</Notice>}
    </div>
  );
}
