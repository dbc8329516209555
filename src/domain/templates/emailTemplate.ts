import { escapeHtml } from "./escapeHtml.js";

/** The placeholders a template may use, and what each is filled with (from the case, the user and the timescale engine). */
const PLACEHOLDERS = {
  caseRef: "the child's case reference",
  childName: "the child's name (only where the service shows names)",
  iro: "the IRO's name",
  socialWorker: "the social worker's name",
  teamManager: "the team manager's name",
  today: "today's date",
  lastReview: "the date of the last review or conference",
  nextDue: "what is next and its due-by date",
  rating: "the RAG rating (Red, Amber, Green)",
  ratingMeaning: "what the rating means",
  concerns: "the concerns, as the IRO writes them",
  actions: "the agreed actions, each with its owner and response deadline (a list: put it on a line of its own)",
  responseDue: "the date the response is due, in working days from today",
  stageName: "the dispute stage's name (team manager, head of service …)",
  stageNumber: "the dispute stage's number",
  disputeIssue: "what the dispute is about",
  disputeTheme: "the dispute's theme",
  meetingDate: "the date of the review or conference",
  decisionsDue: "when the decisions must go out (CP: within 1 working day)",
  feedbackUrl: "the service's feedback questionnaire",
} as const;
export type Placeholder = keyof typeof PLACEHOLDERS;

export const TEMPLATE_KINDS = ["rag", "dispute", "invitation", "consultation", "decisions", "record"] as const;

/** An email template a service can adapt: a subject and a body with {{placeholders}}. */
export interface EmailTemplate {
  readonly id: string;
  readonly name: string;
  readonly kind: (typeof TEMPLATE_KINDS)[number];
  readonly subject: string;
  /** Paragraphs separated by blank lines; "- " starts a bullet; {{actions}} alone on a line is a list. */
  readonly body: string;
}

export type TemplateValues = Partial<Record<Placeholder, string | readonly string[]>>;

/** The email as structure: what the HTML and the text are both made from, and what a web page is given. */
export type EmailBlock = { readonly kind: "p"; readonly lines: readonly string[]; readonly strong?: boolean } | { readonly kind: "ul"; readonly items: readonly string[] };

export interface RenderedEmail {
  readonly subject: string;
  readonly blocks: readonly EmailBlock[];
  readonly html: string;
  readonly text: string;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;

/**
 * What is wrong with a template, checked when it is saved (not when an email is sent): unknown
 * placeholders, unclosed braces, an empty subject or body. An empty list means it can be saved.
 */
export function templateProblems(template: Pick<EmailTemplate, "name" | "subject" | "body">): string[] {
  const problems: string[] = [];
  if (template.name.trim() === "") problems.push("The template needs a name.");
  if (template.subject.trim() === "") problems.push("The subject is empty.");
  if (template.body.trim() === "") problems.push("The body is empty.");
  for (const [field, text] of [["subject", template.subject], ["body", template.body]] as const) {
    for (const match of text.matchAll(PLACEHOLDER)) {
      if (!(match[1]! in PLACEHOLDERS)) problems.push(`The ${field} uses {{${match[1]}}}, which IRO Desk does not know. Use one of: ${Object.keys(PLACEHOLDERS).map((p) => `{{${p}}}`).join(", ")}.`);
    }
    const stray = text.replace(PLACEHOLDER, "");
    if (stray.includes("{{") || stray.includes("}}")) problems.push(`The ${field} has a "{{" or "}}" that does not make a placeholder.`);
  }
  if (/\{\{\s*actions\s*\}\}/.test(template.subject)) problems.push("{{actions}} is a list: use it in the body, on a line of its own.");
  return problems;
}

/**
 * Fills a template. Every value is escaped in the HTML; no tag, event handler or link can come from
 * a value, whatever it holds. The subject starts with the classification marking, and so does the body.
 * A missing value shows as "[not recorded]" so nothing silently disappears.
 */
export function renderTemplate(template: EmailTemplate, values: TemplateValues, classification: string): RenderedEmail {
  const problems = templateProblems(template);
  if (problems.length > 0) throw new Error(`Template "${template.name}" cannot be used: ${problems.join(" ")}`);
  const value = (name: string): string | readonly string[] => values[name as Placeholder] ?? "[not recorded]";
  const inline = (text: string) => text.replace(PLACEHOLDER, (_, name: string) => {
    const v = value(name);
    return typeof v === "string" ? v : v.join("; ");
  });
  const marking = classification.trim();
  const subjectText = inline(template.subject).replace(/[\r\n]+/g, " ").trim();
  const subject = subjectText.startsWith(`[${marking}]`) ? subjectText : `[${marking}] ${subjectText}`;

  const blocks: EmailBlock[] = [{ kind: "p", lines: [marking], strong: true }];
  for (const block of template.body.replace(/\r\n/g, "\n").split(/\n{2,}/)) {
    const lines = block.split("\n").filter((l) => l.trim() !== "");
    const listLine = /^\s*\{\{\s*(\w+)\s*\}\}\s*$/;
    const items: string[] = [];
    const paragraph: string[] = [];
    const flush = () => {
      if (paragraph.length > 0) blocks.push({ kind: "p", lines: paragraph.splice(0).map(inline) });
      if (items.length > 0) blocks.push({ kind: "ul", items: items.splice(0) });
    };
    for (const line of lines) {
      const whole = listLine.exec(line);
      const v = whole ? value(whole[1]!) : null;
      if (v !== null && typeof v !== "string") {
        flush();
        items.push(...(v.length > 0 ? v : ["None recorded"]));
      } else if (/^\s*- /.test(line)) {
        if (paragraph.length > 0) flush();
        items.push(inline(line.replace(/^\s*- /, "")));
      } else {
        if (items.length > 0) flush();
        paragraph.push(line);
      }
    }
    flush();
  }
  const html = blocks.map((b) =>
    b.kind === "ul" ? `<ul>${b.items.map((i) => `<li>${escapeHtml(i)}</li>`).join("")}</ul>` : `<p>${b.strong ? `<strong>${b.lines.map(escapeHtml).join("<br>")}</strong>` : b.lines.map(escapeHtml).join("<br>")}</p>`,
  );
  const text = blocks.map((b) => (b.kind === "ul" ? b.items.map((i) => `- ${i}`).join("\n") : b.lines.join("\n")));
  return { subject, blocks, html: html.join("\n"), text: text.join("\n\n").trim() + "\n" };

}
