import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "preact/hooks";
import { calendarsFor, timescaleOptions } from "../app/timescaleOptions.js";
import { refreshedEntry, type Caseload, type CaseloadEntry } from "../app/loadCaseload.js";
import { bookingForMeeting } from "../app/bookingForMeeting.js";
import { correctRecord, saveRecord, sendDecisions } from "../app/recordOutcome.js";
import { remindRecord } from "../app/recordReminder.js";
import { markMinutesSent } from "../app/markMinutesSent.js";
import { addWorkingDays } from "../domain/calendar/addWorkingDays.js";
import { parseIsoDate, type IsoDate } from "../domain/calendar/isoDate.js";
import { instantToLondon } from "../domain/calendar/londonTime.js";
import { formatUkDate } from "../domain/calendar/ukDate.js";
import { workingDays } from "../domain/calendar/workingCalendar.js";
import { assessChild } from "../domain/caseload/assessChild.js";
import { PARTICIPATION_CODES, type ParticipationCode, type RagRating } from "../domain/caseload/childCase.js";
import { DEFAULT_AGENDAS } from "../domain/checklists/agendas.js";
import { applyRecord, HARM_CATEGORIES, newRecord, ratesCarePlan, recordProblems, type MeetingRecord } from "../domain/checklists/meetingRecord.js";
import { EVENT_NAMES, isInitialConference, meetingName } from "../domain/timescales/ruleSets.js";
import type { StoredCase } from "../ports/CaseStore.js";
import { ConflictError, PortError } from "../ports/errors.js";
import { recordedMeeting } from "../domain/checklists/recordedMeeting.js";
import { toldOnCase } from "../app/casePeople.js";
import { BookChildLater } from "./bookChildLater.js";
import { ConfirmStep } from "./ConfirmStep.js";
import { LoadingNotices } from "./BookingPane.js";
import { CasePicker } from "./CasePicker.js";
import type { PaneEnv } from "./env.js";
import { countOf, dayAndDate } from "./format.js";
import { errorText, Notice } from "./Notice.js";
import { RagBadge } from "./RagBadge.js";
import { usePaneMarks } from "./paneMarks.js";
import { upToDate, useCaseload } from "./useCaseload.js";
import { useServiceSettings } from "./useServiceSettings.js";

const PN_WORDS: Readonly<Record<ParticipationCode, string>> = {
  PN0: "PN0: child under 4",
  PN1: "PN1: attended and spoke for themselves",
  PN2: "PN2: attended, an advocate spoke for them",
  PN3: "PN3: attended, conveyed views symbolically",
  PN4: "PN4: attended, did not speak",
  PN5: "PN5: did not attend, briefed an advocate",
  PN6: "PN6: did not attend, views conveyed another way",
  PN7: "PN7: did not attend or convey views",
};

interface Draft {
  readonly record: MeetingRecord;
  /** "Finish" was pressed but the save did not get through: it is tried again when the panel opens. */
  readonly pendingFinish: boolean;
}

/**
 * The chair's checklist in a Teams meeting: the agenda the law expects, what was agreed last time,
 * and the outcome (RAG, participation, decisions, actions, the next statutory date). Everything is
 * kept on this device as it is typed; "Finish" checks the record, saves it to the case store, sends
 * CP decisions the same day, and offers to book the next review.
 */
export function ChecklistPane({ env }: { env: PaneEnv }) {
  if (!env.meeting) return <div class="pane"><Notice kind="info">Open the checklist from a meeting: add IRO Desk to the meeting's side panel in Teams.</Notice></div>;
  return <MeetingChecklist env={env} meetingId={env.meeting.chatId} />;
}

function MeetingChecklist({ env, meetingId }: { env: PaneEnv; meetingId: string }) {
  const { state, reload } = useCaseload(env);
  const [ref, setRef] = useState<string | null>(() => env.drafts.load<string>(`meeting:${meetingId}`));
  const [bookedOn, setBookedOn] = useState<IsoDate | null>(null);
  const [looked, setLooked] = useState(false);
  useEffect(() => {
    const abort = new AbortController();
    bookingForMeeting(env.calendar, env.meetingChats, meetingId, env.today(), abort.signal).then(
      (b) => {
        if (abort.signal.aborted) return;
        if (b?.caseRef) {
          setRef(b.caseRef);
          setBookedOn(instantToLondon(b.start).date);
        }
        setLooked(true);
      },
      () => setLooked(true),
    );
    return () => abort.abort();
  }, [env]);
  usePaneMarks(state.kind === "ready" && looked, looked && upToDate(state));
  // Being saved, or saved, from this panel now (a finish that waited for the connection, say): the
  // checklist stays, with what it says was done, when the register brought up to date shows the record.
  const [savingHere, setSavingHere] = useState(false);
  // A meeting records one review: once it has, the panel shows that record, whichever child it is on.
  const recorded = useMemo(() => (state.kind === "ready" && !savingHere ? recordedIn(state.caseload.entries, meetingId, env) : null), [state, meetingId, savingHere]);
  const entry = state.kind === "ready" && ref && !recorded ? (state.caseload.entries.find((e) => e.child.ref === ref) ?? null) : null;
  return (
    <div class="pane">
      <h1>Review checklist</h1>
      <LoadingNotices state={state} reload={reload} />
      {recorded && state.kind === "ready" && <RecordedReview key={recorded.entry.stored.id + recorded.entry.stored.version} env={env} meetingId={meetingId} {...recorded} caseload={state.caseload} reload={reload} />}
      {state.kind === "ready" && looked && !ref && !recorded && (
        <>
          <Notice kind="info">This meeting is not linked to a child's booking. Choose the child once; IRO Desk remembers it for this meeting.</Notice>
          <CasePicker entries={state.caseload.entries} me={env.me.address} chosen={null} onChoose={(e) => (env.drafts.save(`meeting:${meetingId}`, e.child.ref), setRef(e.child.ref))} />
        </>
      )}
      {entry && <Checklist key={entry.stored.id} env={env} meetingId={meetingId} entry={entry} bookedOn={bookedOn} caseload={state.kind === "ready" ? state.caseload : null} reload={reload} onSaving={setSavingHere} />}
    </div>
  );
}

/** Correcting the record a meeting saved: the record as read back, on the case version it was read from. */
interface Correcting {
  readonly record: MeetingRecord;
  readonly stored: StoredCase;
  readonly done: () => void;
}

function Checklist({ env, meetingId, entry, bookedOn, caseload, reload, correcting = null, onSaving }: { env: PaneEnv; meetingId: string; entry: CaseloadEntry; bookedOn: IsoDate | null; caseload: Caseload | null; reload: () => void; correcting?: Correcting | null; onSaving?: (saving: boolean) => void }) {
  const settings = useServiceSettings(env);
  const key = `${correcting ? "correct" : "draft"}:${meetingId}:${entry.child.ref}`;
  const calendar = calendarsFor(env.settings)(entry.child.nation);
  const [draft, setDraft] = useState<Draft>(() => {
    const saved = env.drafts.load<Draft>(key);
    if (saved) return saved;
    if (correcting) return { record: correcting.record, pendingFinish: false };
    const next = entry.next!;
    return { record: { ...newRecord(entry.child.ref, next, env.settings.agendas[next.event] ?? DEFAULT_AGENDAS[next.event], meetingId), meetingDate: bookedOn ?? env.today() }, pendingFinish: false };
  });
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState<{ kind: "error" | "success" | "info"; text: string } | null>(null);
  const [saved, setSaved] = useState<StoredCase | null>(null);
  const [booking, setBooking] = useState(false);
  const retry = useRef<ReturnType<typeof setTimeout> | null>(null);
  const record = draft.record;
  const update = (change: (r: MeetingRecord) => MeetingRecord) => setDraft((d) => ({ ...d, record: change(d.record) }));
  // Every change is kept on this device at once: closing the panel loses nothing. A layout effect
  // runs as the change is drawn; a plain effect waits for the next frame, and a panel closed or
  // reloaded straight after typing lost the last words.
  useLayoutEffect(() => void (!saved && env.drafts.save(key, draft)), [draft, saved]);

  const [asking, setAsking] = useState(false);
  const [conflict, setConflict] = useState(false);
  const decisionsTo = record.track === "cp" && !correcting ? toldOnCase(entry.child, [entry.child.socialWorker, entry.child.teamManager].filter((a): a is string => a !== null).map((address) => ({ address }))) : [];
  /** "Finish": the record is checked, then the chair is asked before it goes on the case (and, for CP, the decisions go out). */
  const check = () => {
    const found = recordProblems(record, entry.child, env.today());
    setProblems(found);
    setAsking(found.length === 0);
  };
  const finish = async () => {
    setAsking(false);
    setDraft((d) => ({ ...d, pendingFinish: true }));
    onSaving?.(true);
    setStatus({ kind: "info", text: "Saving…" });
    try {
      if (correcting) {
        // A correction replaces what the meeting saved, on the version read: someone else's change since is never overwritten.
        const stored = await correctRecord(env.cases, correcting.stored, record, calendar);
        env.drafts.remove(key);
        if (retry.current) clearTimeout(retry.current);
        setSaved(stored);
        setStatus({ kind: "success", text: "Corrected on the case record. Nobody was emailed." });
        return;
      }
      let stored = await saveRecord(env.cases, entry.stored, record, calendar);
      let sent = "";
      if (record.track === "cp") {
        const template = settings.templates.find((t) => t.id === "decisions-circulation") ?? settings.templates.find((t) => t.kind === "decisions")!;
        const to = await sendDecisions(env.mail, entry.stored, record, template, env.me, env.today(), calendar, env.settings);
        if (to.length > 0) stored = await markMinutesSent(env.cases, stored, { track: "cp", held: record.meetingDate! }, "decisions", env.today());
        sent = to.length > 0 ? ` Decisions sent to ${countOf(to.length, "person", "people")} (due by ${formatUkDate(addWorkingDays(calendar, record.meetingDate!, workingDays(env.settings.recordDeadlines.cp.decisions)))}).` : "";
      }
      // The full record's due date goes in the chair's own calendar as a reminder (cleared when it is marked sent).
      const reminder = await remindRecord(env.reminders, { ref: entry.child.ref, track: record.track, event: record.event, number: record.number, held: record.meetingDate! }, env.settings, calendar, env.today()).then(
        (r) => ` Your calendar reminds you of the full record on ${formatUkDate(r.remindOn)} (due by ${formatUkDate(r.dueBy)}).`,
        (e: unknown) => ` The reminder for the full record was not set: ${errorText(e)}`,
      );
      // Saved: nothing of this meeting stays on the device (the panel finds the record on the case from now on).
      env.drafts.remove(key);
      env.drafts.remove(`meeting:${meetingId}`);
      if (retry.current) clearTimeout(retry.current);
      setSaved(stored);
      setStatus({ kind: "success", text: `Saved to the case record.${sent}${reminder}` });
    } catch (error) {
      const offline = (error instanceof PortError && error.retryable) || error instanceof TypeError;
      if (offline) {
        setStatus({ kind: "error", text: "Not saved yet: IRO Desk could not reach Microsoft 365. The record is kept on this device and will be saved when the connection is back." });
        retry.current = setTimeout(() => void finish(), 20_000);
      } else {
        onSaving?.(false);
        setDraft((d) => ({ ...d, pendingFinish: false }));
        setStatus({ kind: "error", text: errorText(error) });
        if (correcting && error instanceof ConflictError) setConflict(true);
      }
    }
  };
  // A finish that did not get through last time is tried again when the panel opens.
  useEffect(() => {
    if (draft.pendingFinish) void finish();
    return () => void (retry.current && clearTimeout(retry.current));
  }, []);

  const next = useMemo(() => {
    if (!record.meetingDate) return null;
    const after = applyRecord(entry.child, record, calendar);
    return assessChild(after, record.meetingDate, timescaleOptions(env.settings)).next;
  }, [record, entry]);
  const lastRag = entry.child.rag[entry.child.rag.length - 1];

  if (booking && caseload && saved) {
    // The case as just saved: its next event is the one after this meeting.
    const fresh = refreshedEntry(null, saved, env.today(), env.settings);
    return <BookChildLater env={env} entry={fresh} caseload={caseload} onBooked={() => (setBooking(false), reload())} />;
  }
  const title = `${meetingName(record.event, record.number)} – ref ${entry.child.ref}`;
  return (
    <section aria-labelledby="checklist-title" class="stack">
      <h2 id="checklist-title">{correcting ? `Correct: ${title}` : title}</h2>
      <p class="muted">{entry.child.childName}</p>
      {settings.problem && <Notice kind="error">{settings.problem}</Notice>}
      <p class="muted" id="draft-note">
        {correcting ? "This correction is" : "This record is"} kept on this device as you type, and only until it is saved to the case: then it is removed from this device. Unsaved, it is deleted from this device after {countOf(env.settings.draftKeepDays, "day")}.
      </p>
      {lastRag && (
        <div class="card">
          <h3 style="margin-top:0">Last time ({formatUkDate(lastRag.date)})</h3>
          <p>
            <RagBadge rating={lastRag.rating} /> {lastRag.reason}
          </p>
          {lastRag.actions && lastRag.actions.length > 0 && (
            <ul>
              {lastRag.actions.map((a, i) => (
                <li key={i}>
                  {a.action} – {a.owner}, by {formatUkDate(a.due)}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      <label for="meeting-date">Date of the meeting</label>
      <input id="meeting-date" type="date" value={record.meetingDate ?? ""} max={env.today()} onInput={(e) => { const d = parseIsoDate(e.currentTarget.value) ?? null; update((r) => ({ ...r, meetingDate: d })); }} />
      {next && (
        <p>
          <strong>Next:</strong> {meetingName(next.event, next.number)} due by {dayAndDate(next.dueBy)}
        </p>
      )}
      {record.items.length > 0 && <fieldset class="card">
        <legend>Agenda</legend>
        <ul class="plain">
          {record.items.map((item, i) => (
            <li key={item.item} class="stack" style="margin-bottom:8px">
              <label class="inline">
                <input type="checkbox" checked={item.done} onChange={(e) => { const done = e.currentTarget.checked; update((r) => ({ ...r, items: r.items.map((x, j) => (j === i ? { ...x, done } : x)) })); }} />
                {item.item}
              </label>
              <label for={`note-${i}`} class="visually-hidden">Notes: {item.item}</label>
              <textarea id={`note-${i}`} placeholder="Notes (saved with the record)" value={item.note} style="min-height:36px" onInput={(e) => { const note = e.currentTarget.value; update((r) => ({ ...r, items: r.items.map((x, j) => (j === i ? { ...x, note } : x)) })); }} />
            </li>
          ))}
        </ul>
      </fieldset>}
      {ratesCarePlan(record.track) ? (
        <>
          <fieldset class="card">
            <legend>RAG rating of the care plan</legend>
            {(["red", "amber", "green"] as RagRating[]).map((r) => (
              <label class="inline" key={r}>
                <input type="radio" name="rating" checked={record.rating === r} onChange={() => update((x) => ({ ...x, rating: r }))} /> {r.charAt(0).toUpperCase() + r.slice(1)}
              </label>
            ))}
            <label for="rating-reason">Reason</label>
            <textarea id="rating-reason" value={record.ratingReason} onInput={(e) => { const v = e.currentTarget.value; update((r) => ({ ...r, ratingReason: v })); }} />
          </fieldset>
          <label for="participation">How the child took part</label>
          <select id="participation" value={record.participation ?? ""} onChange={(e) => { const v = (e.currentTarget.value || null) as ParticipationCode | null; update((r) => ({ ...r, participation: v })); }}>
            <option value="">Choose</option>
            {PARTICIPATION_CODES.map((c) => <option key={c} value={c}>{PN_WORDS[c]}</option>)}
          </select>
          <fieldset class="card">
            <legend>Did you see or speak to the child before the review?</legend>
            <label class="inline"><input type="radio" name="seen" checked={record.seenBeforeReview === true} onChange={() => update((r) => ({ ...r, seenBeforeReview: true }))} /> Yes</label>
            <label class="inline"><input type="radio" name="seen" checked={record.seenBeforeReview === false} onChange={() => update((r) => ({ ...r, seenBeforeReview: false }))} /> No</label>
          </fieldset>
        </>
      ) : record.track === "cp" && (
        <fieldset class="card">
          <legend>{isInitialConference(record.event) ? "Is the child to be subject to a child protection plan?" : "Does the child protection plan continue?"}</legend>
          <label class="inline"><input type="radio" name="plan" checked={record.planContinues === true} onChange={() => update((r) => ({ ...r, planContinues: true }))} /> Yes</label>
          <label class="inline"><input type="radio" name="plan" checked={record.planContinues === false} onChange={() => update((r) => ({ ...r, planContinues: false }))} /> No</label>
          {record.planContinues && (
            <>
              <label for="category">Category of harm</label>
              <select id="category" value={record.category ?? ""} onChange={(e) => { const v = e.currentTarget.value || null; update((r) => ({ ...r, category: v })); }}>
                <option value="">Choose</option>
                {HARM_CATEGORIES.map((c) => <option key={c} value={c}>{c}</option>)}
              </select>
            </>
          )}
        </fieldset>
      )}
      <label for="decisions">Decisions (one a line)</label>
      <textarea id="decisions" value={record.decisions.join("\n")} onInput={(e) => { const v = e.currentTarget.value.split("\n"); update((r) => ({ ...r, decisions: v })); }} />
      <fieldset class="card">
        <legend>Actions</legend>
        {record.actions.map((a, i) => (
          <div class="row" key={i}>
            <div style="flex:3;min-width:120px">
              <label for={`cl-action-${i}`}>Action {i + 1}</label>
              <input id={`cl-action-${i}`} type="text" value={a.action} onInput={(e) => { const v = e.currentTarget.value; update((r) => ({ ...r, actions: r.actions.map((x, j) => (j === i ? { ...x, action: v } : x)) })); }} />
            </div>
            <div style="flex:2;min-width:100px">
              <label for={`cl-owner-${i}`}>Owner</label>
              <input id={`cl-owner-${i}`} type="text" value={a.owner} onInput={(e) => { const v = e.currentTarget.value; update((r) => ({ ...r, actions: r.actions.map((x, j) => (j === i ? { ...x, owner: v } : x)) })); }} />
            </div>
            <div style="flex:1;min-width:80px">
              <label for={`cl-days-${i}`}>Working days</label>
              <input id={`cl-days-${i}`} type="number" min={1} max={130} value={a.dueInWorkingDays} style="width:100%;min-height:32px" onInput={(e) => { const v = Number(e.currentTarget.value); update((r) => ({ ...r, actions: r.actions.map((x, j) => (j === i ? { ...x, dueInWorkingDays: v } : x)) })); }} />
            </div>
          </div>
        ))}
        <button type="button" onClick={() => update((r) => ({ ...r, actions: [...r.actions, { action: "", owner: "", dueInWorkingDays: 10 }] }))}>Add an action</button>
      </fieldset>
      {problems.length > 0 && (
        <Notice kind="error">
          Before finishing:
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </Notice>
      )}
      {status && <Notice kind={status.kind}>{status.text}</Notice>}
      {conflict && correcting && <button type="button" onClick={correcting.done}>Reload the record</button>}
      {!saved ? (
        <div class="row">
          <button type="button" class="primary" aria-expanded={asking} onClick={check}>{correcting ? "Save the correction" : "Finish"}</button>
          {correcting && <button type="button" onClick={correcting.done}>Leave it as it was</button>}
        </div>
      ) : correcting ? (
        <button type="button" class="primary" onClick={correcting.done}>Back to the record</button>
      ) : (
        <div class="row">
          <button type="button" class="primary" onClick={() => setBooking(true)}>Book the next review</button>
        </div>
      )}
      {asking && !saved && (
        <ConfirmStep
          title={correcting ? `Correct the ${EVENT_NAMES[record.event]} on ref ${entry.child.ref}'s case?` : `Save the ${EVENT_NAMES[record.event]} to ref ${entry.child.ref}'s case?`}
          what={
            <p>
              Held on {record.meetingDate ? dayAndDate(record.meetingDate) : "?"}
              {record.rating ? `, rated ${record.rating.charAt(0).toUpperCase()}${record.rating.slice(1)}` : ""}
              {record.track === "cp" ? `; the plan ${record.planContinues ? (isInitialConference(record.event) ? "is made" : "continues") : "ends"}` : ""}
              ; {countOf(record.decisions.filter((d) => d.trim()).length, "decision")} and {countOf(record.actions.length, "action")}. {correcting ? "It replaces what this meeting recorded on the child's case." : "It goes on the child's record now."}
              {record.track === "cp" && !correcting ? " The decisions are emailed now, through the service's decisions template." : ""}
            </p>
          }
          toldHeading="The decisions are emailed to"
          told={decisionsTo}
          nobody={correcting ? "Nobody is emailed: a correction is not sent. If the decisions changed, tell the people who had them." : record.track === "cp" ? "Nobody: the case names no social worker or team manager, so the decisions are not emailed." : "Nobody is emailed: the record is saved to the case."}
          confirmLabel={decisionsTo.length > 0 ? `Save and email the decisions to ${countOf(decisionsTo.length, "person", "people")}` : "Save to the case"}
          onConfirm={() => void finish()}
          onBack={() => setAsking(false)}
        />
      )}
    </section>
  );
}

/** The review a meeting recorded, on whichever child's case it is, read back as a record. */
function recordedIn(entries: readonly CaseloadEntry[], meetingId: string, env: PaneEnv): { entry: CaseloadEntry; record: MeetingRecord } | null {
  const calendarFor = calendarsFor(env.settings);
  for (const entry of entries) {
    const record = recordedMeeting(entry.child, meetingId, calendarFor(entry.child.nation), (event) => env.settings.agendas[event] ?? DEFAULT_AGENDAS[event]);
    if (record) return { entry, record };
  }
  return null;
}

/**
 * What this meeting recorded, as the case holds it: shown instead of a blank checklist when the
 * panel is opened again (a meeting records one review), with a way to correct it (saved on the
 * version read, never over someone else's change) and to book the next review.
 */
function RecordedReview({ env, meetingId, entry, record, caseload, reload }: { env: PaneEnv; meetingId: string; entry: CaseloadEntry; record: MeetingRecord; caseload: Caseload; reload: () => void }) {
  const [mode, setMode] = useState<"view" | "correct" | "book">("view");
  if (mode === "correct") return <Checklist env={env} meetingId={meetingId} entry={entry} bookedOn={null} caseload={caseload} reload={reload} correcting={{ record, stored: entry.stored, done: () => (setMode("view"), reload()) }} />;
  if (mode === "book") return <BookChildLater env={env} entry={entry} caseload={caseload} onBooked={() => (setMode("view"), reload())} />;
  const title = `${meetingName(record.event, record.number)} – ref ${entry.child.ref}`;
  const rows: [string, string][] = [
    ["Held", record.meetingDate ? dayAndDate(record.meetingDate) : ""],
    ...(ratesCarePlan(record.track)
      ? ([
          ["RAG rating", record.rating ? `${record.rating.charAt(0).toUpperCase()}${record.rating.slice(1)}: ${record.ratingReason}` : "None recorded"],
          ["How the child took part", record.participation ? PN_WORDS[record.participation] : "Not recorded"],
          ["Seen or spoken to before the review", record.seenBeforeReview === null ? "Not recorded" : record.seenBeforeReview ? "Yes" : "No"],
        ] as [string, string][])
      : record.track === "cp"
        ? ([
            [isInitialConference(record.event) ? "Child protection plan" : "The plan", record.planContinues ? `${isInitialConference(record.event) ? "Made" : "Continues"}${record.category ? ` (${record.category})` : ""}` : "Ends"],
          ] as [string, string][])
        : []),
  ];
  return (
    <section aria-labelledby="recorded-title" class="stack">
      <h2 id="recorded-title">{title}: recorded</h2>
      <Notice kind="info">This meeting's record is on the child's case. A meeting records one review: to change it, correct this record.</Notice>
      <dl class="record">
        {rows.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
        <div>
          <dt>Decisions</dt>
          <dd>{record.decisions.length > 0 ? <ul>{record.decisions.map((d) => <li key={d}>{d}</li>)}</ul> : "None recorded"}</dd>
        </div>
        {record.items.some((i) => i.note) && (
          <div>
            <dt>Agenda notes</dt>
            <dd>
              <ul>{record.items.filter((i) => i.note).map((i) => <li key={i.item}>{i.item}: {i.note}</li>)}</ul>
            </dd>
          </div>
        )}
        {record.actions.length > 0 && (
          <div>
            <dt>Actions</dt>
            <dd>
              <ul>{record.actions.map((a, i) => <li key={i}>{a.action} – {a.owner}, by {record.meetingDate ? formatUkDate(addWorkingDays(calendarsFor(env.settings)(entry.child.nation), record.meetingDate, workingDays(a.dueInWorkingDays))) : "?"}</li>)}</ul>
            </dd>
          </div>
        )}
      </dl>
      <div class="row">
        <button type="button" onClick={() => setMode("correct")}>Correct this record</button>
        {entry.next && <button type="button" class="primary" onClick={() => setMode("book")}>{entry.booking ? "See the next booking" : "Book the next review"}</button>}
      </div>
    </section>
  );
}
