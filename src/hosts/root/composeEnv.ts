import { browserClipboard } from "../../adapters/browser/browserClipboard.js";
import { londonClock } from "../../adapters/clock/londonClock.js";
import { GraphCalendar } from "../../adapters/graph/graphCalendar.js";
import { GraphConnection } from "../../adapters/graph/graphClient.js";
import { GraphCaseStore } from "../../adapters/graph/graphCaseStore.js";
import { GraphDisputeStore } from "../../adapters/graph/graphDisputeStore.js";
import { GraphHolds } from "../../adapters/graph/graphHolds.js";
import { GraphMail } from "../../adapters/graph/graphMail.js";
import { GraphMeetingChats } from "../../adapters/graph/graphMeetingChats.js";
import { GraphReminders } from "../../adapters/graph/graphReminders.js";
import { GraphScheduledMail } from "../../adapters/graph/graphScheduledMail.js";
import { readMe } from "../../adapters/graph/graphMe.js";
import { GraphSettingsStore } from "../../adapters/graph/graphSettingsStore.js";
import { instant } from "../../domain/calendar/londonTime.js";
import { expiringDrafts } from "../../app/expiringDrafts.js";
import type { HostItem } from "../../ports/Host.js";
import type { PaneEnv } from "../../ui/env.js";
import type { HostAdapter } from "./hostAdapter.js";
import type { HostConfig } from "./hostConfig.js";

/** A pane's environment before it is given what the user has open and the draw's AbortSignal. */
export type BaseEnv = Omit<PaneEnv, keyof HostItem | "signal">;

/**
 * The composition root: every surface's environment is built here, from the configuration and
 * the host adapter, and nowhere else. The Graph adapter is the one a tenant uses; only the base
 * URL and the token provider differ between a tenant and the sandbox. The signed-in user comes
 * from the host or Graph's /me, the service's settings from its own site, and both are asked for
 * together so opening a pane costs one round trip, not two.
 */
export async function composeEnv(config: HostConfig, host: HostAdapter, signal?: AbortSignal): Promise<BaseEnv> {
  const graph = new GraphConnection({ baseUrl: config.graphBaseUrl, tokens: host.tokens(config) });
  const serviceSettings = new GraphSettingsStore(graph, { site: config.site, list: config.settingsList });
  const [me, settings] = await Promise.all([host.user ? Promise.resolve(host.user) : readMe(graph, signal), serviceSettings.read(signal).then((s) => s.service)]);
  const clock = host.clock ?? { today: londonClock.today, now: () => instant(Date.now()) };
  // Drafts left unsaved longer than the service allows are deleted from this device as any pane opens.
  const drafts = expiringDrafts(host.drafts, clock.now, settings.draftKeepDays);
  drafts.sweep();
  return {
    calendar: new GraphCalendar(graph),
    cases: new GraphCaseStore(graph, { site: config.site, list: config.list }),
    disputes: new GraphDisputeStore(graph, { site: config.site, list: config.disputesList }),
    mail: new GraphMail(graph),
    meetingChats: new GraphMeetingChats(graph),
    holds: new GraphHolds(graph),
    reminders: new GraphReminders(graph),
    scheduledMail: new GraphScheduledMail(graph),
    serviceSettings,
    drafts,
    clipboard: host.clipboard ?? browserClipboard(),
    me,
    settings,
    today: clock.today,
    now: clock.now,
  };
}

/** The environment for one draw: the base, what the host has open now, and the draw's signal. */
export function drawEnv(base: BaseEnv, item: HostItem, signal: AbortSignal): PaneEnv {
  return { ...base, ...item, signal };
}
