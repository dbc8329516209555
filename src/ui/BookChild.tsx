import { useMemo, useRef, useState } from "preact/hooks";
import { bookReview, cancelReview, nameFromAddress, proposedAttendees, type BookingOutcome } from "../app/bookReview.js";
import { LATE_REASONS } from "../app/lateReasons.js";
import { calendarsFor } from "../app/dueReport.js";
import { findSlots, type SlotFinding } from "../app/findSlots.js";
import type { Caseload, CaseloadEntry } from "../app/loadCaseload.js";
import { chairsByCapacity } from "../domain/caseload/chairsByCapacity.js";
import { perFteWords } from "../domain/caseload/iroLoad.js";
import { parseIsoDate } from "../domain/calendar/isoDate.js";
import { instantToLondon } from "../domain/calendar/londonTime.js";
import { workingDaysBetween } from "../domain/calendar/workingDaysBetween.js";
import type { Slot } from "../domain/scheduling/rankSlots.js";
import { EVENT_NAMES } from "../domain/timescales/ruleSets.js";
import type { Attendee } from "../ports/Calendar.js";
import type { PaneEnv } from "./env.js";
import { dayAndDate, daysLeftWords, timeRange } from "./format.js";
import { errorText, Notice } from "./Notice.js";
import { SlotPicker } from "./SlotPicker.js";
import { StatusBadge } from "./StatusBadge.js";

/** Book, move or cancel one child's next review or conference: attendees, free times, late reason. */
export function BookChild({ env, entry, caseload, onBooked }: { env: PaneEnv; entry: CaseloadEntry; caseload: Caseload; onBooked: () => void }) {
  const next = entry.next;
  const calendar = calendarsFor(env.settings)(entry.child.nation);
  const [attendees, setAttendees] = useState(() => proposedAttendees(entry.stored, env.me.address).map((a) => ({ ...a, invited: true })));
  const [newAddress, setNewAddress] = useState("");
  const [minutes, setMinutes] = useState(env.settings.meetingMinutes);
  const [earliest, setEarliest] = useState<string>(env.today());
  const [online, setOnline] = useState(true);
  const [location, setLocation] = useState("");
  const [finding, setFinding] = useState<SlotFinding | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [lateReason, setLateReason] = useState("");
  const [lateDetail, setLateDetail] = useState("");
  const [busy, setBusy] = useState<"finding" | "booking" | "cancelling" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<BookingOutcome | "cancelled" | null>(null);
  const transactionId = useRef(crypto.randomUUID());
  // An ICPC goes to the CP chair with most capacity (load against 50–70, then free/busy decides the time).
  const chairs = useMemo(() => (next?.event === "icpc" ? chairsByCapacity(caseload.entries.map((e) => e.child), env.settings.staff, env.today(), env.settings.countRule) : []), [caseload, next]);
  const [chairUpn, setChairUpn] = useState<string>(chairs[0]?.member.upn ?? env.me.address);
  const chair = chairs.find((c) => c.member.upn === chairUpn)?.member ?? { upn: env.me.address, name: env.me.name, fte: 1 };
  const chairIsMe = chair.upn.toLowerCase() === env.me.address.toLowerCase();

  if (!next) return <Notice kind="info">Nothing is due for this child: the case is closed or its dates need checking.</Notice>;
  const left = workingDaysBetween(calendar, env.today(), next.dueBy);
  const names = new Map<string, string>([[env.me.address.toLowerCase(), `${env.me.name} (you)`], ...attendees.map((a) => [a.address.toLowerCase(), a.name] as [string, string])]);
  const invited: Attendee[] = [
    ...(chairIsMe ? [] : [{ address: chair.upn, name: chair.name, type: "required" as const }]),
    ...attendees.filter((a) => a.invited && a.address.toLowerCase() !== chair.upn.toLowerCase()).map(({ invited: _, ...a }) => a),
  ];
  const late = slot !== null && instantToLondon(slot.start).date > next.dueBy;
  const title = `${EVENT_NAMES[next.event]}${next.event === "icpc" ? "" : ` ${next.number}`}`;

  const find = async () => {
    const from = parseIsoDate(earliest);
    if (!from) return setError("Enter the earliest date as a real date.");
    setBusy("finding");
    setError(null);
    setSlot(null);
    try {
      // Another chair's reviews that day are not in this calendar: their free/busy is what counts.
      const reviewsOnDay = chairIsMe ? caseload.reviewsOnDay : () => 0;
      setFinding(await findSlots(env.calendar, { chair: chair.upn, attendees: invited, from: from < env.today() ? env.today() : from, dueBy: next.dueBy, lengthMinutes: minutes, maxReviewsPerDay: env.settings.maxReviewsPerDay, reviewsOnDay, calendar, now: env.now() }));
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const book = async () => {
    if (!slot) return;
    setBusy("booking");
    setError(null);
    try {
      const outcome = await bookReview(
        { calendar: env.calendar, cases: env.cases, appointment: env.appointment },
        { stored: entry.stored, next, existing: entry.booking, start: slot.start, end: slot.end, attendees: invited, online, location, lateReason: late ? { reason: lateReason, detail: lateDetail } : null, transactionId: transactionId.current, chair: { address: chair.upn, name: chair.name }, bookedBy: env.me.address, today: env.today() },
        env.settings,
      );
      setDone(outcome);
      transactionId.current = crypto.randomUUID();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const cancel = async () => {
    if (!entry.booking) return;
    setBusy("cancelling");
    setError(null);
    try {
      await cancelReview(env.calendar, entry.booking);
      setDone("cancelled");
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  if (done) {
    return (
      <section aria-labelledby="done-title">
        <h2 id="done-title">{done === "cancelled" ? "Booking cancelled" : done.kind === "filled" ? "Added to your appointment" : done.kind === "moved" ? "Booking moved" : "Booked"}</h2>
        <Notice kind="success">
          {done === "cancelled"
            ? `The ${title} booking for ref ${entry.child.ref} is cancelled; attendees are told.`
            : done.kind === "filled"
              ? `${done.booking.subject} is saved in your calendar: private, tagged with ref ${entry.child.ref}${done.booking.joinUrl ? ", a Teams meeting" : ""}. ${invited.length} ${invited.length === 1 ? "person is" : "people are"} on the appointment: check it, then press Send to invite them.`
              : `${done.booking.subject}, ${timeRange(done.booking.start, done.booking.end)}. ${invited.length} ${invited.length === 1 ? "person is" : "people are"} invited.`}
        </Notice>
        {done !== "cancelled" && done.booking.joinUrl && (
          <p>
            <a href={done.booking.joinUrl} target="_blank" rel="noopener noreferrer">Teams meeting link</a>
          </p>
        )}
        <button type="button" onClick={onBooked}>Back to the caseload</button>
      </section>
    );
  }

  return (
    <section aria-labelledby="book-title" class="stack">
      <h2 id="book-title">
        {title} – ref {entry.child.ref}
      </h2>
      <p>
        <StatusBadge status={entry.status} /> Due by <strong>{dayAndDate(next.dueBy)}</strong>:{" "}
        <span class={left < 0 ? "overdue-text" : ""}>{daysLeftWords(left)}</span>
      </p>
      {entry.booking && (
        <div class="card">
          <p>Booked for {timeRange(entry.booking.start, entry.booking.end)}.</p>
          <div class="row">
            <span class="muted">Choose a new time below to move it, or</span>
            <button type="button" onClick={cancel} disabled={busy !== null}>Cancel booking</button>
          </div>
        </div>
      )}
      {chairs.length > 0 && (
        <fieldset class="card">
          <legend>Chair, by capacity</legend>
          <ul class="plain">
            {chairs.map(({ member, load }) => (
              <li key={member.upn}>
                <label class="inline">
                  <input type="radio" name="chair" checked={chair.upn === member.upn} onChange={() => (setChairUpn(member.upn), setFinding(null), setSlot(null))} />
                  {member.name} <span class={load.position === "above" ? "overdue-text" : "muted"}>{load.counted} {load.counted === 1 ? "child" : "children"} at {member.fte} FTE: {perFteWords(load)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <fieldset class="card">
        <legend>Invited</legend>
        <ul class="plain">
          {attendees.map((a, i) => (
            <li key={a.address}>
              <label class="inline">
                <input type="checkbox" checked={a.invited} onChange={(e) => { const invited = e.currentTarget.checked; setAttendees((prev) => prev.map((x, j) => (j === i ? { ...x, invited } : x))); }} />
                {a.name} <span class="muted">{a.address}{a.type === "optional" ? " (optional)" : ""}</span>
              </label>
            </li>
          ))}
        </ul>
        <label for="add-attendee">Add someone (email address)</label>
        <div class="row">
          <input id="add-attendee" type="email" value={newAddress} onInput={(e) => setNewAddress(e.currentTarget.value)} style="flex:1" />
          <button
            type="button"
            onClick={() => {
              const address = newAddress.trim();
              if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) return setError(`"${address}" is not an email address.`);
              setAttendees((prev) => (prev.some((a) => a.address.toLowerCase() === address.toLowerCase()) ? prev : [...prev, { address, name: nameFromAddress(address), type: "required", invited: true }]));
              setNewAddress("");
              setError(null);
            }}
          >
            Add
          </button>
        </div>
      </fieldset>
      <div class="row">
        <div>
          <label for="length">Length</label>
          <select id="length" value={minutes} onChange={(e) => setMinutes(Number(e.currentTarget.value))}>
            {[60, 90, 120, 150].map((m) => (
              <option value={m} key={m}>
                {m / 60} hour{m === 60 ? "" : "s"}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="earliest">Earliest date</label>
          <input id="earliest" type="date" value={earliest} min={env.today()} onInput={(e) => setEarliest(e.currentTarget.value)} />
        </div>
      </div>
      <label class="inline">
        <input type="checkbox" checked={online} onChange={(e) => setOnline(e.currentTarget.checked)} /> Teams meeting
      </label>
      {!online && (
        <>
          <label for="location">Where</label>
          <input id="location" type="text" value={location} onInput={(e) => setLocation(e.currentTarget.value)} />
        </>
      )}
      <button type="button" class="primary" onClick={find} disabled={busy !== null || invited.length === 0}>
        {busy === "finding" ? "Finding free times…" : "Find free times"}
      </button>
      {finding && <SlotPicker finding={finding} names={names} chosen={slot} onChoose={setSlot} />}
      {late && (
        <fieldset class="card">
          <legend>Why after the due-by date?</legend>
          <label for="late-reason">Reason</label>
          <select id="late-reason" value={lateReason} onChange={(e) => setLateReason(e.currentTarget.value)}>
            <option value="">Choose a reason</option>
            {LATE_REASONS.map((r) => (
              <option value={r} key={r}>{r}</option>
            ))}
          </select>
          <label for="late-detail">More detail</label>
          <textarea id="late-detail" value={lateDetail} onInput={(e) => setLateDetail(e.currentTarget.value)} />
        </fieldset>
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {slot && env.appointment && (
        <p class="muted" id="fill-what-happens">
          Outlook fills in and saves this appointment (nobody is invited yet). Microsoft 365 then makes it private, tags it with the case{online ? " and makes it a Teams meeting" : ""}, which Outlook's add-in tools cannot; then the attendees are added for you to check and send.
        </p>
      )}
      {slot && (
        <button type="button" class="primary" onClick={book} disabled={busy !== null} aria-describedby={env.appointment ? "fill-what-happens" : undefined}>
          {busy === "booking" ? "Booking…" : `${env.appointment ? "Fill in appointment" : entry.booking ? "Move booking" : "Book"}: ${timeRange(slot.start, slot.end)}`}
        </button>
      )}
    </section>
  );
}
