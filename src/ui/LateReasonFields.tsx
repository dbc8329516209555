import { LATE_REASONS } from "../app/lateReasons.js";

/**
 * Why a time after the due-by date: a reason from the service's list (the figures count it) and
 * more detail. `id` names the select, so a refusal can put focus on it; its message (`error`) sits
 * beside it and is announced with it (aria-describedby).
 */
export function LateReasonFields({ id, legend, reason, detail, error, onReason, onDetail }: {
  readonly id: string;
  readonly legend: string;
  readonly reason: string;
  readonly detail: string;
  readonly error: string | null;
  readonly onReason: (reason: string) => void;
  readonly onDetail: (detail: string) => void;
}) {
  return (
    <fieldset class="card">
      <legend>{legend}</legend>
      <label for={id}>Reason</label>
      <select id={id} value={reason} onChange={(e) => onReason(e.currentTarget.value)} {...(error ? { "aria-invalid": true, "aria-describedby": `${id}-error` } : {})}>
        <option value="">Choose a reason</option>
        {LATE_REASONS.map((r) => (
          <option value={r} key={r}>{r}</option>
        ))}
      </select>
      {error && <p id={`${id}-error`} class="field-error">{error}</p>}
      <label for={`${id}-detail`}>More detail</label>
      <textarea id={`${id}-detail`} value={detail} onInput={(e) => onDetail(e.currentTarget.value)} />
    </fieldset>
  );
}
