import type { Attendee } from "../../ports/Calendar.js";
import type { AppointmentFields, AppointmentForm, SavedAppointment } from "../../ports/Host.js";
import { officeAsync } from "./officeAsync.js";

/**
 * The appointment being written in Outlook (Mailbox 1.3+ compose APIs; 1.14 where Outlook has it).
 * Office.js sets the subject, times, place and body, and keeps the case reference in the add-in's
 * custom properties; with Mailbox 1.14 it also marks the appointment private
 * (learn.microsoft.com/javascript/api/requirement-sets/outlook/requirement-set-1.14/outlook-requirement-set-1.14,
 * checked 2026-11; no released set can clear "all day", which Graph does). Then saveAsync: "appointments have no draft state … the item is saved as a
 * normal appointment on the user's calendar … no invitation is sent", and its EWS id, converted
 * with convertToRestId, is the id Graph completes the appointment by. In Outlook's cached mode the
 * saved item reaches the server later; the use case waits for it (completeSavedAppointment).
 */
export function officeAppointment(item: Office.AppointmentCompose): AppointmentForm {
  return {
    async fillAndSave(fields: AppointmentFields): Promise<SavedAppointment> {
      await officeAsync<void>((done) => item.subject.setAsync(fields.subject, done));
      await officeAsync<void>((done) => item.start.setAsync(new Date(fields.start), done));
      await officeAsync<void>((done) => item.end.setAsync(new Date(fields.end), done));
      await officeAsync<void>((done) => item.location.setAsync(fields.location, done));
      await officeAsync<void>((done) => item.body.setAsync(fields.bodyHtml, { coercionType: Office.CoercionType.Html }, done));
      const mailbox114 = Office.context.requirements.isSetSupported("Mailbox", "1.14");
      if (mailbox114) {
        await officeAsync<void>((done) => item.sensitivity.setAsync(Office.MailboxEnums.AppointmentSensitivityType.Private, done));
      }
      const props = await officeAsync<Office.CustomProperties>((done) => item.loadCustomPropertiesAsync(done));
      props.set("caseRef", fields.caseRef);
      props.set("eventKind", fields.eventKind);
      await officeAsync<void>((done) => props.saveAsync(done));
      const ewsId = await officeAsync<string>((done) => item.saveAsync(done));
      return { id: Office.context.mailbox.convertToRestId(ewsId, Office.MailboxEnums.RestVersion.v2_0), privateInOutlook: mailbox114 };
    },
    async addAttendees(attendees: readonly Attendee[]) {
      const person = (a: Attendee) => ({ displayName: a.name, emailAddress: a.address });
      await officeAsync<void>((done) => item.requiredAttendees.setAsync(attendees.filter((a) => a.type === "required").map(person), done));
      await officeAsync<void>((done) => item.optionalAttendees.setAsync(attendees.filter((a) => a.type === "optional").map(person), done));
    },
  };
}
