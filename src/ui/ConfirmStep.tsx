import type { ComponentChildren } from "preact";
import { useId, useLayoutEffect, useRef } from "preact/hooks";
import { Notice } from "./Notice.js";

/** Someone an action tells: named, with their part in the case. */
export interface Told {
  readonly name: string;
  readonly address?: string;
  /** "social worker", "parent", "head of service (named in the dispute ladder)"… */
  readonly role?: string;
}

/**
 * The step between pressing a button and anything reaching someone outside the IRO service or a
 * child's record: it says what will happen and names everyone who will be told, then asks. It is
 * inline rather than a modal dialog, so it fits a 350 px task pane and the rest of the pane stays
 * readable; focus moves to its heading when it opens (so a screen reader reads it out), Escape or
 * "Go back" closes it and puts focus back on the button that opened it (WAI-ARIA APG, "Dialog
 * (Modal)": focus management; WCAG 2.2 SC 2.4.3 Focus Order, 3.3.4 Error Prevention).
 */
export function ConfirmStep(props: {
  readonly title: string;
  readonly what: ComponentChildren;
  /** Everyone the action tells; absent for a step that tells no one (discarding edits). */
  readonly told?: readonly Told[];
  /** The heading over the list of people: "Told at once", "The letter is addressed to"… */
  readonly toldHeading?: string;
  /** What to say when the list is empty. */
  readonly nobody?: string;
  readonly confirmLabel: string;
  readonly busy?: boolean;
  readonly error?: string | null;
  readonly onConfirm: () => void;
  readonly onBack: () => void;
  /** Fields the step needs (a reason for cancelling). */
  readonly children?: ComponentChildren;
}) {
  const id = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<Element | null>(null);
  // As it is put on the page, before the browser paints: focus is never left behind on the opener.
  useLayoutEffect(() => {
    opener.current = document.activeElement;
    heading.current?.focus();
  }, []);
  const back = () => {
    const to = opener.current;
    props.onBack();
    // The step is gone once the caller has redrawn: then the opener can take focus again.
    setTimeout(() => to instanceof HTMLElement && to.isConnected && to.focus(), 0);
  };
  return (
    <section class="card confirm stack" aria-labelledby={id} onKeyDown={(e) => e.key === "Escape" && !props.busy && (e.preventDefault(), back())}>
      <h2 id={id} ref={heading} tabIndex={-1} style="margin-top:0">
        {props.title}
      </h2>
      <div>{props.what}</div>
      {props.told && <h3>{props.toldHeading ?? "Who will be told"}</h3>}
      {props.told && props.told.length === 0 && <p>{props.nobody ?? "Nobody outside the IRO service."}</p>}
      {props.told && props.told.length > 0 && (
        <ul class="told">
          {props.told.map((p) => (
            <li key={`${p.address ?? ""}${p.name}`}>
              {p.name}
              {p.role ? `, ${p.role}` : ""}
              {p.address && p.address !== p.name && <span class="muted"> ({p.address})</span>}
            </li>
          ))}
        </ul>
      )}
      {props.children}
      {props.error && <Notice kind="error">{props.error}</Notice>}
      <div class="row">
        <button type="button" class="primary" onClick={props.onConfirm} disabled={props.busy}>
          {props.confirmLabel}
        </button>
        <button type="button" onClick={back} disabled={props.busy}>
          Go back
        </button>
      </div>
    </section>
  );
}
