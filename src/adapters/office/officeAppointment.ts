import type { AppointmentFields, AppointmentForm } from "../../ports/Host.js";
import { officeAsync } from "./officeAsync.js";

/**
 * The appointment being written in Outlook (Mailbox 1.1+ compose APIs). The case reference and
 * event go into the add-in's custom properties, which Outlook saves with the item when it is sent.
 */
export function officeAppointment(item: Office.AppointmentCompose): AppointmentForm {
  return {
    async fill(fields: AppointmentFields) {
      const person = (a: AppointmentFields["attendees"][number]) => ({ displayName: a.name, emailAddress: a.address });
      await officeAsync<void>((done) => item.subject.setAsync(fields.subject, done));
      await officeAsync<void>((done) => item.start.setAsync(new Date(fields.start), done));
      await officeAsync<void>((done) => item.end.setAsync(new Date(fields.end), done));
      await officeAsync<void>((done) => item.requiredAttendees.setAsync(fields.attendees.filter((a) => a.type === "required").map(person), done));
      await officeAsync<void>((done) => item.optionalAttendees.setAsync(fields.attendees.filter((a) => a.type === "optional").map(person), done));
      await officeAsync<void>((done) => item.location.setAsync(fields.location, done));
      await officeAsync<void>((done) => item.body.setAsync(fields.bodyHtml, { coercionType: Office.CoercionType.Html }, done));
      const props = await officeAsync<Office.CustomProperties>((done) => item.loadCustomPropertiesAsync(done));
      props.set("caseRef", fields.caseRef);
      props.set("eventKind", fields.eventKind);
      await officeAsync<void>((done) => props.saveAsync(done));
    },
  };
}

/** Office's theme as IRO Desk's: dark when the task pane background is dark. */
export function officeTheme(): "light" | "dark" | "contrast" {
  const background = Office.context?.officeTheme?.bodyBackgroundColor;
  if (!background || !/^#[0-9a-f]{6}$/i.test(background)) return "light";
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(background.slice(i, i + 2), 16));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b! < 100 ? "dark" : "light";
}
