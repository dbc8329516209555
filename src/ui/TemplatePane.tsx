import { useMemo, useRef, useState } from "preact/hooks";
import { calendarsFor } from "../app/timescaleOptions.js";
import { insertTemplate, recordRag } from "../app/insertTemplate.js";
import { awaitSending } from "../app/ragOnSend.js";
import type { CaseloadEntry } from "../app/loadCaseload.js";
import { ragEntryFor, templateValues, type RagInput } from "../app/templateValues.js";
import { nameFromAddress } from "../app/bookReview.js";
import { instantToLondon } from "../domain/calendar/londonTime.js";
import { formatUkDate } from "../domain/calendar/ukDate.js";
import type { RagRating } from "../domain/caseload/childCase.js";
import { ragProblems, type RagProblem } from "../domain/rag/ragProblems.js";
import { renderTemplate } from "../domain/templates/emailTemplate.js";
import { LoadingNotices } from "./BookingPane.js";
import { CasePicker } from "./CasePicker.js";
import { ConfirmStep } from "./ConfirmStep.js";
import type { PaneEnv } from "./env.js";
import { EmailPreview } from "./EmailPreview.js";
import { countOf } from "./format.js";
import { errorText, Notice } from "./Notice.js";
import { SentRatings } from "./SentRatings.js";
import { usePaneMarks } from "./paneMarks.js";
import { upToDate, useCaseload } from "./useCaseload.js";
import { useServiceSettings } from "./useServiceSettings.js";

interface ActionRow {
  action: string;
  owner: string;
  days: number;
}

/**
 * Insert a template into the email being written: pick the child and the template, say what the
 * RAG rating and actions are, preview exactly what will go in, insert it at the cursor, and add the
 * case's people as recipients. A RAG email's rating goes in the child's history when the email is
 * sent (seen in Sent Items), never on insert; into a web form, whose sending nothing can see, the
 * IRO records it here once it has gone, after being asked.
 */
export function TemplatePane({ env }: { env: PaneEnv }) {
  const [entry, setEntry] = useState<CaseloadEntry | null>(null);
  const pane = useRef<HTMLDivElement>(null);
  const { state, reload, glance } = useCaseload(env, { view: "templates", pane });
  usePaneMarks(state.kind === "ready" || glance !== null, upToDate(state), state.kind === "failed");
  const settings = useServiceSettings(env);
  const [templateId, setTemplateId] = useState("rag-amber");
  const [rating, setRating] = useState<RagRating>("amber");
  const [concerns, setConcerns] = useState("");
  const [actions, setActions] = useState<ActionRow[]>([{ action: "", owner: "", days: 10 }]);
  const [done, setDone] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<readonly RagProblem[]>([]);
  /** Inserted into a web form: the rating the IRO may record once it has gone (asked first). */
  const [recordable, setRecordable] = useState<{ entry: CaseloadEntry; rag: RagInput } | null>(null);
  const [asking, setAsking] = useState(false);
  const [waitingRound, setWaitingRound] = useState(0);
  const template = settings.templates.find((t) => t.id === templateId) ?? settings.templates[0]!;
  const isRag = template.kind === "rag";
  const calendar = entry ? calendarsFor(env.settings)(entry.child.nation) : null;
  const people = entry ? [entry.child.socialWorker, entry.child.teamManager].filter((a): a is string => a !== null).map((address) => ({ address, name: nameFromAddress(address) })) : [];
  const rag: RagInput | undefined = isRag ? { rating, concerns: concerns.trim(), actions: actions.filter((a) => a.action.trim()).map((a) => ({ action: a.action.trim(), owner: a.owner.trim() || people[0]?.name || "Social worker", dueInWorkingDays: a.days })) } : undefined;
  const rendered = useMemo(() => {
    if (!entry || !calendar) return null;
    try {
      // A booked child's meeting date is known: a consultation request or invitation can give it.
      const meetingDate = entry.booking ? instantToLondon(entry.booking.start).date : null;
      return renderTemplate(template, templateValues({ child: entry.child, next: entry.next, me: env.me, today: env.today(), calendar, settings: env.settings, ...(rag ? { rag } : {}), ...(meetingDate ? { meetingDate } : {}) }), env.settings.classification);
    } catch (e) {
      return e as Error;
    }
  }, [entry, template, rating, concerns, actions, env]);

  const record = async () => {
    if (!recordable) return;
    setBusy(true);
    setError(null);
    try {
      const { entry: on, rag: given } = recordable;
      await recordRag(env.cases, on.stored, ragEntryFor(given, env.today(), calendarsFor(env.settings)(on.child.nation)));
      setRecordable(null);
      setAsking(false);
      setDone(`The ${given.rating} rating is in ref ${on.child.ref}'s RAG history, dated ${formatUkDate(env.today())}.`);
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  /** Refuses a RAG email without what it needs (focus on the first field to fill); true when it may go. */
  const complete = (): boolean => {
    const found = rag ? ragProblems(rag.rating, rag.concerns, rag.actions) : [];
    setProblems(found);
    if (found.length === 0) return true;
    setDone(null);
    document.getElementById(found[0]!.field === "concerns" ? "concerns" : "action-0")?.focus();
    return false;
  };

  /** Out of IRO Desk's sight (a web form, or pasted from the clipboard): the rating is recorded here once it has gone, after asking. */
  const offerToRecord = (on: CaseloadEntry, given: RagInput, said: string, what: string) => {
    setRecordable({ entry: on, rag: given });
    setDone(`${said} IRO Desk cannot see ${what} being sent, so the ${given.rating} rating is not recorded by itself: once it has gone, record it below.`);
  };

  const insert = async () => {
    if (!env.compose || !entry || !rendered || rendered instanceof Error || !calendar || !complete()) return;
    setBusy(true);
    setError(null);
    try {
      await insertTemplate(env.compose, rendered, env.settings.classification);
      const inserted = `Inserted “${template.name}” into ${env.compose.targetName} for ref ${entry.child.ref}.`;
      if (!rag) setDone(inserted);
      else if (env.compose.tag) {
        await awaitSending({ tag: env.compose.tag }, env.drafts, { id: crypto.randomUUID(), caseId: entry.stored.id, ref: entry.child.ref, nation: entry.child.nation, rag, inserted: env.now() });
        setWaitingRound((n) => n + 1);
        setDone(`${inserted} The ${rating} rating goes in the child's RAG history when this email is sent (IRO Desk finds it in your Sent Items). If you discard the email, nothing is recorded.`);
      } else offerToRecord(entry, rag, inserted, "this form");
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  /** Copies the email (formatted and plain text) to paste anywhere: the way in where there is no field to insert into. */
  const copy = async () => {
    if (!entry || !rendered || rendered instanceof Error || !complete()) return;
    setError(null);
    try {
      await env.clipboard.copy(rendered.html, rendered.text);
      const copied = `Copied “${template.name}” for ref ${entry.child.ref}: paste it into the email or form. Its subject: ${rendered.subject}`;
      if (rag) offerToRecord(entry, rag, copied, "what you paste it into");
      else setDone(copied);
    } catch (e) {
      setError(errorText(e));
    }
  };

  return (
    <div class="pane" ref={pane} data-no-picture={entry ? "" : undefined}>
      <h1>Insert a template</h1>
      {!env.compose && <Notice kind="info">Copy a template to paste it anywhere, or open this from an email you are writing (or, in the browser, a field on a web page: right-click it) to insert it there.</Notice>}
      <div class="notes" data-not-kept>
        <SentRatings env={env} round={waitingRound} onRecorded={reload} />
      </div>
      {settings.problem && <Notice kind="error">{settings.problem}</Notice>}
      <div class="notes" data-picture-note>
        <LoadingNotices state={state} reload={reload} glance={glance} />
      </div>
      {(state.kind === "ready" || glance) && (
        <CasePicker entries={state.kind === "ready" ? state.caseload.entries : null} glance={glance?.rows} me={env.me.address} chosen={entry?.stored.id ?? null} onChoose={(e) => (setEntry(e), setDone(null))} />
      )}
      {entry && (
        <section class="stack" aria-labelledby="template-title">
          <h2 id="template-title">What to insert</h2>
          <label for="template">Template</label>
          <select id="template" value={template.id} onChange={(e) => (setTemplateId(e.currentTarget.value), setRating(e.currentTarget.value === "rag-red" ? "red" : e.currentTarget.value === "rag-green" ? "green" : "amber"))}>
            {settings.templates.map((t) => (
              <option value={t.id} key={t.id}>{t.name}</option>
            ))}
          </select>
          {isRag && (
            <>
              <fieldset class="card">
                <legend>RAG rating</legend>
                {(["red", "amber", "green"] as const).map((r) => (
                  <label class="inline" key={r}>
                    <input type="radio" name="rating" checked={rating === r} onChange={() => (setRating(r), setTemplateId(`rag-${r}`))} /> {r.charAt(0).toUpperCase() + r.slice(1)}
                  </label>
                ))}
              </fieldset>
              <label for="concerns">Concerns</label>
              <textarea id="concerns" value={concerns} onInput={(e) => setConcerns(e.currentTarget.value)} {...(problems.some((p) => p.field === "concerns") ? { "aria-invalid": true, "aria-describedby": "rag-problems" } : {})} />
              <fieldset class="card">
                <legend>Actions</legend>
                {actions.map((a, i) => (
                  <div class="row" key={i}>
                    <div style="flex:3;min-width:140px">
                      <label for={`action-${i}`}>Action {i + 1}</label>
                      <input id={`action-${i}`} type="text" {...(i === 0 && problems.some((p) => p.field === "actions") ? { "aria-invalid": true, "aria-describedby": "rag-problems" } : {})} value={a.action} onInput={(e) => { const v = e.currentTarget.value; setActions((prev) => prev.map((x, j) => (j === i ? { ...x, action: v } : x))); }} />
                    </div>
                    <div style="flex:2;min-width:110px">
                      <label for={`owner-${i}`}>Owner</label>
                      <input id={`owner-${i}`} type="text" value={a.owner} placeholder={people[0]?.name ?? "Social worker"} onInput={(e) => { const v = e.currentTarget.value; setActions((prev) => prev.map((x, j) => (j === i ? { ...x, owner: v } : x))); }} />
                    </div>
                    <div style="flex:1;min-width:90px">
                      <label for={`days-${i}`}>Working days</label>
                      <input id={`days-${i}`} type="number" min={1} max={60} value={a.days} onInput={(e) => { const v = Math.max(1, Math.min(60, Number(e.currentTarget.value) || 1)); setActions((prev) => prev.map((x, j) => (j === i ? { ...x, days: v } : x))); }} style="width:100%;min-height:32px" />
                    </div>
                  </div>
                ))}
                <button type="button" onClick={() => setActions((prev) => [...prev, { action: "", owner: "", days: 10 }])}>Add an action</button>
              </fieldset>
            </>
          )}
          <h3>Preview</h3>
          {rendered instanceof Error ? (
            <Notice kind="error">{rendered.message}</Notice>
          ) : (
            rendered && (
              <EmailPreview subject={rendered.subject} blocks={rendered.blocks} />
            )
          )}
          {problems.length > 0 && (
            <div id="rag-problems">
              <Notice kind="error">
                Not inserted:
                <ul>{problems.map((p) => <li key={p.message}>{p.message}</li>)}</ul>
              </Notice>
            </div>
          )}
          {error && <Notice kind="error">{error}</Notice>}
          {done && <Notice kind="success">{done}</Notice>}
          {recordable && (
            <button type="button" aria-expanded={asking} onClick={() => setAsking(true)}>
              Record the {recordable.rag.rating} rating on ref {recordable.entry.child.ref}'s case…
            </button>
          )}
          {recordable && asking && (
            <ConfirmStep
              title={`Record ${recordable.rag.rating} on ref ${recordable.entry.child.ref}'s case?`}
              what={<p>This adds the {recordable.rag.rating} rating, the concern and {countOf(recordable.rag.actions.length, "action")} to the child's RAG history, dated today, and starts its response date. Record it only once the email or letter has gone.</p>}
              told={[]}
              nobody="Nobody is told: this writes to the child's record."
              confirmLabel={`Record the ${recordable.rag.rating} rating`}
              busy={busy}
              onConfirm={() => void record()}
              onBack={() => setAsking(false)}
            />
          )}
          <div class="row">
            {env.compose && (
              <button type="button" class="primary" onClick={insert} disabled={busy || !rendered || rendered instanceof Error}>
                Insert into {env.compose.targetName}
              </button>
            )}
            <button type="button" class={env.compose ? "" : "primary"} onClick={copy} disabled={busy || !rendered || rendered instanceof Error}>
              Copy
            </button>
          </div>
          {people.length > 0 && env.compose?.addRecipients && (
            <button type="button" onClick={() => env.compose!.addRecipients!(people).then(() => setDone(`Added ${people.map((p) => p.name).join(" and ")} to the recipients.`), (e: unknown) => setError(errorText(e)))}>
              Add {people.map((p) => p.name).join(" and ")} to the recipients
            </button>
          )}
        </section>
      )}
    </div>
  );
}
