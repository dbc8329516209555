import { describe, expect, it } from "vitest";
import { DEFAULT_TEMPLATES } from "../../../src/domain/templates/defaultTemplates.js";
import { renderTemplate, templateProblems, type EmailTemplate, type TemplateValues } from "../../../src/domain/templates/emailTemplate.js";
import { HOSTILE } from "../../fixtures/hostile.js";

const values: TemplateValues = {
  caseRef: "104233", iro: "Sam Okafor", socialWorker: "Alfie Collins", teamManager: "Ivy Smith", lastReview: "29/01/2026",
  nextDue: "LAC review 3 is due by 29/07/2026", rating: "Amber", ratingMeaning: "There is a specific concern.", concerns: "The PEP is overdue.",
  actions: ["Complete the PEP – Alfie Collins, by 13/02/2026"], responseDue: "13/02/2026", stageName: "Team manager", stageNumber: "2",
  disputeIssue: "No permanence plan.", disputeTheme: "Permanence", meetingDate: "10/03/2026", decisionsDue: "11/03/2026", today: "02/03/2026", feedbackUrl: "https://forms.example/f",
};
const tagsIn = (html: string) => [...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => [m[1], m[2]]);

describe("email templates", () => {
  it("the default set has a RAG email per rating, a letter per dispute stage and the Cafcass referral, and the meeting emails", () => {
    expect(DEFAULT_TEMPLATES.map((t) => t.id)).toEqual([
      "rag-red", "rag-amber", "rag-green", "dispute-stage-1", "dispute-stage-2", "dispute-stage-3", "dispute-stage-4", "dispute-stage-5", "dispute-cafcass",
      "review-invitation", "consultation-request", "decisions-circulation", "record-circulation",
    ]);
    for (const t of DEFAULT_TEMPLATES) expect(templateProblems(t), t.id).toEqual([]);
  });

  it("every template renders with every value, the marking on the subject and the body, and lists as lists", () => {
    for (const t of DEFAULT_TEMPLATES) {
      const out = renderTemplate(t, values, "OFFICIAL-SENSITIVE");
      expect(out.subject.startsWith("[OFFICIAL-SENSITIVE] "), t.id).toBe(true);
      expect(out.html.startsWith("<p><strong>OFFICIAL-SENSITIVE</strong></p>")).toBe(true);
      expect(out.text.startsWith("OFFICIAL-SENSITIVE\n")).toBe(true);
      expect(out.html).not.toMatch(/\{\{|\}\}/);
      expect(out.text).toContain("104233");
    }
    const amber = renderTemplate(DEFAULT_TEMPLATES[1]!, values, "OFFICIAL-SENSITIVE");
    expect(amber.subject).toBe("[OFFICIAL-SENSITIVE] RAG Amber – ref 104233: care plan monitoring");
    expect(amber.html).toContain("<ul><li>Complete the PEP – Alfie Collins, by 13/02/2026</li></ul>");
    expect(amber.text).toContain("- Complete the PEP – Alfie Collins, by 13/02/2026");
  });

  it("a missing value shows as [not recorded], an empty list as 'None recorded'", () => {
    const out = renderTemplate(DEFAULT_TEMPLATES[0]!, { caseRef: "1", actions: [] }, "OFFICIAL");
    expect(out.text).toContain("Dear [not recorded],");
    expect(out.html).toContain("<li>None recorded</li>");
  });

  it("escapes every value: hostile strings in any field leave only the template's own tags, without attributes", () => {
    for (const bad of HOSTILE) {
      const hostile: TemplateValues = Object.fromEntries(Object.keys(values).map((k) => [k, k === "actions" ? [bad] : bad]));
      for (const t of DEFAULT_TEMPLATES) {
        const out = renderTemplate(t, hostile, "OFFICIAL-SENSITIVE");
        for (const [tag, attributes] of tagsIn(out.html)) {
          expect(["p", "strong", "br", "ul", "li"], `${t.id}: <${tag}>`).toContain(tag);
          expect(attributes).toBe("");
        }
        expect(out.html).not.toMatch(/javascript:(?!alert\(1\))/);
        expect(out.subject).not.toMatch(/[\r\n]/);
      }
    }
  });

  it("refuses, when it is saved, a template with an unknown placeholder, a stray brace, or {{actions}} in the subject", () => {
    const t = (subject: string, body: string): EmailTemplate => ({ id: "x", name: "Mine", kind: "rag", subject, body });
    expect(templateProblems(t("Hi {{caseref}}", "Body"))[0]).toMatch(/^The subject uses \{\{caseref\}\}, which IRO Desk does not know\. Use one of: \{\{caseRef\}\}/);
    expect(templateProblems(t("Hi", "Body {{caseRef}"))).toEqual(['The body has a "{{" or "}}" that does not make a placeholder.']);
    expect(templateProblems(t("{{actions}}", "Body"))).toEqual(["{{actions}} is a list: use it in the body, on a line of its own."]);
    expect(() => renderTemplate(t("Hi {{nope}}", "x"), values, "OFFICIAL")).toThrow(/cannot be used/);
  });
});
