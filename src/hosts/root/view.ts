import type { ComponentType } from "preact";
import type { HostItem } from "../../ports/Host.js";
import type { PaneEnv } from "../../ui/env.js";
import type { BaseEnv } from "./composeEnv.js";

/**
 * A view a host can show: one file per view in src/hosts/views/, registered by the host entries
 * that offer it, so a new view is a new file and a line in a host's list, not an if-chain.
 */
export interface View {
  readonly id: ViewId;
  /** Its name on a tab or button. */
  readonly label: string;
  /** The view to open when the host opens the pane on this item without naming a view. */
  readonly opensFor?: (item: HostItem) => boolean;
  /** Who may open it (the managers' view: the service's managers). */
  readonly allowed?: (env: BaseEnv) => boolean;
  /** The pane, loaded when the view is first drawn (only the first view is in a page's first download). */
  load(): Promise<ComponentType<{ env: PaneEnv }>>;
  /** Its pane's module name ("BookingPane"): the build lists that module's chunks in the page, for preloadView. */
  readonly pane: string;
}

/** The views whose code has arrived (loadView). */
const LOADED = new WeakMap<View, ComponentType<{ env: PaneEnv }>>();

/** A view's pane, loading its code the first time; noted, so a draw after it has arrived needs no round of "Loading…". */
export function loadView(view: View): Promise<ComponentType<{ env: PaneEnv }>> {
  return view.load().then((pane) => (LOADED.set(view, pane), pane));
}

/** A view's pane if its code has arrived. */
export function loadedView(view: View): ComponentType<{ env: PaneEnv }> | undefined {
  return LOADED.get(view);
}

/**
 * Starts fetching a view's code and every chunk it imports at once (modulepreload), rather than
 * the view's chunk first and what it imports after (the build writes each view's chunks into the
 * page, #iro-desk-chunks), and loads it. Called before the host is ready, for the view the page
 * will draw, so it is here when the environment is.
 */
export function preloadView(view: View | undefined): void {
  if (!view) return;
  void loadView(view).catch(() => undefined);
  const block = typeof document === "undefined" ? null : document.getElementById("iro-desk-chunks");
  if (!block?.textContent) return;
  const chunks = (JSON.parse(block.textContent) as Record<string, readonly string[]>)[view.pane] ?? [];
  for (const href of chunks) {
    if (document.querySelector(`link[rel="modulepreload"][href="${href}"]`)) continue;
    const link = document.createElement("link");
    link.rel = "modulepreload";
    link.href = href;
    document.head.append(link);
  }
}

export type ViewId = "book" | "templates" | "dispute" | "caseload" | "manager" | "checklist";

/**
 * The view to draw: the one asked for (a ribbon button's ?view=, a tab the user chose) when this
 * user may see it, else the first that opens for the item, else the first this user may see; null
 * when this user may see none of them.
 */
export function chooseView(views: readonly View[], asked: string | null, item: HostItem, env: BaseEnv): View | null {
  const mayOpen = views.filter((v) => v.allowed?.(env) ?? true);
  return mayOpen.find((v) => v.id === asked) ?? mayOpen.find((v) => v.opensFor?.(item)) ?? mayOpen[0] ?? null;
}
