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
  /** Children's names in calendar subjects: off unless the service turns it on. */
  readonly showChildNames: boolean;
  /** The marking on emails and invites (Government Security Classifications). */
  readonly classification: string;
  /** The service's feedback questionnaire, linked (and as a QR code) in invites and records. */
  readonly feedbackUrl: string | null;
  /** The most reviews or conferences one chair should hold in a day. */
  readonly maxReviewsPerDay: number;
  readonly meetingMinutes: number;
}

export const DEFAULT_SETTINGS: ServiceSettings = {
  dueSoonWorkingDays: 10,
  icpcAnchor: "last-strategy-discussion",
  holidays: {},
  showChildNames: false,
  classification: "OFFICIAL-SENSITIVE",
  feedbackUrl: null,
  maxReviewsPerDay: 3,
  meetingMinutes: 90,
};
