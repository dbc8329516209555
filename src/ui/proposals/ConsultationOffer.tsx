import { useState } from "preact/hooks";
import { calendarsFor } from "../../app/timescaleOptions.js";
import type { CaseloadEntry } from "../../app/loadCaseload.js";
import { consultationPlan, scheduleConsultation } from "../../app/proposals/consultation.js";
import type { Booking } from "../../ports/Calendar.js";
import type { PaneEnv } from "../env.js";
import { dayAndDate } from "../format.js";
import { ConfirmStep } from "../ConfirmStep.js";
import { errorText, Notice } from "../Notice.js";
import { useServiceSettings } from "../useServiceSettings.js";
import { namesList } from "./namesList.js";

/**
 * After a booking: the meeting's consultation request, scheduled through Exchange for the day the
 * service sends it (or sent today when that day has come), to the carers and parents named. It goes
 * only when the IRO presses; then it goes without anyone remembering.
 */
export function ConsultationOffer({ env, entry, booking }: { env: PaneEnv; entry: CaseloadEntry; booking: Booking }) {
  const { templates, problem } = useServiceSettings(env);
  const calendar = calendarsFor(env.settings)(entry.child.nation);
  const plan = entry.next ? consultationPlan(entry.child, `${entry.next.event} ${entry.next.number}`, booking.start, env.settings, calendar, env.today()) : null;
  const [result, setResult] = useState<{ kind: "success"; text: string } | null>(null);
  const [asking, setAsking] = useState(false);
  const [error, setError] = useState<string | null>(null);
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
      setError(`The consultation request was not scheduled: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  if (result) return <Notice kind={result.kind}>{result.text}</Notice>;
  const when = plan.now ? "today" : `on ${dayAndDate(plan.sendOn)}, ${env.settings.consultationWorkingDays} working days before the meeting`;
  if (asking) {
    return (
      <ConfirmStep
        title={plan.now ? "Send the consultation request now?" : `Schedule the consultation request for ${dayAndDate(plan.sendOn)}?`}
        what={<p>The service's consultation request (forms for the child, carers and parents) goes from your mailbox {when}{plan.now ? "" : ": Exchange holds it until then and sends it by itself"}.</p>}
        told={plan.to.map((t) => ({ name: t.name, address: t.address }))}
        confirmLabel={busy ? "Scheduling…" : plan.now ? "Send it" : "Schedule it"}
        busy={busy}
        error={error}
        onConfirm={() => void schedule()}
        onBack={() => setAsking(false)}
      />
    );
  }
  return (
    <div class="card stack" role="group" aria-labelledby="consult-offer">
      <p id="consult-offer">
        The consultation request (forms for the child, carers and parents) is due to go {when}: to {to}.
      </p>
      {problem && <Notice kind="error">{problem}</Notice>}
      <button type="button" onClick={() => (setError(null), setAsking(true))}>
        {plan.now ? "Send the consultation request…" : "Schedule the consultation request…"}
      </button>
    </div>
  );
}
