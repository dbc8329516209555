import type { HolidayDivision } from "../domain/calendar/nation.js";
import type { HolidayAdjustments } from "../domain/calendar/workingCalendar.js";
import type { IcpcAnchor } from "../domain/timescales/assessTimescale.js";

/** The local choices a service makes; everything has the default domain.md gives. */
export interface ServiceSettings {
  /** A case is "due soon" when its next event is due within this many working days. */
  readonly dueSoonWorkingDays: number;
  readonly icpcAnchor: IcpcAnchor;
  /** Bank holidays announced after this release, or moved, per jurisdiction. */
  readonly holidays: Readonly<Partial<Record<HolidayDivision, HolidayAdjustments>>>;
}

export const DEFAULT_SETTINGS: ServiceSettings = {
  dueSoonWorkingDays: 10,
  icpcAnchor: "last-strategy-discussion",
  holidays: {},
};
