import type { EmailBlock } from "../domain/templates/emailTemplate.js";

/**
 * A rendered template shown as the reader will see it, built from its blocks as elements: every
 * value is text to preact, so nothing in it is ever parsed as HTML (and no iframe reloads while typing).
 */
export function EmailPreview({ subject, blocks }: { subject: string; blocks: readonly EmailBlock[] }) {
  return (
    <figure class="card" style="margin:0" aria-label="Preview of the email">
      <figcaption>
        <strong>Subject:</strong> {subject}
      </figcaption>
      <div class="email-preview">
        {blocks.map((b, i) =>
          b.kind === "ul" ? (
            <ul key={i}>{b.items.map((item, j) => <li key={j}>{item}</li>)}</ul>
          ) : (
            <p key={i}>{b.lines.map((line, j) => <>{j > 0 && <br />}{b.strong ? <strong>{line}</strong> : line}</>)}</p>
          ),
        )}
      </div>
    </figure>
  );
}
