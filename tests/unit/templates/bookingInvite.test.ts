import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import type { CaseRef } from "../../../src/domain/caseload/caseRef.js";
import { bookingBodyHtml, bookingSubject } from "../../../src/domain/templates/bookingInvite.js";
import { escapeHtml } from "../../../src/domain/templates/escapeHtml.js";
import { HOSTILE } from "../../fixtures/hostile.js";


describe("booking invitations", () => {
  it("subjects carry the event and the case reference, and a name only when the service shows names", () => {
    expect(bookingSubject("lac-review", 3, "104233" as CaseRef)).toBe("LAC review 3 – ref 104233");
    expect(bookingSubject("icpc", 1, "104233" as CaseRef)).toBe("Initial CP conference – ref 104233");
    expect(bookingSubject("rcpc", 2, "104233" as CaseRef, "Ava Smith")).toBe("Review CP conference 2 – ref 104233 (Ava Smith)");
    // A plan has one initial conference, whichever kind: no number. Reviews of a placement are numbered.
    expect(bookingSubject("transfer-in-conference", 1, "T77" as CaseRef)).toBe("Transfer-in CP conference – ref T77");
    expect(bookingSubject("pre-birth-conference", 1, "P12" as CaseRef)).toBe("Pre-birth CP conference – ref P12");
    expect(bookingSubject("adoption-review", 2, "A5" as CaseRef)).toBe("Adoption review 2 – ref A5");
    expect(bookingSubject("secure-review", 1, "S9" as CaseRef)).toBe("Secure accommodation review 1 – ref S9");
  });

  it("asks those invited for what each kind of meeting needs beforehand", () => {
    const body = (event: Parameters<typeof bookingBodyHtml>[0]["event"]) => bookingBodyHtml({ event, number: 1, ref: "1" as CaseRef, dueBy: "2026-04-29" as IsoDate, agenda: [], chair: "Sam Okafor", classification: "OFFICIAL-SENSITIVE", feedbackUrl: null, feedbackQrHtml: null });
    expect(body("adoption-review")).toContain("prospective adopters");
    expect(body("secure-review")).toContain("still needs secure accommodation");
    expect(body("pre-birth-conference")).toContain("midwifery");
    expect(body("transfer-in-conference")).toContain("the other authority&#39;s plan");
    expect(body("icpc")).toContain("agency reports");
  });

  it("the body has the marking, the agenda, the consultation reminder and the feedback link", () => {
    const html = bookingBodyHtml({ event: "lac-review", number: 2, ref: "104233" as CaseRef, dueBy: "2026-04-29" as IsoDate, agenda: ["Health", "Education"], chair: "Sam Okafor", classification: "OFFICIAL-SENSITIVE", feedbackUrl: "https://forms.example/f?a=1&b=2", feedbackQrHtml: "<table></table>" });
    expect(html).toContain("<strong>OFFICIAL-SENSITIVE</strong>");
    expect(html).toContain("<ol><li>Health</li><li>Education</li></ol>");
    expect(html).toContain("Due by 29/04/2026");
    expect(html).toContain("consultation forms");
    expect(html).toContain('<a href="https://forms.example/f?a=1&amp;b=2">');
    expect(html).toContain("<table></table>");
  });

  it("escapes every value: no tag, handler or javascript: link survives from any field", () => {
    for (const bad of HOSTILE) {
      const html = bookingBodyHtml({ event: "lac-review", number: 1, ref: "1" as CaseRef, dueBy: "2026-04-29" as IsoDate, agenda: [bad], chair: bad, classification: bad, feedbackUrl: bad, feedbackQrHtml: null });
      // Every real tag in the output is one the template itself writes, with no attributes at all.
      expect([...html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9]*)([^>]*)>/g)].map((m) => [m[1], m[2]])).toEqual(
        [...html.matchAll(/<\/?([a-z0-9]+)>/g)].map((m) => [m[1], ""]),
      );
      expect(new Set([...html.matchAll(/<\/?([a-z0-9]+)>/g)].map((m) => m[1]))).toEqual(new Set(["p", "strong", "h2", "h3", "ol", "li"]));
      expect(html).toContain(escapeHtml(bad));
    }
  });
});
