import { localDrafts } from "../../adapters/browser/localDrafts.js";
import { parseIsoDate, type IsoDate } from "../../domain/calendar/isoDate.js";
import { instant } from "../../domain/calendar/londonTime.js";
import { londonClock } from "../../adapters/clock/londonClock.js";
import { PortError } from "../../ports/errors.js";
import { NO_ITEM, type HostItem } from "../../ports/Host.js";
import type { HostAdapter } from "../root/hostAdapter.js";
import { tokensFor } from "../root/tokensFor.js";

/** A preview's host adapter, with a way for the stand-in to say its item changed (as Outlook's ItemChanged does). */
export interface PreviewHost extends HostAdapter {
  itemChanged(): void;
}

/**
 * The host adapter of a sandbox preview: the only part of a preview that differs from Outlook,
 * Teams or the extension. It signs in to the sandbox as the chosen demo user and, like the
 * extension, leaves it to Graph's /me to say who that is; its item is the preview's stand-in
 * (an appointment form, a compose box, an inbox, a meeting). ?today=YYYY-MM-DD and ?now=ISO pin
 * the clock for tests and screenshots.
 */
export function previewHost(upn: string, item: () => HostItem = () => NO_ITEM, params = new URLSearchParams(location.search)): PreviewHost {
  const listeners = new Set<() => void>();
  const pinnedToday = parseIsoDate(params.get("today") ?? "");
  const pinnedNow = params.get("now") ? Date.parse(params.get("now")!) : Number.NaN;
  return {
    user: null,
    account: upn,
    tokens: (config) =>
      tokensFor(config, upn, () => {
        throw new PortError("The previews run on the sandbox only: build IRO Desk without IRO_DESK_CLIENT_ID to use them.", false);
      }),
    item,
    onItemChanged(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    itemChanged: () => listeners.forEach((l) => l()),
    drafts: localDrafts(`iro-desk-preview:${upn.toLowerCase()}:`),
    clock: {
      today: (): IsoDate => pinnedToday ?? londonClock.today(),
      now: () => instant(Number.isNaN(pinnedNow) ? Date.now() : pinnedNow),
    },
  };
}
