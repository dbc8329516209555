import type { ServiceSettings } from "../app/serviceSettings.js";
import type { IsoDate } from "../domain/calendar/isoDate.js";
import type { Instant } from "../domain/calendar/londonTime.js";
import type { Calendar } from "../ports/Calendar.js";
import type { CaseStore } from "../ports/CaseStore.js";
import type { DisputeStore } from "../ports/DisputeStore.js";
import type { AppointmentForm } from "../ports/Host.js";

/** Everything a pane needs from its host: the ports, who is signed in, the clock and the service's settings. */
export interface PaneEnv {
  readonly calendar: Calendar;
  readonly cases: CaseStore;
  readonly disputes: DisputeStore;
  readonly appointment: AppointmentForm | null;
  readonly me: { readonly address: string; readonly name: string };
  readonly settings: ServiceSettings;
  readonly today: () => IsoDate;
  readonly now: () => Instant;
}
