import type { IsoDate } from "../calendar/isoDate.js";
import type { ChildCase, HeldReview } from "../caseload/childCase.js";
import { meetingRecords, type RecordKind } from "../records/meetingRecords.js";
import type { HeldEvent, TimescaleOptions } from "../timescales/assessTimescale.js";
import { isInitialConference } from "../timescales/ruleSets.js";
import type { Figure, FigureRow } from "./figure.js";

/** A review or conference held in the period, with what was recorded about it. */
export interface HeldMeeting {
  readonly child: ChildCase;
  readonly event: HeldEvent;
  /** The held review as recorded; an initial conference's minutes are on the child's CP episode. */
  readonly record: HeldReview | undefined;
}

/**
 * "Records sent in time" for the annual IRO report: of the reviews and conferences held in the
 * period, how many had their decisions and their full record sent by the service's deadlines
 * (working days after the meeting; local procedure, domain.md). A document not sent yet counts
 * only once its deadline has passed by `asOf` (the period's end, or today if that is sooner), so a
 * meeting last week is not counted late before its record is due.
 */
export function recordsSentInTime(lac: readonly HeldMeeting[], cp: readonly HeldMeeting[], options: TimescaleOptions, asOf: IsoDate): Figure {
  const { records } = options.local;
  const row = (label: string, meetings: readonly HeldMeeting[], track: "lac" | "cp", kind: RecordKind): FigureRow => {
    const judged = meetings.flatMap((m) => {
      const sent = isInitialConference(m.event.event) ? (m.child.cp?.icpcMinutes ?? {}) : (m.record ?? {});
      const due = meetingRecords(m.event.held, sent, records[track], options.calendarFor(m.child.nation), asOf).find((r) => r.kind === kind)!;
      return due.sent !== null || due.late ? [{ m, inTime: !due.late }] : [];
    });
    const hits = judged.filter((j) => j.inTime);
    return { label, value: hits.length, of: judged.length, counted: track === "lac" ? "reviews" : "conferences", children: [...new Set(hits.map((j) => j.m.child.ref))] };
  };
  const days = (n: number) => `${n} working day${n === 1 ? "" : "s"}`;
  return {
    id: "records-sent-in-time",
    title: "Decisions and records sent in time",
    definition:
      "Reviews and conferences held in the period whose decisions or full record had been sent, or were past their deadline, at the end of the period: how many were sent by the service's deadline, counted in working days after the meeting. " +
      `Looked after children's reviews (adoption and secure accommodation reviews with them): decisions within ${days(records.lac.decisions)}, the record within ${days(records.lac.record)}; child protection conferences: decisions within ${days(records.cp.decisions)}, the record within ${days(records.cp.record)}.`,
    rows: [
      row("LAC reviews: decisions sent in time", lac, "lac", "decisions"),
      row("LAC reviews: full record sent in time", lac, "lac", "record"),
      row("CP conferences: decisions sent in time", cp, "cp", "decisions"),
      row("CP conferences: full record sent in time", cp, "cp", "record"),
    ],
  };
}
