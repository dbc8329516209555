import type { HolidayDivision } from "../domain/calendar/nation.js";
import type { HolidayAdjustments } from "../domain/calendar/workingCalendar.js";
import type { IcpcAnchor } from "../domain/timescales/assessTimescale.js";
import type { CountRule } from "../domain/caseload/iroLoad.js";
import type { StaffMember } from "../domain/caseload/staffMember.js";
import { workingDays } from "../domain/calendar/workingCalendar.js";
import type { MinimumNotice } from "../domain/scheduling/minimumNotice.js";
import { COMMON_LOCAL_TIMESCALES, type RecordDeadlines } from "../domain/timescales/localTimescales.js";
import type { StatutoryEvent } from "../domain/timescales/ruleSets.js";
import type { AttendeeListPolicy } from "../domain/scheduling/attendeeList.js";
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from "./report/reportSettings.js";

/** The local choices a service makes; everything has the default domain.md gives. */
export interface ServiceSettings extends ReportSettings {
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
  /** The IROs and CP chairs, with their FTE (the caseload band scales with it). */
  readonly staff: readonly StaffMember[];
  /** Who sees the whole service (managers' view): user principal names. */
  readonly managers: readonly string[];
  /** A child on both LAC and CP counts once (the default) or once for each. */
  readonly countRule: CountRule;
  /** The service's own agenda for a meeting type, in place of IRO Desk's (checklists/agendas.ts). */
  readonly agendas: Readonly<Partial<Record<StatutoryEvent, readonly string[]>>>;
  /** Working days after the request for an early review (reg. 33(3)/32(2)) by which it is due. */
  readonly earlyReviewWorkingDays: number;
  /** Working days after the birth within which a pre-birth plan's first review conference falls, if sooner than 3 months. */
  readonly preBirthReviewWorkingDays: number;
  /** Working days after the other authority's notice by which a transfer-in conference is due. */
  readonly transferInWorkingDays: number;
  /** Working days after each meeting by which its decisions and full record go out. */
  readonly recordDeadlines: RecordDeadlines;
  /** Whether invitees see each other: hidden whenever anyone outside the council is invited, by default. */
  readonly attendeeList: AttendeeListPolicy;
  /** Days an unsaved draft (a checklist, a rating awaiting its email) stays on a device untouched before it is deleted. */
  readonly draftKeepDays: number;
  /** Working days' notice before the earliest time offered: more when family, carers or partners are invited. */
  readonly minimumNotice: MinimumNotice;
  /** Working days proposed times stay held in the calendars before they expire (local practice). */
  readonly holdWorkingDays: number;
  /** Working days before a meeting that its consultation request (forms for the child, parents, carers) goes out. */
  readonly consultationWorkingDays: number;
  /**
   * Days a person's copy of their caseload may stay on a device unused before it is deleted (the
   * panes keep one so they open at once); 0 keeps none. Children's data on council devices: keep it short.
   */
  readonly localCopyDays: number;
}

export const DEFAULT_SETTINGS: ServiceSettings = {
  dueSoonWorkingDays: 10,
  icpcAnchor: "s47-strategy-discussion",
  holidays: {},
  showChildNames: false,
  classification: "OFFICIAL-SENSITIVE",
  feedbackUrl: null,
  maxReviewsPerDay: 3,
  meetingMinutes: 90,
  staff: [],
  managers: [],
  countRule: "child-once",
  agendas: {},
  earlyReviewWorkingDays: COMMON_LOCAL_TIMESCALES.earlyReviewWorkingDays,
  preBirthReviewWorkingDays: COMMON_LOCAL_TIMESCALES.preBirthReviewWorkingDays,
  transferInWorkingDays: COMMON_LOCAL_TIMESCALES.transferInWorkingDays,
  recordDeadlines: COMMON_LOCAL_TIMESCALES.records,
  attendeeList: "hidden-when-outside",
  draftKeepDays: 14,
  minimumNotice: { familyOrPartners: workingDays(5), staffOnly: workingDays(1) },
  holdWorkingDays: 3,
  consultationWorkingDays: 10,
  localCopyDays: 14,
  ...DEFAULT_REPORT_SETTINGS,
};
