import type { IsoDate } from "../../domain/calendar/isoDate.js";
import { instantToLondon, londonTimeToInstant, type Instant } from "../../domain/calendar/londonTime.js";
import type { WorkingCalendar } from "../../domain/calendar/workingCalendar.js";
import type { ChildNext } from "../../domain/caseload/assessChild.js";
import type { ChildCase } from "../../domain/caseload/childCase.js";
import { consultationSendDay, type ConsultationRequest } from "../../domain/consultation/consultationRequest.js";
import { renderTemplate, type EmailTemplate } from "../../domain/templates/emailTemplate.js";
import type { CaseStore, StoredCase } from "../../ports/CaseStore.js";
import type { Mail, Recipient } from "../../ports/Mail.js";
import type { ScheduledMail } from "../../ports/ScheduledMail.js";
import { addToCase } from "../addToCase.js";
import type { ServiceSettings } from "../serviceSettings.js";
import { templateValues } from "../templateValues.js";

/** Scheduled messages go at the start of the working day, London time. */
const SEND_AT = 8 * 60;

export interface ConsultationPlan {
  readonly eventKind: string;
  readonly meetingStart: Instant;
  /** The day it goes, and whether that is today (the meeting is nearer than the lead time). */
  readonly sendOn: IsoDate;
  readonly now: boolean;
  /** The child's carers and parents from the case (the child's own form goes with the carer's). */
  readonly to: readonly Recipient[];
}

/**
 * Who the consultation request for a meeting goes to and when: the child's carers and parents,
 * `consultationWorkingDays` working days before the meeting (a service setting, default 10), in
 * the child's nation's working days. Null when the case has no carer or parent to ask.
 */
export function consultationPlan(child: ChildCase, eventKind: string, meetingStart: Instant, settings: ServiceSettings, calendar: WorkingCalendar, today: IsoDate): ConsultationPlan | null {
  const to = child.contacts.filter((c) => c.role === "carer" || c.role === "parent").map((c) => ({ address: c.email, name: c.name }));
  if (to.length === 0) return null;
  const { sendOn, now } = consultationSendDay(calendar, instantToLondon(meetingStart).date, settings.consultationWorkingDays, today);
  return { eventKind, meetingStart, sendOn, now, to };
}

/** The tag that finds a meeting's scheduled consultation request again (to move it with the meeting). */
const consultationTag = (child: ChildCase, eventKind: string): string => `consultation ${child.ref} ${eventKind}`;

/** What a consultation request is made from. */
export interface ConsultationContext {
  readonly plan: ConsultationPlan;
  readonly next: ChildNext;
  /** The service's consultation request template. */
  readonly template: EmailTemplate;
  readonly me: { readonly address: string; readonly name: string };
  readonly settings: ServiceSettings;
  readonly calendar: WorkingCalendar;
  readonly today: IsoDate;
}

/**
 * Schedules the consultation request through Exchange (deferred delivery: it waits in the
 * organizer's mailbox and goes on the day, whether or not anyone has IRO Desk open), or sends it
 * at once when that day has come. One scheduled before for the same meeting is withdrawn first,
 * so a moved meeting never sends two. Returns what to keep on the case (withConsultation).
 */
export async function sendConsultation(ports: { readonly scheduledMail: ScheduledMail; readonly mail: Mail }, child: ChildCase, ctx: ConsultationContext, signal?: AbortSignal): Promise<ConsultationRequest> {
  const { plan, settings } = ctx;
  const values = templateValues({ child, next: ctx.next, me: ctx.me, today: ctx.today, calendar: ctx.calendar, settings, meetingDate: instantToLondon(plan.meetingStart).date });
  const email = renderTemplate(ctx.template, values, settings.classification);
  const mail = { to: plan.to, subject: email.subject, html: email.html, headers: { "X-IRO-Desk-Classification": settings.classification } };
  const tag = consultationTag(child, plan.eventKind);
  await ports.scheduledMail.unschedule(tag, signal);
  if (plan.now) await ports.mail.send(mail, signal);
  else await ports.scheduledMail.schedule(mail, londonTimeToInstant(plan.sendOn, SEND_AT), tag, signal);
  return { eventKind: plan.eventKind, meetingStart: plan.meetingStart, sendOn: plan.sendOn, to: plan.to, how: plan.now ? "sent" : "scheduled", recorded: ctx.today, by: ctx.me.address };
}

/** The case with a meeting's consultation request kept (replacing an earlier one for the same meeting). */
export function withConsultation(child: ChildCase, request: ConsultationRequest): ChildCase {
  return { ...child, consultations: [...(child.consultations ?? []).filter((r) => r.eventKind !== request.eventKind), request] };
}

/** The consultation request for a booking made at once (not from proposed times): sent or scheduled, then kept on the case. */
export async function scheduleConsultation(
  ports: { readonly scheduledMail: ScheduledMail; readonly mail: Mail; readonly cases: CaseStore },
  stored: StoredCase,
  ctx: ConsultationContext,
  signal?: AbortSignal,
): Promise<{ stored: StoredCase; request: ConsultationRequest }> {
  const request = await sendConsultation(ports, stored.childCase, ctx, signal);
  const saved = await addToCase(ports.cases, stored, (c) => withConsultation(c, request), signal);
  return { stored: saved, request };
}
