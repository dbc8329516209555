import type { PaneData } from "../app/paneData.js";
import type { ServiceSettings } from "../app/serviceSettings.js";
import type { IsoDate } from "../domain/calendar/isoDate.js";
import type { Instant } from "../domain/calendar/londonTime.js";
import type { Calendar } from "../ports/Calendar.js";
import type { CaseStore } from "../ports/CaseStore.js";
import type { Clipboard } from "../ports/Clipboard.js";
import type { DisputeStore } from "../ports/DisputeStore.js";
import type { DraftStore } from "../ports/DraftStore.js";
import type { HoldCalendar } from "../ports/Holds.js";
import type { HostItem } from "../ports/Host.js";
import type { Mail } from "../ports/Mail.js";
import type { MeetingChats } from "../ports/MeetingChats.js";
import type { Reminders } from "../ports/Reminders.js";
import type { ScheduledMail } from "../ports/ScheduledMail.js";
import type { SettingsStore } from "../ports/SettingsStore.js";

/**
 * Everything a pane needs, built by the composition root (src/hosts/root/composeEnv.ts) for every
 * surface alike: the ports, who is signed in, the clock, the service's settings and what the user
 * has open in the host (the HostItem fields: an appointment, an email, a meeting, or none).
 */
export interface PaneEnv extends HostItem {
  readonly calendar: Calendar;
  readonly cases: CaseStore;
  readonly disputes: DisputeStore;
  readonly mail: Mail;
  readonly meetingChats: MeetingChats;
  /** Proposed times held in the user's calendar, reminders in it, and email Exchange sends later. */
  readonly holds: HoldCalendar;
  readonly reminders: Reminders;
  readonly scheduledMail: ScheduledMail;
  readonly serviceSettings: SettingsStore;
  readonly drafts: DraftStore;
  readonly clipboard: Clipboard;
  readonly me: { readonly address: string; readonly name: string };
  readonly settings: ServiceSettings;
  readonly today: () => IsoDate;
  readonly now: () => Instant;
  /** Aborted when this draw ends: the Outlook item changes, the view is left, or the page goes. */
  readonly signal: AbortSignal;
  /** The register and the chair's bookings: this device's copy at once, then up to date with Microsoft 365. */
  readonly paneData: PaneData;
  /** Panes keep a picture of themselves for the next open (only where the host's page shows it: ui/keptPicture.ts). */
  readonly keepsPictures?: boolean;
}

/** Whether the signed-in person is one of the service's managers (who see the whole service and its settings). */
export function isManager(env: Pick<PaneEnv, "me" | "settings">): boolean {
  const me = env.me.address.toLowerCase();
  return env.settings.managers.some((m) => m.toLowerCase() === me);
}
