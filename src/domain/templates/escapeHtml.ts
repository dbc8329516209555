const ENTITIES: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * Text made safe to place in HTML, as element content or a quoted attribute value: every value
 * that reaches an email, a page or an invite passes through here (OWASP XSS prevention, rule 1).
 * escapeHtml('<b onclick="x">') = "&lt;b onclick=&quot;x&quot;&gt;".
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}
