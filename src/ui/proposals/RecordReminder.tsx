import { useState } from "preact/hooks";
import { calendarsFor } from "../../app/timescaleOptions.js";
import type { CaseloadEntry } from "../../app/loadCaseload.js";
import { remindRecord } from "../../app/recordReminder.js";
import type { MinutesDue } from "../../domain/caseload/assessChild.js";
import { meetingName } from "../../domain/timescales/ruleSets.js";
import type { PaneEnv } from "../env.js";
import { dayAndDate } from "../format.js";
import { errorText } from "../Notice.js";

/**
 * A full record still to send: whether the user's calendar will remind them, and a press to put the
 * reminder there when it is not (the checklist's Finish puts it there itself). Only the user's own
 * calendar changes; nobody is told.
 */
export function RecordReminder({ env, entry, minutes }: { env: PaneEnv; entry: CaseloadEntry; minutes: MinutesDue }) {
  const eventKind = `${minutes.event} ${minutes.number}`;
  const [set, setSet] = useState<string | null>(entry.reminders.some((r) => r.kind === "record" && r.eventKind === eventKind) ? "Reminder in your calendar." : null);
  const [busy, setBusy] = useState(false);
  if (set) return <span class="muted">{set}</span>;
  const remind = async () => {
    setBusy(true);
    try {
      const { remindOn } = await remindRecord(env.reminders, { ref: entry.child.ref, track: minutes.track, event: minutes.event, number: minutes.number, held: minutes.held }, env.settings, calendarsFor(env.settings)(entry.child.nation), env.today(), env.signal);
      setSet(`Your calendar reminds you on ${dayAndDate(remindOn)}.`);
    } catch (e) {
      setSet(`The reminder was not set: ${errorText(e)}`);
    } finally {
      setBusy(false);
    }
  };
  return (
    <button type="button" disabled={busy} aria-label={`Remind me in Outlook: full record of ${meetingName(minutes.event, minutes.number)}`} onClick={() => void remind()}>
      Remind me in Outlook
    </button>
  );
}
