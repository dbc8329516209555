import { instant } from "../../domain/calendar/londonTime.js";
import type { SandboxUser, StoredEvent } from "../store.js";
import { mailboxOwner, ok, type GraphRequest, type GraphResponse } from "./context.js";
import { formatDateTimeTimeZone, parseDateTimeTimeZone, preferredZone } from "./dateTimeTimeZone.js";
import { delivered } from "./events.js";
import { badRequest, onlyKnownProperties, requireObject } from "./graphError.js";

const MAX_SCHEDULES = 20;
const MAX_RANGE_MS = 62 * 86_400_000;
/** availabilityView digits, and which status wins when events overlap in one interval. */
const CODE: Record<string, string> = { free: "0", tentative: "1", busy: "2", oof: "3", workingElsewhere: "4" };
const PRIORITY: Record<string, number> = { free: 0, workingElsewhere: 1, tentative: 2, busy: 3, oof: 4 };

/**
 * POST /me/calendar/getSchedule: free/busy of up to 20 people over less than 62 days, as Graph
 * answers it. People outside the tenant (partners) get an error inside the 200, not a 400.
 */
export function getSchedule(req: GraphRequest): GraphResponse {
  mailboxOwner(req);
  const body = requireObject(req.body, "a getSchedule request");
  onlyKnownProperties(body, ["schedules", "startTime", "endTime", "availabilityViewInterval"], "calendar.getSchedule");
  const schedules = body.schedules;
  if (!Array.isArray(schedules) || schedules.length === 0 || schedules.some((s) => typeof s !== "string")) {
    throw badRequest("schedules must be a non-empty array of email addresses.", "ErrorInvalidParameter");
  }
  if (schedules.length > MAX_SCHEDULES) throw badRequest(`At most ${MAX_SCHEDULES} schedules can be requested at once; this request has ${schedules.length}.`, "ErrorInvalidParameter");
  const start = parseDateTimeTimeZone(body.startTime, "startTime");
  const end = parseDateTimeTimeZone(body.endTime, "endTime");
  if (end <= start) throw badRequest("endTime must be after startTime.", "ErrorInvalidTimeInterval");
  if (end - start >= MAX_RANGE_MS) throw badRequest("The requested time range must be shorter than 62 days.", "ErrorInvalidTimeInterval");
  const interval = body.availabilityViewInterval ?? 30;
  if (typeof interval !== "number" || !Number.isInteger(interval) || interval < 5 || interval > 1440) {
    throw badRequest("availabilityViewInterval must be a whole number of minutes from 5 to 1440.", "ErrorInvalidParameter");
  }
  const zone = preferredZone(req.headers.prefer);
  const value = (schedules as string[]).map((address) => {
    const user = req.store.user(address);
    if (!user || !user.mailbox) {
      return {
        scheduleId: address,
        availabilityView: "",
        scheduleItems: [],
        error: { message: `The specified user ${address} could not be found or is outside the organization.`, responseCode: "ErrorMailRecipientNotFound" },
      };
    }
    const events = req.store.eventsBetween(user.id, start, end).filter((e) => delivered(req, e) && !e.data.isCancelled && e.data.showAs !== "free");
    return {
      scheduleId: address,
      availabilityView: availabilityView(events, start, end, interval * 60_000),
      scheduleItems: events.map((e) => scheduleItem(e, zone)),
      workingHours: workingHours(user),
    };
  });
  return ok({ "@odata.context": "https://graph.microsoft.com/v1.0/$metadata#Collection(microsoft.graph.scheduleInformation)", value });
}

function availabilityView(events: readonly StoredEvent[], start: number, end: number, step: number): string {
  let view = "";
  for (let slot = start; slot < end; slot += step) {
    let status = "free";
    for (const e of events) {
      const show = String(e.data.showAs ?? "busy");
      if (e.startMs < slot + step && e.endMs > slot && (PRIORITY[show] ?? 3) > PRIORITY[status]!) status = show in CODE ? show : "busy";
    }
    view += CODE[status];
  }
  return view;
}

function scheduleItem(e: StoredEvent, zone: ReturnType<typeof preferredZone>): Record<string, unknown> {
  const isPrivate = e.data.sensitivity === "private" || e.data.sensitivity === "confidential";
  return {
    isPrivate,
    status: e.data.showAs ?? "busy",
    // Private items show as busy without details, as Exchange shows them to other people.
    ...(isPrivate ? {} : { subject: e.data.subject ?? "", location: (e.data.location as { displayName?: string } | undefined)?.displayName ?? "" }),
    isMeeting: ((e.data.attendees as unknown[] | undefined) ?? []).length > 0,
    isRecurring: false,
    isException: false,
    isReminderSet: Boolean(e.data.isReminderOn),
    start: formatDateTimeTimeZone(instant(e.startMs), zone),
    end: formatDateTimeTimeZone(instant(e.endMs), zone),
  };
}

/**
 * As Exchange answers it: the hours in the mailbox's own time zone, named there
 * (workingHours.timeZone, learn.microsoft.com/graph/api/resources/workinghours), not in the zone
 * the caller asked for with Prefer: outlook.timezone.
 */
function workingHours(user: SandboxUser): Record<string, unknown> {
  return {
    daysOfWeek: user.workingHours.daysOfWeek,
    startTime: `${user.workingHours.startTime}:00.0000000`,
    endTime: `${user.workingHours.endTime}:00.0000000`,
    timeZone: { name: user.workingHours.timeZone ?? "GMT Standard Time" },
  };
}
