/** A port whose every method answers with a promise (so a call can wait for the adapter's code). */
type AsyncPort<T> = { readonly [K in keyof T]: T[K] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never };

/**
 * A port whose adapter's code is fetched when the port is first used (or `preload` is called), not
 * in the pane's first download: sending mail, holding times, reminders, disputes are never needed
 * to show the first content. `methods` names every method of the port (tsc refuses the list when a
 * method is missing), so the port handed to the panes is a plain object, not a proxy. A fetch that
 * fails (offline) is tried again on the next call.
 */
export function onFirstUse<T extends AsyncPort<T>>(load: () => Promise<T>, methods: { readonly [K in keyof T]-?: true }): T & { preload(): void } {
  let adapter: Promise<T> | null = null;
  const loaded = () => (adapter ??= load().catch((error: unknown) => ((adapter = null), Promise.reject(error))));
  const port: Record<string, unknown> = { preload: () => void loaded().catch(() => undefined) };
  for (const name of Object.keys(methods)) {
    port[name] = (...args: unknown[]) => loaded().then((a) => (a as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>)[name]!(...args));
  }
  return port as T & { preload(): void };
}
