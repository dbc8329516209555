import type { ComposeForm } from "../../ports/Host.js";
import { officeAsync } from "./officeAsync.js";

/** The email being written in Outlook (Mailbox 1.1+). */
export function officeCompose(item: Office.MessageCompose): Required<ComposeForm> {
  return {
    targetName: "the email",
    async bodyType() {
      const type = await officeAsync<Office.CoercionType>((done) => item.body.getTypeAsync(done));
      return type === Office.CoercionType.Html ? "html" : "text";
    },
    insert: (email, type) =>
      officeAsync<void>((done) => item.body.setSelectedDataAsync(type === "html" ? email.html : email.text, { coercionType: type === "html" ? Office.CoercionType.Html : Office.CoercionType.Text }, done)),
    subject: () => officeAsync<string>((done) => item.subject.getAsync(done)),
    setSubject: (subject) => officeAsync<void>((done) => item.subject.setAsync(subject, done)),
    addRecipients: (to) => officeAsync<void>((done) => item.to.addAsync(to.map((r) => ({ displayName: r.name, emailAddress: r.address })), done)),
    // Custom properties (Mailbox 1.1) stay on the item into Sent Items and are not sent to
    // recipients (learn.microsoft.com/javascript/api/outlook/office.customproperties).
    async tag(name, value) {
      const props = await officeAsync<Office.CustomProperties>((done) => item.loadCustomPropertiesAsync(done));
      props.set(name, value);
      await officeAsync<void>((done) => props.saveAsync(done));
    },
  };
}
