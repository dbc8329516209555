import type { ComponentType } from "preact";
import { useEffect, useState } from "preact/hooks";
import { errorText, Notice } from "./Notice.js";

/**
 * A component whose code is fetched when it is first drawn (or earlier, with `prefetch`), so a
 * pane's first download holds only what its first content needs. Until then it says "Loading…".
 */
export function later<P extends object>(load: () => Promise<ComponentType<P>>): ComponentType<P> & { prefetch(): void } {
  let loading: Promise<ComponentType<P>> | undefined;
  let loaded: ComponentType<P> | undefined;
  const fetch = () => (loading ??= load().then((c) => (loaded = c)));
  function Later(props: P) {
    const [component, setComponent] = useState<ComponentType<P> | { failed: string } | undefined>(() => loaded);
    useEffect(() => {
      if (component) return;
      let live = true;
      fetch().then(
        (c) => live && setComponent(() => c),
        (error: unknown) => live && setComponent({ failed: errorText(error) }),
      );
      return () => void (live = false);
    }, []);
    if (!component) return <p class="muted">Loading…</p>;
    if ("failed" in component) return <Notice kind="error">{component.failed}</Notice>;
    const Component = component;
    return <Component {...props} />;
  }
  return Object.assign(Later, { prefetch: () => void fetch().catch(() => undefined) });
}
