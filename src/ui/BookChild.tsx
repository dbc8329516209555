import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { addedInvitee, bookReview, CANCEL_REASONS, CancelledReasonNotKept, cancelReview, councilOf, proposedAttendees, type BookingOutcome } from "../app/bookReview.js";
import { toldOnCase } from "../app/casePeople.js";
import { LateReasonNeeded } from "../app/lateReasons.js";
import { calendarsFor } from "../app/timescaleOptions.js";
import { findSlots, type SlotFinding } from "../app/findSlots.js";
import { refreshedEntry, type Caseload, type CaseloadEntry } from "../app/loadCaseload.js";
import { openProposal } from "../domain/proposals/proposal.js";
import type { StoredCase } from "../ports/CaseStore.js";
import { ConsultationOffer } from "./proposals/ConsultationOffer.js";
import { ProposalPanel } from "./proposals/ProposalPanel.js";
import { ProposeTimes } from "./proposals/ProposeTimes.js";
import { chairsByCapacity } from "../domain/caseload/chairsByCapacity.js";
import { perFteWords } from "../domain/caseload/iroLoad.js";
import { parseIsoDate } from "../domain/calendar/isoDate.js";
import { instantToLondon } from "../domain/calendar/londonTime.js";
import { hidesAttendeeList, isOutsideCouncil } from "../domain/scheduling/attendeeList.js";
import { earliestMeetingDay } from "../domain/scheduling/minimumNotice.js";
import type { Slot } from "../domain/scheduling/rankSlots.js";
import { isInitialConference, meetingName } from "../domain/timescales/ruleSets.js";
import type { Invitee } from "../ports/Calendar.js";
import { ConfirmStep } from "./ConfirmStep.js";
import { LateReasonFields } from "./LateReasonFields.js";
import type { PaneEnv } from "./env.js";
import { countOf, dayAndDate, daysLeftWords, ROLE_WORDS, timeRange } from "./format.js";
import { errorText, Notice } from "./Notice.js";
import { SlotPicker } from "./SlotPicker.js";
import { StatusBadge } from "./StatusBadge.js";

type FieldName = "add-attendee" | "earliest" | "late-reason";

/**
 * Book, move or cancel one child's next review or conference: who is invited (with their role),
 * free times after the service's minimum notice, a reason when late. Keyboard users are carried
 * along: focus goes to what each step produced (the form, the times, the result) and, when an
 * action is refused, to the field that needs changing.
 */
export function BookChild({ env, entry, caseload, onBooked }: { env: PaneEnv; entry: CaseloadEntry; caseload: Caseload; onBooked: () => void }) {
  const next = entry.next;
  const calendar = calendarsFor(env.settings)(entry.child.nation);
  const [attendees, setAttendees] = useState(() => proposedAttendees(entry.stored, env.me.address).map((a) => ({ ...a, invited: true })));
  const [editing, setEditing] = useState(false);
  const [newAddress, setNewAddress] = useState("");
  const [minutes, setMinutes] = useState(env.settings.meetingMinutes);
  const [earliest, setEarliest] = useState("");
  const [online, setOnline] = useState(true);
  const [location, setLocation] = useState("");
  const [finding, setFinding] = useState<SlotFinding | null>(null);
  const [slot, setSlot] = useState<Slot | null>(null);
  const [lateReason, setLateReason] = useState("");
  const [lateDetail, setLateDetail] = useState("");
  const [busy, setBusy] = useState<"finding" | "booking" | "cancelling" | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<{ field: FieldName; message: string } | null>(null);
  const [done, setDone] = useState<BookingOutcome | "cancelled" | null>(null);
  const [askCancel, setAskCancel] = useState(false);
  const [cancelReason, setCancelReason] = useState("");
  const [cancelDetail, setCancelDetail] = useState("");
  const [cancelError, setCancelError] = useState<string | null>(null);
  /** The case as proposing or withdrawing times left it (the caseload is read again when the pane is done). */
  const [proposed, setProposed] = useState<StoredCase | null>(null);
  const transactionId = useRef(crypto.randomUUID());
  const root = useRef<HTMLElement>(null);
  // What gets focus after the next render: a CSS selector inside this section.
  const focusNext = useRef<string | null>("#book-title");
  useEffect(() => {
    if (!focusNext.current) return;
    root.current?.querySelector<HTMLElement>(focusNext.current)?.focus();
    focusNext.current = null;
  });
  // An initial conference (ICPC, pre-birth, transfer-in) goes to the CP chair with most capacity (load against 50–70, then free/busy decides the time).
  const chairs = useMemo(() => (next && isInitialConference(next.event) ? chairsByCapacity(caseload.entries.map((e) => e.child), env.settings.staff, env.today(), env.settings.countRule) : []), [caseload, next]);
  // The loads are counted over the register read so far, so the list can reorder as the rest of it
  // arrives: until the manager picks a chair (or finds times or books with one) the chair is the top
  // of the list as it is now; from then on it is theirs and never changes under them. A change of
  // default moves the tick in the list and nothing else: focus stays where it is.
  const [picked, setPicked] = useState<string | null>(null);
  const chair = chairs.find((c) => c.member.upn === (picked ?? chairs[0]?.member.upn))?.member ?? { upn: env.me.address, name: env.me.name, fte: 1 };
  const chairIsMe = chair.upn.toLowerCase() === env.me.address.toLowerCase();

  if (!next) return <Notice kind="info">Nothing is due for this child: the case is closed or its dates need checking.</Notice>;
  const current = proposed ? refreshedEntry(entry, proposed, env.today(), env.settings) : entry;
  const open = openProposal(current.child.proposal, `${next.event} ${next.number}`);
  if (open) return <ProposalPanel env={env} entry={current} proposal={open} onChanged={setProposed} onDone={onBooked} />;
  const left = next.workingDaysLeft;
  const names = new Map<string, string>([[env.me.address.toLowerCase(), `${env.me.name} (you)`], ...attendees.map((a) => [a.address.toLowerCase(), a.name] as [string, string])]);
  const invited: Invitee[] = [
    ...(chairIsMe ? [] : [{ address: chair.upn, name: chair.name, type: "required" as const, role: "colleague" as const }]),
    ...attendees.filter((a) => a.invited && a.address.toLowerCase() !== chair.upn.toLowerCase()).map(({ invited: _, ...a }) => a),
  ];
  const council = councilOf({ stored: entry.stored, chair: { address: chair.upn, name: chair.name }, bookedBy: env.me.address });
  // One test of "outside the council" decides both who sees whom and how much notice is given.
  const outsideInvited = invited.some((a) => isOutsideCouncil(a.address, council));
  const noticeFrom = earliestMeetingDay(calendar, env.today(), outsideInvited, env.settings.minimumNotice);
  const noticeDays = outsideInvited ? env.settings.minimumNotice.familyOrPartners : env.settings.minimumNotice.staffOnly;
  const late = slot !== null && instantToLondon(slot.start).date > next.dueBy;
  const hidden = hidesAttendeeList(env.settings.attendeeList, invited, council);
  // An appointment form cannot hide its attendee list, so such a booking is made by IRO Desk instead.
  const fills = env.appointment !== null && !hidden;
  const title = meetingName(next.event, next.number);

  /** Refuses the action: the message goes beside the field, which takes focus. */
  const refuse = (field: FieldName, message: string) => {
    setFieldError({ field, message });
    setError(null);
    if (field !== "late-reason") setEditing(true);
    focusNext.current = `#${field}`;
  };
  const invalid = (field: FieldName) => (fieldError?.field === field ? { "aria-invalid": true, "aria-describedby": `${field}-error` } : {});
  const fieldMessage = (field: FieldName) => fieldError?.field === field && <p id={`${field}-error`} class="field-error">{fieldError.message}</p>;

  const find = async () => {
    const from = earliest === "" ? noticeFrom : parseIsoDate(earliest);
    if (!from) return refuse("earliest", "Enter the earliest date as a real date, or leave it empty for the first date the notice allows.");
    setBusy("finding");
    setPicked(chair.upn);
    setError(null);
    setFieldError(null);
    setSlot(null);
    try {
      // Another chair's reviews that day are not in this calendar: their free/busy is what counts.
      const reviewsOnDay = chairIsMe ? caseload.reviewsOnDay : () => 0;
      const found = await findSlots(env.calendar, { chair: chair.upn, attendees: invited, from, dueBy: next.dueBy, lengthMinutes: minutes, maxReviewsPerDay: env.settings.maxReviewsPerDay, reviewsOnDay, calendar, today: env.today(), now: env.now(), notice: env.settings.minimumNotice, council });
      setFinding(found);
      // The top suggestion is chosen to start with; the Book button names it, so nothing is booked unseen.
      setSlot(found.best[0] ?? null);
      focusNext.current = "#best-slots";
    } catch (e) {
      setError(errorText(e));
      focusNext.current = "[role=alert]";
    } finally {
      setBusy(null);
    }
  };

  const book = async () => {
    if (!slot) return;
    if (late && !lateReason) return refuse("late-reason", new LateReasonNeeded(next.dueBy).message);
    setBusy("booking");
    setError(null);
    setFieldError(null);
    try {
      const outcome = await bookReview(
        { calendar: env.calendar, cases: env.cases, appointment: env.appointment },
        { stored: entry.stored, next, existing: entry.booking, start: slot.start, end: slot.end, attendees: invited, online, location, lateReason: late ? { reason: lateReason, detail: lateDetail } : null, transactionId: transactionId.current, chair: { address: chair.upn, name: chair.name }, bookedBy: env.me.address, today: env.today() },
        env.settings,
      );
      setDone(outcome);
      transactionId.current = crypto.randomUUID();
      focusNext.current = "#done-title";
    } catch (e) {
      if (e instanceof LateReasonNeeded) refuse("late-reason", e.message);
      else {
        setError(errorText(e));
        focusNext.current = "[role=alert]";
      }
    } finally {
      setBusy(null);
    }
  };

  const cancel = async () => {
    if (!entry.booking) return;
    if (cancelReason === "" || (cancelReason === "Other" && cancelDetail.trim() === "")) {
      setCancelError(cancelReason === "" ? "Choose why the booking is cancelled: the reason is kept on the case." : "Say why in the detail: the reason is “Other”.");
      focusNext.current = cancelReason === "" ? "#cancel-reason" : "#cancel-detail";
      return;
    }
    setBusy("cancelling");
    setCancelError(null);
    try {
      await cancelReview({ calendar: env.calendar, cases: env.cases }, entry.stored, entry.booking, { reason: cancelReason, detail: cancelDetail, by: env.me.address, today: env.today() });
      setDone("cancelled");
      focusNext.current = "#done-title";
    } catch (e) {
      // Cancelled, but the reason could not be kept: that is what happened, so it is what is shown.
      if (e instanceof CancelledReasonNotKept) {
        setDone("cancelled");
        setCancelError(e.message);
        focusNext.current = "#done-title";
      } else setCancelError(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const add = () => {
    const address = newAddress.trim();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(address)) return refuse("add-attendee", `"${address}" is not an email address.`);
    setAttendees((prev) => (prev.some((a) => a.address.toLowerCase() === address.toLowerCase()) ? prev : [...prev, { ...addedInvitee(address, council), invited: true }]));
    setNewAddress("");
    setFieldError(null);
  };

  if (done) {
    return (
      <section aria-labelledby="done-title" ref={root}>
        <h2 id="done-title" tabIndex={-1}>{done === "cancelled" ? "Booking cancelled" : done.kind === "filled" ? "Added to your appointment" : done.kind === "moved" ? "Booking moved" : "Booked"}</h2>
        <Notice kind="success">
          {done === "cancelled"
            ? `The ${title} booking for ref ${entry.child.ref} is cancelled; ${countOf(entry.booking?.attendees.length ?? 0, "attendee")} ${entry.booking?.attendees.length === 1 ? "is" : "are"} told.${cancelError ? "" : ` The reason (${cancelReason}) is kept on the case.`}`
            : done.kind === "filled"
              ? `${done.booking.subject} is saved in your calendar: private, tagged with ref ${entry.child.ref}${done.booking.joinUrl ? ", a Teams meeting" : ""}. ${countOf(invited.length, "person is", "people are")} on the appointment: check it, then press Send to invite them.`
              : `${done.booking.subject}, ${timeRange(done.booking.start, done.booking.end)}. ${countOf(invited.length, "person is", "people are")} invited${done.hideAttendees ? "; each sees only themselves in the invitation" : ""}.`}
        </Notice>
        {done !== "cancelled" && done.kind !== "filled" && done.insteadOfAppointment && (
          <Notice kind="info">IRO Desk sent the invitations itself, so that no one invited sees the others. Close the appointment you opened without saving it.</Notice>
        )}
        {done === "cancelled" && cancelError && <Notice kind="error">{cancelError}</Notice>}
        {done !== "cancelled" && done.booking.joinUrl && (
          <p>
            <a href={done.booking.joinUrl} target="_blank" rel="noopener noreferrer">Teams meeting link</a>
          </p>
        )}
        {done !== "cancelled" && <ConsultationOffer env={env} entry={entry} booking={done.booking} />}
        <button type="button" onClick={onBooked}>Back to the caseload</button>
      </section>
    );
  }

  return (
    <section aria-labelledby="book-title" class="stack" ref={root}>
      <h2 id="book-title" tabIndex={-1}>
        {title} – ref {entry.child.ref}
      </h2>
      <p>
        <StatusBadge status={entry.status} /> Due by <strong>{dayAndDate(next.dueBy)}</strong>:{" "}
        <span class={left < 0 ? "overdue-text" : ""}>{daysLeftWords(left)}</span>
      </p>
      {entry.booking && (
        <div class="card">
          <p>Booked for {timeRange(entry.booking.start, entry.booking.end)}{entry.status === "booked-late" ? ", after the due-by date" : ""}.</p>
          <div class="row">
            <span class="muted">Choose a new time below to move it, or</span>
            <button type="button" aria-expanded={askCancel} onClick={() => (setAskCancel(true), setCancelError(null))} disabled={busy !== null}>Cancel booking…</button>
          </div>
        </div>
      )}
      {entry.booking && askCancel && (
        <ConfirmStep
          title="Cancel this booking?"
          what={<p>{title} – ref {entry.child.ref}, {timeRange(entry.booking.start, entry.booking.end)}. Everyone invited is sent a cancellation at once; the reason stays on the case and is not sent to them.</p>}
          toldHeading={`Told at once (${countOf(entry.booking.attendees.length, "person", "people")})`}
          told={toldOnCase(entry.child, entry.booking.attendees)}
          nobody="Nobody: the booking has no attendees."
          confirmLabel={`Cancel and tell ${countOf(entry.booking.attendees.length, "person", "people")}`}
          busy={busy === "cancelling"}
          error={cancelError}
          onConfirm={() => void cancel()}
          onBack={() => setAskCancel(false)}
        >
          <label for="cancel-reason">Why is it cancelled?</label>
          <select id="cancel-reason" value={cancelReason} onChange={(e) => setCancelReason(e.currentTarget.value)}>
            <option value="">Choose a reason</option>
            {CANCEL_REASONS.map((r) => (
              <option value={r} key={r}>{r}</option>
            ))}
          </select>
          <label for="cancel-detail">More detail</label>
          <textarea id="cancel-detail" value={cancelDetail} onInput={(e) => setCancelDetail(e.currentTarget.value)} />
        </ConfirmStep>
      )}
      {chairs.length > 0 && (
        <fieldset class="card">
          <legend>Chair, by capacity</legend>
          <ul class="plain">
            {chairs.map(({ member, load }) => (
              <li key={member.upn}>
                <label class="inline">
                  <input type="radio" name="chair" checked={chair.upn === member.upn} onChange={() => (setPicked(member.upn), setFinding(null), setSlot(null))} />
                  {member.name} <span class={load.position === "above" ? "overdue-text" : "muted"}>{countOf(load.counted, "child", "children")} at {member.fte} FTE: {perFteWords(load)}</span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      )}
      <section class="card" aria-labelledby="invited-title">
        <div class="row spread">
          <h3 id="invited-title">Invited: {countOf(invited.length, "person", "people")}</h3>
          <button type="button" class="subtle" aria-expanded={editing} aria-controls="booking-details" onClick={() => setEditing(!editing)}>
            {editing ? "Done" : "Change details"}
          </button>
        </div>
        {!editing && (
          <>
            <ul class="plain people">
              {invited.map((a) => (
                <li key={a.address}>
                  {a.name} <span class="role">{ROLE_WORDS[a.role]}</span>
                  {a.type === "optional" && <span class="muted"> (optional)</span>}
                </li>
              ))}
            </ul>
            <p class="muted">
              {minutes / 60} hour{minutes === 60 ? "" : "s"}, {online ? "Teams meeting" : location || "in person"}; times from {dayAndDate(earliest && earliest > noticeFrom ? (earliest as typeof noticeFrom) : noticeFrom)}
            </p>
          </>
        )}
        <div id="booking-details" hidden={!editing} class="stack">
          <fieldset>
            <legend class="visually-hidden">Who is invited</legend>
            <ul class="plain">
              {attendees.map((a, i) => (
                <li key={a.address}>
                  <label class="inline">
                    <input type="checkbox" checked={a.invited} onChange={(e) => { const on = e.currentTarget.checked; setAttendees((prev) => prev.map((x, j) => (j === i ? { ...x, invited: on } : x))); }} />
                    <span>
                      {a.name} <span class="role">{ROLE_WORDS[a.role]}</span>
                      <br />
                      <span class="muted">{a.address}{a.type === "optional" ? " (optional)" : ""}</span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
          </fieldset>
          <div>
            <label for="add-attendee">Add someone (email address)</label>
            <div class="row">
              <input id="add-attendee" type="email" value={newAddress} onInput={(e) => setNewAddress(e.currentTarget.value)} onKeyDown={(e) => e.key === "Enter" && (e.preventDefault(), add())} style="flex:1" {...invalid("add-attendee")} />
              <button type="button" onClick={add}>Add</button>
            </div>
            {fieldMessage("add-attendee")}
          </div>
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
              <input id="earliest" type="date" value={earliest} min={noticeFrom} onInput={(e) => setEarliest(e.currentTarget.value)} aria-describedby="earliest-hint" {...invalid("earliest")} />
            </div>
          </div>
          <p id="earliest-hint" class="hint">
            Not before {dayAndDate(noticeFrom)}: {countOf(noticeDays, "working day's", "working days'")} notice {outsideInvited ? "when family, carers or partners are invited" : "for staff"} (a service setting).
          </p>
          {fieldMessage("earliest")}
          <label class="inline">
            <input type="checkbox" checked={online} onChange={(e) => setOnline(e.currentTarget.checked)} /> Teams meeting
          </label>
          {!online && (
            <>
              <label for="location">Where</label>
              <input id="location" type="text" value={location} onInput={(e) => setLocation(e.currentTarget.value)} />
            </>
          )}
        </div>
        <p class="muted" id="attendee-privacy">
          {hidden
            ? "Each person invited sees only themselves in the invitation, not the others."
            : env.settings.attendeeList === "shown"
              ? "Everyone invited sees who else is invited: the service's settings show invitation lists."
              : "Everyone invited sees who else is invited: they are all council staff."}
          {env.appointment && hidden ? " Outlook's appointment form cannot hide the list, so IRO Desk books and sends this one itself." : ""}
        </p>
      </section>
      <button type="button" class="primary" onClick={find} disabled={busy !== null || invited.length === 0}>
        {busy === "finding" ? "Finding free times…" : "Find free times"}
      </button>
      {finding && <SlotPicker finding={finding} names={names} chosen={slot} onChoose={(s) => (setSlot(s), setFieldError(null))} />}
      {late && (
        <LateReasonFields
          id="late-reason"
          legend="Why after the due-by date?"
          reason={lateReason}
          detail={lateDetail}
          error={fieldError?.field === "late-reason" ? fieldError.message : null}
          onReason={(r) => (setLateReason(r), setFieldError(null))}
          onDetail={setLateDetail}
        />
      )}
      {error && <Notice kind="error">{error}</Notice>}
      {slot && fills && (
        <p class="muted" id="fill-what-happens">
          Outlook fills in and saves this appointment (nobody is invited yet). Microsoft 365 then makes it private, tags it with the case{online ? " and makes it a Teams meeting" : ""}, which Outlook's add-in tools cannot; then the attendees are added for you to check and send.
        </p>
      )}
      {slot && (
        <button type="button" class="primary" onClick={book} disabled={busy !== null} aria-describedby={fills ? "fill-what-happens" : undefined}>
          {busy === "booking" ? "Booking…" : `${fills ? "Fill in appointment" : entry.booking ? "Move booking" : env.appointment ? "Book and send from IRO Desk" : "Book"}: ${timeRange(slot.start, slot.end)}`}
        </button>
      )}
      {finding && !env.appointment && !entry.booking && <ProposeTimes env={env} entry={current} finding={finding} invited={invited} chair={{ address: chair.upn, name: chair.name }} online={online} location={location} onProposed={setProposed} />}
    </section>
  );
}
