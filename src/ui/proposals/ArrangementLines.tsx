import { calendarsFor } from "../../app/timescaleOptions.js";
import type { CaseloadEntry } from "../../app/loadCaseload.js";
import type { IsoDate } from "../../domain/calendar/isoDate.js";
import { workingDaysBetween } from "../../domain/calendar/workingDaysBetween.js";
import { consultationFor } from "../../domain/consultation/consultationRequest.js";
import { holdsExpired, openProposal } from "../../domain/proposals/proposal.js";
import type { PaneEnv } from "../env.js";
import { dayAndDate, daysLeftWords } from "../format.js";

export interface ArrangementLine {
  readonly key: string;
  readonly text: string;
  /** Needs doing now (expired, at risk, due today or past). */
  readonly urgent: boolean;
}

/** The child's next event's open proposal, if any: "times proposed and not yet confirmed". */
export function proposalOf(entry: Pick<CaseloadEntry, "next" | "child">) {
  return entry.next ? openProposal(entry.child.proposal, `${entry.next.event} ${entry.next.number}`) : null;
}

/**
 * What is in hand for a child besides the booking, in working days: times proposed and not
 * confirmed (until when they are held), the consultation request (when it goes), and the
 * reminders in the user's calendar (to confirm a time, to send a full record).
 */
function arrangementLines(entry: CaseloadEntry, today: IsoDate, settings: PaneEnv["settings"]): ArrangementLine[] {
  const calendar = calendarsFor(settings)(entry.child.nation);
  const left = (date: IsoDate) => daysLeftWords(workingDaysBetween(calendar, today, date));
  const lines: ArrangementLine[] = [];
  const proposal = proposalOf(entry);
  if (proposal) {
    const expired = holdsExpired(proposal, today);
    lines.push({
      key: "proposal",
      text: `${proposal.candidates.length} times proposed, not confirmed: ${expired ? `the holds expired on ${dayAndDate(proposal.expiresOn)}` : `held until ${dayAndDate(proposal.expiresOn)} (${left(proposal.expiresOn)})`}`,
      urgent: expired || proposal.atRisk,
    });
  }
  const consultation = entry.next ? consultationFor(entry.child.consultations, `${entry.next.event} ${entry.next.number}`) : null;
  if (consultation) {
    const gone = consultation.how === "sent" || consultation.sendOn <= today;
    lines.push({ key: "consultation", text: gone ? `Consultation request went ${dayAndDate(consultation.sendOn)}` : `Consultation request goes ${dayAndDate(consultation.sendOn)} (in ${workingDaysBetween(calendar, today, consultation.sendOn)} working days)`, urgent: false });
  }
  for (const r of entry.reminders) {
    lines.push({
      key: `reminder ${r.kind} ${r.eventKind}`,
      text: `${r.kind === "record" ? "Reminder: full record due" : "Reminder: confirm a time by"} ${dayAndDate(r.deadline)} (${left(r.deadline)})`,
      urgent: r.deadline <= today,
    });
  }
  return lines;
}

/** The lines under a child in the caseload list. */
export function ArrangementLines({ env, entry }: { env: PaneEnv; entry: CaseloadEntry }) {
  return (
    <>
      {arrangementLines(entry, env.today(), env.settings).map((l) => (
        <span key={l.key} class={`line ${l.urgent ? "overdue-text" : "muted"}`}>{l.text}</span>
      ))}
    </>
  );
}
