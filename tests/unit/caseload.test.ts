import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { assessChild } from "../../src/domain/caseload/assessChild.js";
import { options } from "./timescales/testCases.js";
import { lacChild } from "../fixtures/children.js";

const today = "2026-03-02" as IsoDate;

describe("a child's next event and caseload status", () => {
  it("is on track, then booked once a booking for that very event is in the diary in time", () => {
    const child = lacChild("A1", "2026-01-05", ["2026-01-29"]);
    expect(assessChild(child, today, options).status).toBe("on-track");
    const booked = assessChild(child, today, options, (kind) => (kind === "lac-review 2" ? ("2026-04-20" as IsoDate) : null));
    expect(booked.status).toBe("booked");
    expect(booked.next).toMatchObject({ track: "lac", event: "lac-review", number: 2, dueBy: "2026-04-29", bookedOn: "2026-04-20" });
  });

  it("a booking after the due-by date does not make the child 'booked'; overdue stays overdue", () => {
    const child = lacChild("A1", "2026-01-05", ["2026-01-29"]);
    expect(assessChild(child, today, options, () => "2026-05-05" as IsoDate).status).toBe("on-track");
    const overdue = lacChild("A2", "2026-01-05");
    expect(assessChild(overdue, today, options, () => "2026-03-04" as IsoDate).status).toBe("overdue");
  });

  it("a child both looked after and on a plan: the sooner of the two is next", () => {
    const child = lacChild("B1", "2025-06-02", ["2025-06-27", "2025-09-20"], {
      cp: { chair: "nadia.hussain@westmere.example", strategyDiscussions: ["2026-02-16" as IsoDate], icpc: null, category: "Neglect", reviews: [], ended: null },
    });
    const result = assessChild(child, today, options);
    expect(result.next).toMatchObject({ track: "cp", event: "icpc", dueBy: "2026-03-09" });
    expect(result.status).toBe("due-soon");
    expect(result.lac?.next?.dueBy).toBe("2026-03-20");
  });

  it("a child who has left care is closed", () => {
    const child = lacChild("C1", "2025-01-06", ["2025-01-30"], {});
    const left = { ...child, lac: { ...child.lac!, ended: "2025-06-01" as IsoDate } };
    expect(assessChild(left, today, options).status).toBe("closed");
  });
});
