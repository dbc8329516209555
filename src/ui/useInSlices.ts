import { useEffect, useState } from "preact/hooks";

/** How long one slice of work may run before the page gets the main thread back (a long task is over 50 ms; a frame is 16 ms). */
const SLICE_MS = 16;

/**
 * Runs `each` over `items` a slice at a time, handing the main thread back between slices, so a
 * pane can draw at once and stay responsive while it works through 50,000 children. Returns how
 * many are done (items.length when finished); starts again from 0 when `items` or `each` changes
 * (and says 0 at once then, never the count of the run before).
 */
export function useInSlices<T>(items: readonly T[], each: (item: T) => void): number {
  const [progress, setProgress] = useState<{ readonly items: readonly T[]; readonly each: (item: T) => void; readonly done: number } | null>(null);
  useEffect(() => {
    let next = 0;
    let stopped = false;
    const channel = new MessageChannel();
    const slice = () => {
      if (stopped) return;
      const until = performance.now() + SLICE_MS;
      while (next < items.length && performance.now() < until) each(items[next++]!);
      setProgress({ items, each, done: next });
      if (next < items.length) channel.port2.postMessage(null);
    };
    // A message, not setTimeout: browsers hold repeated timeouts back by 4 ms or more.
    channel.port1.onmessage = slice;
    channel.port2.postMessage(null);
    return () => {
      stopped = true;
      channel.port1.close();
    };
  }, [items, each]);
  return progress?.items === items && progress.each === each ? progress.done : 0;
}
