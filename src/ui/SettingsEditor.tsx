import { useEffect, useState } from "preact/hooks";
import type { LadderStage, LetterTo } from "../domain/disputes/dispute.js";
import { templateProblems, type EmailTemplate } from "../domain/templates/emailTemplate.js";
import type { StoredSettings } from "../ports/SettingsStore.js";
import type { PaneEnv } from "./env.js";
import { ConfirmStep } from "./ConfirmStep.js";
import { errorText, Notice } from "./Notice.js";

/**
 * For managers: the service's email templates and dispute ladder. A template with a placeholder
 * IRO Desk does not know is refused when it is saved, with the reason, and nothing is written;
 * someone else's save in between is reported, never overwritten.
 */
export function SettingsEditor({ env }: { env: PaneEnv }) {
  const [stored, setStored] = useState<StoredSettings | null>(null);
  const [chosen, setChosen] = useState(0);
  const [draft, setDraft] = useState<EmailTemplate | null>(null);
  const [ladder, setLadder] = useState<LadderStage[]>([]);
  const [problems, setProblems] = useState<string[]>([]);
  const [message, setMessage] = useState<{ kind: "success" | "error"; text: string } | null>(null);
  const [round, setRound] = useState(0);
  /** The template asked for while the open one has unsaved edits: switching waits for the user's answer. */
  const [switchTo, setSwitchTo] = useState<number | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    env.serviceSettings.read(abort.signal).then(
      (s) => {
        if (abort.signal.aborted) return;
        setStored(s);
        setLadder([...s.ladder]);
        setDraft(s.templates[chosen] ?? null);
      },
      (e: unknown) => setMessage({ kind: "error", text: errorText(e) }),
    );
    return () => abort.abort();
  }, [env, round]);

  if (!stored || !draft) return <Notice kind="info">Reading the service settings…</Notice>;

  const unsaved = JSON.stringify(draft) !== JSON.stringify(stored.templates[chosen]);
  const open = (index: number) => {
    setChosen(index);
    setDraft(stored.templates[index]!);
    setProblems([]);
    setSwitchTo(null);
  };
  const save = async () => {
    const found = [...templateProblems(draft), ...ladder.flatMap((s, i) => [...(s.name.trim() === "" ? [`Stage ${i + 1} needs a name.`] : s.responseDays !== null && (s.responseDays < 1 || s.responseDays > 60) ? [`Stage ${i + 1}: response days must be 1 to 60.`] : []), ...letterToProblems(s, i)])];
    setProblems(found);
    setMessage(null);
    if (found.length > 0) return;
    try {
      const templates = stored.templates.map((t, i) => (i === chosen ? draft : t));
      const saved = await env.serviceSettings.save({ templates, ladder }, stored.version);
      setStored(saved);
      setDraft(saved.templates[chosen] ?? draft);
      setMessage({ kind: "success", text: `Saved “${draft.name}” and the dispute ladder.` });
    } catch (e) {
      setMessage({ kind: "error", text: errorText(e) });
    }
  };

  return (
    <section aria-labelledby="settings-title" class="stack">
      <h1 id="settings-title">Templates and the dispute ladder</h1>
      <label for="edit-template">Template</label>
      <select
        id="edit-template"
        value={chosen}
        onChange={(e) => {
          const index = Number(e.currentTarget.value);
          if (!unsaved) return open(index);
          // Unsaved edits are never dropped without asking: the list stays on the open template until the answer.
          e.currentTarget.value = String(chosen);
          setSwitchTo(index);
        }}
      >
        {stored.templates.map((t, i) => <option key={t.id} value={i}>{t.name}</option>)}
      </select>
      {switchTo !== null && (
        <ConfirmStep
          title="Discard your changes?"
          what={<p>You have changed “{stored.templates[chosen]!.name}” and not saved it. Opening “{stored.templates[switchTo]!.name}” discards those changes.</p>}
          confirmLabel={`Discard the changes and open “${stored.templates[switchTo]!.name}”`}
          onConfirm={() => open(switchTo)}
          onBack={() => setSwitchTo(null)}
        />
      )}
      <label for="edit-name">Name</label>
      <input id="edit-name" type="text" value={draft.name} onInput={(e) => { const name = e.currentTarget.value; setDraft((d) => d && { ...d, name }); }} />
      <label for="edit-subject">Subject</label>
      <input id="edit-subject" type="text" value={draft.subject} onInput={(e) => { const subject = e.currentTarget.value; setDraft((d) => d && { ...d, subject }); }} />
      <label for="edit-body">Body</label>
      <textarea id="edit-body" value={draft.body} onInput={(e) => { const body = e.currentTarget.value; setDraft((d) => d && { ...d, body }); }} style="min-height:240px;font-family:inherit" />
      <p class="muted">Placeholders are written like {"{{caseRef}}"}. A blank line starts a new paragraph; “- ” starts a bullet; {"{{actions}}"} on a line of its own is the list of actions.</p>
      <fieldset class="card">
        <legend>Dispute ladder</legend>
        {ladder.map((s, i) => (
          <div class="row" key={i}>
            <div style="flex:3;min-width:160px">
              <label for={`stage-name-${i}`}>Stage {i + 1}</label>
              <input id={`stage-name-${i}`} type="text" value={s.name} onInput={(e) => { const name = e.currentTarget.value; setLadder((prev) => prev.map((x, j) => (j === i ? { ...x, name } : x))); }} />
            </div>
            <div style="flex:1;min-width:100px">
              <label for={`stage-days-${i}`}>Response days</label>
              <input id={`stage-days-${i}`} type="number" min={1} max={60} value={s.responseDays ?? ""} disabled={s.responseDays === null} onInput={(e) => { const days = Number(e.currentTarget.value); setLadder((prev) => prev.map((x, j) => (j === i ? { ...x, responseDays: days } : x))); }} style="width:100%;min-height:32px" />
            </div>
            <LetterToFields stage={s} index={i} onChange={(letterTo) => setLadder((prev) => prev.map((x, j) => (j === i ? withLetterTo(x, letterTo) : x)))} />
          </div>
        ))}
      </fieldset>
      {problems.length > 0 && (
        <Notice kind="error">
          Not saved:
          <ul>{problems.map((p) => <li key={p}>{p}</li>)}</ul>
        </Notice>
      )}
      {message && (
        <Notice kind={message.kind}>
          {message.text} {message.kind === "error" && <button type="button" onClick={() => setRound((n) => n + 1)}>Reload</button>}
        </Notice>
      )}
      <button type="button" class="primary" onClick={save}>Save</button>
    </section>
  );
}

/** Who a stage's letter goes to: a role on the child's case, or a named person the case does not hold. */
function LetterToFields({ stage, index, onChange }: { stage: LadderStage; index: number; onChange: (to: LetterTo | undefined) => void }) {
  const to = stage.letterTo;
  const kind = !to ? "" : "role" in to ? to.role : "named";
  return (
    <div style="flex-basis:100%" class="stack">
      <label for={`stage-to-${index}`}>Stage {index + 1} letter goes to</label>
      <select id={`stage-to-${index}`} value={kind} onChange={(e) => { const v = e.currentTarget.value; onChange(v === "" ? undefined : v === "named" ? { name: "", address: "" } : { role: v as "social-worker" | "team-manager" }); }}>
        <option value="">No one yet (no letter opens)</option>
        <option value="social-worker">The child's social worker</option>
        <option value="team-manager">The child's team manager</option>
        <option value="named">A named person</option>
      </select>
      {to && "address" in to && (
        <div class="row">
          <div style="flex:1;min-width:120px">
            <label for={`stage-to-name-${index}`}>Stage {index + 1}: their name</label>
            <input id={`stage-to-name-${index}`} type="text" value={to.name} onInput={(e) => onChange({ ...to, name: e.currentTarget.value })} />
          </div>
          <div style="flex:1;min-width:160px">
            <label for={`stage-to-address-${index}`}>Stage {index + 1}: their email address</label>
            <input id={`stage-to-address-${index}`} type="email" value={to.address} onInput={(e) => onChange({ ...to, address: e.currentTarget.value.trim() })} />
          </div>
        </div>
      )}
    </div>
  );
}

function withLetterTo(stage: LadderStage, letterTo: LetterTo | undefined): LadderStage {
  const { letterTo: _old, ...rest } = stage;
  return letterTo ? { ...rest, letterTo } : rest;
}

function letterToProblems(stage: LadderStage, i: number): string[] {
  const to = stage.letterTo;
  if (!to || "role" in to) return [];
  return [...(to.name.trim() === "" ? [`Stage ${i + 1}: give the name of the person its letter goes to.`] : []), ...(!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(to.address) ? [`Stage ${i + 1}: give the email address its letter goes to.`] : [])];
}
