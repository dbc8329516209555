import type { IsoDate } from "../domain/calendar/isoDate.js";
import type { WorkingCalendar } from "../domain/calendar/workingCalendar.js";
import { applyRecord, type MeetingRecord } from "../domain/checklists/meetingRecord.js";
import type { EmailTemplate } from "../domain/templates/emailTemplate.js";
import { renderTemplate } from "../domain/templates/emailTemplate.js";
import type { CaseStore, StoredCase } from "../ports/CaseStore.js";
import type { Mail } from "../ports/Mail.js";
import { addToCase } from "./addToCase.js";
import { nameFromAddress } from "./bookReview.js";
import type { ServiceSettings } from "./serviceSettings.js";
import { templateValues } from "./templateValues.js";

/** Saves a finished record to the case: recording a meeting is an addition, kept even if someone else changed the case meanwhile. */
export function saveRecord(cases: CaseStore, stored: StoredCase, record: MeetingRecord, calendar: WorkingCalendar, signal?: AbortSignal): Promise<StoredCase> {
  return addToCase(cases, stored, (childCase) => applyRecord(childCase, record, calendar), signal);
}

/**
 * Corrects what a meeting recorded (the same meeting replaces its review and its RAG entry), on
 * the version the chair read: if someone else changed the case since, ConflictError and nothing is
 * written, so the chair reloads and sees their change before correcting again.
 */
export function correctRecord(cases: CaseStore, stored: StoredCase, record: MeetingRecord, calendar: WorkingCalendar, signal?: AbortSignal): Promise<StoredCase> {
  return cases.updateCase(stored.id, stored.version, applyRecord(stored.childCase, record, calendar), signal);
}

/**
 * Child protection decisions go to the social worker and team manager the same day (Working
 * Together: within 1 working day), through the service's decisions template.
 */
export async function sendDecisions(mail: Mail, stored: StoredCase, record: MeetingRecord, template: EmailTemplate, me: { name: string }, today: IsoDate, calendar: WorkingCalendar, settings: ServiceSettings, signal?: AbortSignal): Promise<string[]> {
  const child = stored.childCase;
  const to = [child.socialWorker, child.teamManager].filter((a): a is string => a !== null);
  if (to.length === 0) return [];
  const values = {
    ...templateValues({ child, next: null, me, today, calendar, settings, ...(record.meetingDate ? { meetingDate: record.meetingDate } : {}) }),
    actions: [...record.decisions.filter((d) => d.trim()), ...record.actions.map((a) => `${a.action} – ${a.owner}`)],
  };
  const email = renderTemplate(template, values, settings.classification);
  await mail.send({ to: to.map((address) => ({ address, name: nameFromAddress(address) })), subject: email.subject, html: email.html, headers: { "X-IRO-Desk-Classification": settings.classification } }, signal);
  return to;
}
