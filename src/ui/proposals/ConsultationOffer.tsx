import { useState } from "preact/hooks";
import { calendarsFor } from "../../app/dueReport.js";
import type { CaseloadEntry } from "../../app/loadCaseload.js";
import { consultationPlan, scheduleConsultation } from "../../app/proposals/consultation.js";
import type { Booking } from "../../ports/Calendar.js";
import type { PaneEnv } from "../env.js";
import { dayAndDate } from "../format.js";
import { errorText, Notice } from "../Notice.js";
import { useServiceSettings } from "../useServiceSettings.js";
import { namesList } from "./namesList.js";

/**
 * After a booking: the meeting's consultation request, scheduled through Exchange for the day the
 * service sends it (or sent today when that day has come), to the carers and parents named. It goes
 * only when the IRO presses; then it goes without anyone remembering.
 */
export function ConsultationOffer({ env, entry, booking }: { env: PaneEnv; entry: CaseloadEntry; booking: Booking }) {
  const templates = useServiceSettings(env).templates;
  const calendar = calendarsFor(env.settings)(entry.child.nation);
  const plan = entry.next ? consultationPlan(entry.child, `${entry.next.event} ${entry.next.number}`, booking.start, env.settings, calendar, env.today()) : null;
  const [result, setResult] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const template = templates.find((t) => t.id === "consultation-request") ?? templates.find((t) => t.kind === "consultation");
  if (!plan || !template) return null;
  const to = namesList(plan.to.map((t) => t.name));
  const schedule = async () => {
    setBusy(true);
    try {
      const { request } = await scheduleConsultation({ scheduledMail: env.scheduledMail, mail: env.mail, cases: env.cases }, entry.stored, { plan, next: entry.next!, template, me: env.me, settings: env.settings, calendar, today: env.today() }, env.signal);
      setResult({ kind: "success", text: request.how === "sent" ? `The consultation request went today to ${to}.` : `The consultation request will go on ${dayAndDate(request.sendOn)} to ${to}, from your mailbox.` });
    } catch (e) {
      setResult({ kind: "error", text: `The consultation request was not scheduled: ${errorText(e)}` });
    } finally {
      setBusy(false);
    }
  };
  if (result) return <Notice kind={result.kind}>{result.text}</Notice>;
  return (
    <div class="card stack" role="group" aria-labelledby="consult-offer">
      <p id="consult-offer">
        The consultation request (forms for the child, carers and parents) {plan.now ? "is due now" : `is due to go on ${dayAndDate(plan.sendOn)}, ${env.settings.consultationWorkingDays} working days before the meeting`}: to {to}.
      </p>
      <button type="button" onClick={() => void schedule()} disabled={busy}>
        {busy ? "Scheduling…" : plan.now ? `Send it to ${to} now` : `Schedule it to go to ${to} on ${dayAndDate(plan.sendOn)}`}
      </button>
    </div>
  );
}
