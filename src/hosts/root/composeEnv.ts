import { indexedDbCopy, sweepCopies } from "../../adapters/browser/indexedDbCopy.js";
import { londonClock } from "../../adapters/clock/londonClock.js";
import { GraphConnection } from "../../adapters/graph/graphClient.js";
import { GraphCaseStore } from "../../adapters/graph/graphCaseStore.js";
import { bookingsBetween } from "../../adapters/graph/graphEvents.js";
import { readMe } from "../../adapters/graph/graphMe.js";
import { readServiceSettingsItem } from "../../adapters/graph/graphServiceSettings.js";
import { expiringDrafts } from "../../app/expiringDrafts.js";
import { caseloadWindow } from "../../app/loadCaseload.js";
import { PaneData } from "../../app/paneData.js";
import { calendarThrough, casesThrough } from "../../app/paneDataPorts.js";
import { DEFAULT_SETTINGS } from "../../app/serviceSettings.js";
import { instant } from "../../domain/calendar/londonTime.js";
import type { HostItem } from "../../ports/Host.js";
import type { LocalCopy } from "../../ports/LocalCopy.js";
import type { PaneEnv } from "../../ui/env.js";
import type { HostAdapter } from "./hostAdapter.js";
import { copyNameFor, type HostConfig } from "./hostConfig.js";
import { onFirstUse } from "./onFirstUse.js";

/** A pane's environment before it is given what the user has open and the draw's AbortSignal. */
export type BaseEnv = Omit<PaneEnv, keyof HostItem | "signal">;

/**
 * The composition root: every surface's environment is built here, from the configuration and
 * the host adapter, and nowhere else. The Graph adapter is the one a tenant uses; only the base
 * URL and the token provider differ between a tenant and the sandbox.
 *
 * Opening a pane is no chain of requests: the configuration is in the page, the token is asked
 * for at once, beside this person's copy on the device (IndexedDB); with a copy the pane draws
 * from it before the network answers. Who is signed in (the host, or Graph's /me), the service's
 * settings, the register's changes (its delta link) and the chair's bookings are then asked for
 * together, in one $batch: one round trip. Before even the copy, the glance of the person's
 * children (localStorage) lets a picker draw at once. Without a copy the person's own entries come
 * in that first $batch and are drawn while the rest of the register arrives.
 */
export async function composeEnv(config: HostConfig, host: HostAdapter): Promise<BaseEnv> {
  const tokens = host.tokens(config);
  void tokens.getToken().catch(() => undefined);
  const graph = new GraphConnection({ baseUrl: config.graphBaseUrl, tokens });
  const together = graph.batching();
  const clock = host.clock ?? { today: londonClock.today, now: () => instant(Date.now()) };
  // This person's copy on this device, by name: none where the host cannot say who is signing in before asking the network.
  const ownCopy = host.account ? copyNameFor(config, host.account) : undefined;
  const register = { site: config.site, list: config.list };
  const settingsList = { site: config.site, list: config.settingsList };
  const paneData = new PaneData(
    {
      register: new GraphCaseStore(together, register),
      calendar: { bookingsBetween: (from, to, signal) => bookingsBetween(together, from, to, signal) },
      settings: { read: (signal) => readServiceSettingsItem(together, settingsList, signal) },
      me: host.user ?? ((signal) => readMe(together, signal)),
      signIn: host.account,
    },
    ownCopy && host.account ? localCopy(ownCopy, host.account) : null,
    caseloadWindow(clock.today()),
  );
  const { me, settings } = await paneData.ready;
  // Drafts left unsaved longer than the service allows are deleted from this device as any pane opens.
  const drafts = expiringDrafts(host.drafts, clock.now, settings.service.draftKeepDays);
  drafts.sweep();
  // What no pane needs for its first content is fetched on first use, or shortly after the pane
  // has drawn, whichever comes first: not in the first download.
  const adapters = () => import("./laterAdapters.js");
  const later = {
    calendar: onFirstUse(() => adapters().then((m) => new m.GraphCalendar(graph)), { freeBusy: true, createBooking: true, completeBooking: true, updateBooking: true, cancelBooking: true, bookingsForCase: true, bookingsBetween: true }),
    disputes: onFirstUse(() => adapters().then((m) => new m.GraphDisputeStore(graph, { site: config.site, list: config.disputesList })), { readDisputes: true, createDispute: true, updateDispute: true }),
    mail: onFirstUse(() => adapters().then((m) => new m.GraphMail(graph)), { send: true, draftReply: true, sendDraft: true, message: true, sentSince: true, recent: true }),
    meetingChats: onFirstUse(() => adapters().then((m) => new m.GraphMeetingChats(graph)), { joinUrl: true }),
    holds: onFirstUse(() => adapters().then((m) => new m.GraphHolds(graph)), { placeHold: true, holdsForCase: true, confirmHold: true, releaseHold: true }),
    reminders: onFirstUse(() => adapters().then((m) => new m.GraphReminders(graph)), { set: true, clear: true }),
    scheduledMail: onFirstUse(() => adapters().then((m) => new m.GraphScheduledMail(graph)), { schedule: true, unschedule: true }),
    serviceSettings: onFirstUse(() => adapters().then((m) => new m.GraphSettingsStore(graph, settingsList)), { read: true, save: true }),
    clipboard: host.clipboard ?? onFirstUse(() => adapters().then((m) => m.browserClipboard()), { copy: true }),
  };
  setTimeout(() => {
    // The later adapters, and the host's for the item it has open (writing into an Outlook appointment or email).
    for (const port of [...Object.values(later), ...Object.values(host.item())]) preload(port);
    // Other people's copies past their days unused go, once this pane has drawn.
    // (Not this person's own, which this pane is using and may be writing.)
    void sweepCopies(Date.now(), false, ownCopy).catch(() => undefined);
  }, 3_000);
  return {
    ...later,
    calendar: calendarThrough(paneData, later.calendar),
    cases: casesThrough(paneData, new GraphCaseStore(graph, register)),
    drafts,
    me,
    settings: settings.service,
    today: clock.today,
    now: clock.now,
    paneData,
    keepsPictures: host.showsPictures === true,
  };
}

/**
 * This person's copy on this device, named by copyNameFor: one per tenant, site, register and
 * person, so neither two people on one device nor two registers ever share one. None where the
 * browser has no IndexedDB.
 */
function localCopy(name: string, account: string): LocalCopy | null {
  return typeof indexedDB === "undefined" ? null : indexedDbCopy(name, DEFAULT_SETTINGS.localCopyDays, account);
}

/** Fetches a port's code now if it is one fetched on first use (onFirstUse). */
function preload(port: object | null): void {
  if (port && "preload" in port && typeof port.preload === "function") port.preload();
}

/** The environment for one draw: the base, what the host has open now, and the draw's signal. */
export function drawEnv(base: BaseEnv, item: HostItem, signal: AbortSignal): PaneEnv {
  return { ...base, ...item, signal };
}
