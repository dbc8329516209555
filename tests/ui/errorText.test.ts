import { describe, expect, it } from "vitest";
import { LateReasonNeeded } from "../../src/app/lateReasons.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { DisputeRuleError, resolve } from "../../src/domain/disputes/dispute.js";
import { PortError } from "../../src/ports/errors.js";
import { errorText } from "../../src/ui/Notice.js";

describe("errorText: what a pane shows when something fails", () => {
  it("shows the rules' own words: a dispute rule broken (for example one resolved meanwhile in another window)", () => {
    const resolved = { id: "D-1", caseRef: "123456", theme: "Other", issue: "x", status: "resolved" as const, stage: 0, history: [], linkedMessage: null };
    let thrown: unknown;
    try {
      resolve(resolved as never, "sam", "2026-03-06" as IsoDate, "again");
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(DisputeRuleError);
    expect(errorText(thrown)).toBe("This dispute is already resolved.");
  });

  it("shows the ports' and use cases' messages, written for people", () => {
    expect(errorText(new PortError("Microsoft 365 is busy; nothing was booked. Try again in a minute.", true))).toBe("Microsoft 365 is busy; nothing was booked. Try again in a minute.");
    expect(errorText(new LateReasonNeeded("2026-12-01" as IsoDate))).toContain("after the due-by date (01/12/2026)");
  });

  it("never shows a raw programming error, which could carry case data", () => {
    const text = errorText(new TypeError("Cannot read properties of undefined (reading 'childName')"));
    expect(text).not.toContain("childName");
    expect(text).toMatch(/^Something went wrong and nothing was changed/);
  });
});
