import type { ServiceSettings } from "../app/serviceSettings.js";
import type { IsoDate } from "../domain/calendar/isoDate.js";
import type { Instant } from "../domain/calendar/londonTime.js";
import type { Calendar } from "../ports/Calendar.js";
import type { CaseStore } from "../ports/CaseStore.js";
import type { DisputeStore } from "../ports/DisputeStore.js";
import type { AppointmentForm, ComposeForm, OpenMessage } from "../ports/Host.js";
import type { SettingsStore } from "../ports/SettingsStore.js";

/** Everything a pane needs from its host: the ports, who is signed in, the clock and the service's settings. */
export interface PaneEnv {
  readonly calendar: Calendar;
  readonly cases: CaseStore;
  readonly disputes: DisputeStore;
  readonly appointment: AppointmentForm | null;
  /** The email being written, when the pane was opened from one. */
  readonly compose?: ComposeForm | null;
  /** The email being read, when the pane was opened from one. */
  readonly message?: OpenMessage | null;
  readonly serviceSettings?: SettingsStore;
  readonly me: { readonly address: string; readonly name: string };
  readonly settings: ServiceSettings;
  readonly today: () => IsoDate;
  readonly now: () => Instant;
}
