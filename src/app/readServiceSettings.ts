import { parseIsoDate, type IsoDate } from "../domain/calendar/isoDate.js";
import type { HolidayDivision } from "../domain/calendar/nation.js";
import type { HolidayAdjustments } from "../domain/calendar/workingCalendar.js";
import type { StaffMember } from "../domain/caseload/staffMember.js";
import { ICPC_ANCHORS } from "../domain/timescales/assessTimescale.js";
import { STATUTORY_EVENTS } from "../domain/timescales/ruleSets.js";
import { ATTENDEE_LIST_POLICIES } from "../domain/scheduling/attendeeList.js";
import { readReportSettings } from "./report/reportSettings.js";
import { readSettingFlag } from "./readSettingFlag.js";
import { DEFAULT_SETTINGS, type ServiceSettings } from "./serviceSettings.js";

const DIVISIONS: readonly HolidayDivision[] = ["england-and-wales", "scotland", "northern-ireland"];

/**
 * A part of the settings item as stored (JSON text, or absent where the service kept IRO Desk's
 * default), parsed; a part that is not JSON text is named in `errors`.
 */
export function parseSettingsPart(part: string, text: unknown, errors: string[]): unknown {
  if (text === undefined || text === null || text === "") return undefined;
  if (typeof text !== "string") {
    errors.push(`${part}: not JSON text`);
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    errors.push(`${part}: not readable JSON`);
    return undefined;
  }
}

/** The service settings part of the settings item, as stored, checked: every problem named with the part it is in. */
export function readServiceSettingsPart(text: unknown): { settings: ServiceSettings; errors: string[] } {
  const errors: string[] = [];
  const service = readServiceSettings(parseSettingsPart("the service settings", text, errors));
  return { settings: service.settings, errors: [...errors, ...service.errors.map((e) => `the service settings: ${e}`)] };
}

/**
 * Service settings from JSON, over the defaults. Every problem is named; settings with problems
 * are not used at all (a half-read setting would give wrong deadlines without saying so).
 */
export function readServiceSettings(raw: unknown): { settings: ServiceSettings; errors: string[] } {
  if (raw === undefined || raw === null) return { settings: DEFAULT_SETTINGS, errors: [] };
  if (typeof raw !== "object" || Array.isArray(raw)) return { settings: DEFAULT_SETTINGS, errors: ["settings should be an object"] };
  const input = raw as Record<string, unknown>;
  const errors: string[] = [];
  const known = ["dueSoonWorkingDays", "icpcAnchor", "holidays", "showChildNames", "classification", "feedbackUrl", "maxReviewsPerDay", "meetingMinutes", "staff", "managers", "countRule", "agendas", "earlyReviewWorkingDays", "preBirthReviewWorkingDays", "transferInWorkingDays", "recordDeadlines", "attendeeList", "draftKeepDays", "minimumNotice", "suppressSmallNumbers", "comparators", "holdWorkingDays", "consultationWorkingDays", "localCopyDays"];
  for (const key of Object.keys(input)) if (!known.includes(key)) errors.push(`settings.${key} is not a setting (known: ${known.join(", ")})`);

  let dueSoonWorkingDays = DEFAULT_SETTINGS.dueSoonWorkingDays;
  if (input.dueSoonWorkingDays !== undefined) {
    const n = input.dueSoonWorkingDays;
    if (typeof n === "number" && Number.isInteger(n) && n >= 0 && n <= 260) dueSoonWorkingDays = n;
    else errors.push("settings.dueSoonWorkingDays should be a whole number of working days from 0 to 260");
  }
  let icpcAnchor = DEFAULT_SETTINGS.icpcAnchor;
  if (input.icpcAnchor !== undefined) {
    const anchor = ICPC_ANCHORS.find((a) => a === input.icpcAnchor);
    if (anchor) icpcAnchor = anchor;
    else errors.push(`settings.icpcAnchor should be one of ${ICPC_ANCHORS.join(", ")}`);
  }
  const holidays: Partial<Record<HolidayDivision, HolidayAdjustments>> = {};
  if (input.holidays !== undefined) {
    const byDivision = input.holidays;
    if (typeof byDivision !== "object" || byDivision === null || Array.isArray(byDivision)) {
      errors.push(`settings.holidays should map ${DIVISIONS.join(", ")} to { "add": [dates], "remove": [dates] }`);
    } else {
      for (const [division, adjustments] of Object.entries(byDivision)) {
        const d = DIVISIONS.find((x) => x === division);
        if (!d) {
          errors.push(`settings.holidays.${division} is not a bank holiday jurisdiction (use ${DIVISIONS.join(", ")})`);
          continue;
        }
        const list = (key: "add" | "remove"): IsoDate[] => {
          const values: unknown = (adjustments as Record<string, unknown> | null)?.[key] ?? [];
          if (!Array.isArray(values)) {
            errors.push(`settings.holidays.${division}.${key} should be a list of yyyy-mm-dd dates`);
            return [];
          }
          return values.flatMap((v) => {
            const date = typeof v === "string" ? parseIsoDate(v) : undefined;
            if (!date) errors.push(`settings.holidays.${division}.${key}: ${JSON.stringify(v)} is not a yyyy-mm-dd date`);
            return date ? [date] : [];
          });
        };
        holidays[d] = { add: list("add"), remove: list("remove") };
      }
    }
  }
  const number = (key: "maxReviewsPerDay" | "meetingMinutes" | "earlyReviewWorkingDays" | "preBirthReviewWorkingDays" | "transferInWorkingDays" | "draftKeepDays" | "holdWorkingDays" | "consultationWorkingDays" | "localCopyDays", min: number, max: number): number => {
    const n = input[key];
    if (n === undefined) return DEFAULT_SETTINGS[key];
    if (typeof n === "number" && Number.isInteger(n) && n >= min && n <= max) return n;
    errors.push(`settings.${key} should be a whole number from ${min} to ${max}`);
    return DEFAULT_SETTINGS[key];
  };
  const maxReviewsPerDay = number("maxReviewsPerDay", 1, 10);
  const meetingMinutes = number("meetingMinutes", 15, 480);
  const earlyReviewWorkingDays = number("earlyReviewWorkingDays", 1, 60);
  const preBirthReviewWorkingDays = number("preBirthReviewWorkingDays", 1, 65);
  const transferInWorkingDays = number("transferInWorkingDays", 1, 30);
  const draftKeepDays = number("draftKeepDays", 1, 90);
  const holdWorkingDays = number("holdWorkingDays", 1, 10);
  const consultationWorkingDays = number("consultationWorkingDays", 0, 30);
  const localCopyDays = number("localCopyDays", 0, 90);
  let recordDeadlines = DEFAULT_SETTINGS.recordDeadlines;
  if (input.recordDeadlines !== undefined) {
    const given = input.recordDeadlines as Record<string, Record<string, unknown> | undefined> | null;
    const days = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 60;
    const ok = typeof given === "object" && given !== null && !Array.isArray(given) &&
      Object.keys(given).every((k) => k === "lac" || k === "cp") &&
      Object.values(given).every((v) => typeof v === "object" && v !== null && Object.keys(v).every((k) => k === "decisions" || k === "record") && Object.values(v).every(days));
    if (ok) recordDeadlines = { lac: { ...recordDeadlines.lac, ...given.lac }, cp: { ...recordDeadlines.cp, ...given.cp } } as ServiceSettings["recordDeadlines"];
    else errors.push('settings.recordDeadlines should be { "lac": { "decisions": working days, "record": working days }, "cp": { … } }, each from 0 to 60');
  }
  let minimumNotice = DEFAULT_SETTINGS.minimumNotice;
  if (input.minimumNotice !== undefined) {
    const given = input.minimumNotice as Record<string, unknown> | null;
    const days = (v: unknown) => typeof v === "number" && Number.isInteger(v) && v >= 0 && v <= 20;
    const ok = typeof given === "object" && given !== null && !Array.isArray(given) && Object.entries(given).every(([k, v]) => (k === "familyOrPartners" || k === "staffOnly") && days(v));
    if (ok) minimumNotice = { ...minimumNotice, ...given } as ServiceSettings["minimumNotice"];
    else errors.push('settings.minimumNotice should be { "familyOrPartners": working days, "staffOnly": working days }, each from 0 to 20');
  }
  const showChildNames = readSettingFlag(input, "showChildNames", DEFAULT_SETTINGS.showChildNames, errors);
  let classification = DEFAULT_SETTINGS.classification;
  if (input.classification !== undefined) {
    if (typeof input.classification === "string" && /^[A-Z][A-Z -]{2,40}$/.test(input.classification)) classification = input.classification;
    else errors.push('settings.classification should be a marking in capitals, such as "OFFICIAL-SENSITIVE"');
  }
  let feedbackUrl = DEFAULT_SETTINGS.feedbackUrl;
  if (input.feedbackUrl !== undefined && input.feedbackUrl !== null) {
    if (typeof input.feedbackUrl === "string" && /^https:\/\/[^\s<>"]+$/.test(input.feedbackUrl)) feedbackUrl = input.feedbackUrl;
    else errors.push("settings.feedbackUrl should be an https:// address");
  }
  const email = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;
  let staff = DEFAULT_SETTINGS.staff;
  if (input.staff !== undefined) {
    const list = Array.isArray(input.staff) ? input.staff : null;
    const ok = list?.every((m) => typeof m === "object" && m !== null && email.test(String(m.upn)) && typeof m.name === "string" && typeof m.fte === "number" && m.fte > 0 && m.fte <= 1 && (m.cpChair === undefined || typeof m.cpChair === "boolean"));
    if (list && ok) staff = list as StaffMember[];
    else errors.push('settings.staff should be a list of { "upn": email, "name": text, "fte": a number above 0 and at most 1, "cpChair": true or false }');
  }
  let managers = DEFAULT_SETTINGS.managers;
  if (input.managers !== undefined) {
    if (Array.isArray(input.managers) && input.managers.every((m) => typeof m === "string" && email.test(m))) managers = input.managers as string[];
    else errors.push("settings.managers should be a list of email addresses");
  }
  let countRule = DEFAULT_SETTINGS.countRule;
  if (input.countRule !== undefined) {
    if (input.countRule === "child-once" || input.countRule === "each-episode") countRule = input.countRule;
    else errors.push("settings.countRule should be child-once or each-episode");
  }
  let agendas = DEFAULT_SETTINGS.agendas;
  if (input.agendas !== undefined) {
    const events: readonly string[] = STATUTORY_EVENTS;
    const given = input.agendas as Record<string, unknown>;
    const ok = typeof given === "object" && given !== null && Object.entries(given).every(([k, v]) => events.includes(k) && Array.isArray(v) && v.length > 0 && v.every((i) => typeof i === "string" && i.trim() !== ""));
    if (ok) agendas = given as ServiceSettings["agendas"];
    else errors.push(`settings.agendas should map ${events.join(", ")} to lists of agenda items`);
  }
  let attendeeList = DEFAULT_SETTINGS.attendeeList;
  if (input.attendeeList !== undefined) {
    const policy = ATTENDEE_LIST_POLICIES.find((p) => p === input.attendeeList);
    if (policy) attendeeList = policy;
    else errors.push(`settings.attendeeList should be one of ${ATTENDEE_LIST_POLICIES.join(", ")}`);
  }
  const report = readReportSettings(input, errors);
  return errors.length > 0
    ? { settings: DEFAULT_SETTINGS, errors }
    : { settings: { dueSoonWorkingDays, icpcAnchor, holidays, showChildNames, classification, feedbackUrl, maxReviewsPerDay, meetingMinutes, staff, managers, countRule, agendas, earlyReviewWorkingDays, preBirthReviewWorkingDays, transferInWorkingDays, recordDeadlines, attendeeList, draftKeepDays, minimumNotice, holdWorkingDays, consultationWorkingDays, localCopyDays, ...report }, errors };
}
