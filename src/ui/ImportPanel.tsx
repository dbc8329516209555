import { useEffect, useState } from "preact/hooks";
import { countOf } from "./format.js";
import { writeCsv } from "../app/csv/writeCsv.js";
import { applyImport, type ImportOutcome } from "../app/import/applyImport.js";
import { PROBLEM_COLUMNS, problemCounts, problemRow, type CsvFile, type ImportProblem } from "../app/import/importProblem.js";
import { planImport, type ImportPlan } from "../app/import/planImport.js";
import { readImportFiles } from "../app/import/readImportFiles.js";
import type { StoredCase, UnreadableCase } from "../ports/CaseStore.js";
import type { PaneEnv } from "./env.js";
import { errorText, Notice } from "./Notice.js";

const FILES = [
  { key: "episodes", label: "SSDA903 episodes (episodes.csv)" },
  { key: "reviews", label: "SSDA903 reviews (reviews.csv)" },
  { key: "header", label: "SSDA903 header (header.csv), for dates of birth" },
  { key: "cp", label: "CP plans (CHILD, DOB, STRATEGY, ICPC, REVIEWS, PLAN_END, CATEGORY, CHAIR)" },
  { key: "allocation", label: "IRO allocation (CHILD, IRO, SOCIAL_WORKER, TEAM_MANAGER)" },
] as const;
type Key = (typeof FILES)[number]["key"];

/** An import compares the files with the register each time (planImport), so running it again writes only what is still missing. */
const RESUME = "If it stops part-way (the page closed, the connection lost), check and write the same files again: children already written are not written twice, and the rest are added.";

/**
 * Import from the national return: check the files first (every bad row listed, good rows kept),
 * see what would change, then write: new children straight away, changes to children already in
 * the register only when confirmed. A progress bar follows the writing.
 */
export function ImportPanel({ env }: { env: PaneEnv }) {
  const [files, setFiles] = useState<Partial<Record<Key, File>>>({});
  const [checked, setChecked] = useState<{ problems: ImportProblem[]; plan: ImportPlan } | null>(null);
  const [confirmChanges, setConfirmChanges] = useState(false);
  const [progress, setProgress] = useState<{ done: number; total: number } | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [writing, setWriting] = useState(false);
  // Leaving while children are being written stops the import part-way: the browser asks first
  // (preventDefault, with returnValue for older engines; shown only after a user gesture, which
  // pressing "Write" is: developer.mozilla.org/docs/Web/API/Window/beforeunload_event).
  useEffect(() => {
    if (!writing) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [writing]);

  const check = async () => {
    if (Boolean(files.episodes) !== Boolean(files.reviews)) return setError("Choose both the episodes and the reviews file: they go together.");
    setBusy(true);
    setError(null);
    setChecked(null);
    setOutcome(null);
    try {
      const text = async (key: Key): Promise<CsvFile | undefined> => (files[key] ? { name: files[key]!.name, text: await files[key]!.text() } : undefined);
      const [episodes, reviews, header, cp, allocationFile] = await Promise.all(FILES.map((f) => text(f.key)));
      const stored: StoredCase[] = [];
      const unreadable: UnreadableCase[] = [];
      for await (const page of env.cases.readCases()) {
        stored.push(...page.cases);
        unreadable.push(...page.unreadable);
      }
      const { imported, problems } = readImportFiles({ episodes, reviews, header, cp, allocation: allocationFile }, stored.map((s) => s.childCase));
      setChecked({ problems, plan: planImport(stored, imported, unreadable) });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  const apply = async () => {
    if (!checked) return;
    setBusy(true);
    setWriting(true);
    setError(null);
    try {
      setOutcome(await applyImport(env.cases, checked.plan, confirmChanges, (done, total) => setProgress({ done, total })));
    } catch (e) {
      setError(`${errorText(e)} ${RESUME}`);
    } finally {
      setWriting(false);
      setBusy(false);
    }
  };

  const problemsCsv = checked && checked.problems.length > 0 ? URL.createObjectURL(new Blob([writeCsv([[...PROBLEM_COLUMNS], ...checked.problems.map(problemRow)])], { type: "text/csv" })) : null;
  const rowsLeftOut = checked ? new Set(checked.problems.map((p) => `${p.file}\n${p.row}`)).size : 0;
  return (
    <section aria-labelledby="import-title" class="stack">
      <h1 id="import-title">Import from the national return</h1>
      <p class="muted">Nothing is written until you press the button to add or change children.</p>
      {FILES.map((f) => (
        <div key={f.key}>
          <label for={`file-${f.key}`}>{f.label}</label>
          <input id={`file-${f.key}`} type="file" accept=".csv,text/csv" onChange={(e) => { const file = e.currentTarget.files?.[0]; setFiles((prev) => ({ ...prev, [f.key]: file })); }} />
        </div>
      ))}
      <button type="button" class="primary" onClick={check} disabled={busy}>
        {busy && !checked ? "Checking…" : "Check the files"}
      </button>
      {error && <Notice kind="error">{error}</Notice>}
      {checked && (
        <>
          <Notice kind={checked.problems.length > 0 ? "error" : "success"}>
            {checked.problems.length === 0 ? "Every row can be used." : `${countOf(checked.problems.length, "problem", "problems")} in ${countOf(rowsLeftOut, "row", "rows")}: those rows will be left out; every other row is kept.`}
          </Notice>
          {checked.problems.length > 0 && (
            <>
              <table class="grid" style="width:100%">
                <caption>Problems by rule (numbers are the DfE's validation rules; IRO- rules are IRO Desk's own)</caption>
                <thead>
                  <tr>
                    {["Rule", "What it checks", "Problems"].map((h) => <th scope="col" key={h}>{h}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {problemCounts(checked.problems).map((c) => (
                    <tr key={c.rule}>
                      <td>{c.rule}</td>
                      <td style="text-align:left">{c.title}</td>
                      <td>{c.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <table class="grid" style="width:100%">
                <caption>Every problem{checked.problems.length > 100 ? " (the first 100)" : ""}</caption>
                <thead>
                  <tr>
                    {["File", "Row", "Column", "Rule", "Reason"].map((h) => <th scope="col" key={h}>{h}</th>)}
                  </tr>
                </thead>
                <tbody>
                  {checked.problems.slice(0, 100).map((p, i) => (
                    <tr key={i}>
                      <td>{p.file}</td>
                      <td>{p.row}</td>
                      <td>{p.column}</td>
                      <td>{p.rule}</td>
                      <td style="text-align:left">{p.reason}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              {problemsCsv && <a href={problemsCsv} download="import-problems.csv">Download all {checked.problems.length} as CSV</a>}
            </>
          )}
          <p>
            <strong>{checked.plan.create.length}</strong> new children to add; <strong>{checked.plan.change.length}</strong> already in the register would change; {checked.plan.unchanged} unchanged.
          </p>
          {checked.plan.heldBack.length > 0 && (
            <Notice kind="error">
              {checked.plan.heldBack.length === 1 ? "1 child is" : `${checked.plan.heldBack.length} children are`} left as they are: the register has an entry for them that cannot be read, and adding them again would make a second record. Mend the entry in the register, then import again.
              <ul>{checked.plan.heldBack.slice(0, 20).map((h) => <li key={h.ref}>Ref {h.ref}: {h.problems.join("; ")}</li>)}</ul>
            </Notice>
          )}
          {checked.plan.change.length > 0 && (
            <label class="inline">
              <input type="checkbox" checked={confirmChanges} onChange={(e) => setConfirmChanges(e.currentTarget.checked)} />
              Also change the {countOf(checked.plan.change.length, "child", "children")} already in the register ({[...new Set(checked.plan.change.flatMap((c) => c.fields))].join(", ")}); names, contacts and RAG history are kept
            </label>
          )}
          {!outcome && (
            <button type="button" class="primary" onClick={apply} disabled={busy || checked.plan.create.length + (confirmChanges ? checked.plan.change.length : 0) === 0}>
              {`Write to the register: add ${checked.plan.create.length}${confirmChanges ? `, change ${checked.plan.change.length}` : ""}`}
            </button>
          )}
          {(progress || writing) && (
            <div>
              {progress && (
                <>
                  <label for="import-progress">Writing to the register: {progress.done} of {progress.total}</label>
                  <progress id="import-progress" class="progress" value={progress.done} max={progress.total} />
                </>
              )}
              {writing && <p>Keep this page open until it finishes. {RESUME}</p>}
            </div>
          )}
          {outcome && (
            <Notice kind={outcome.failed.length > 0 ? "error" : "success"}>
              Added {outcome.created}, changed {outcome.updated}.{outcome.failed.length > 0 ? ` ${outcome.failed.length} could not be written: ${outcome.failed.slice(0, 5).map((f) => `${f.ref} (${f.message})`).join("; ")}. ${RESUME}` : ""}
            </Notice>
          )}
        </>
      )}
    </section>
  );
}
