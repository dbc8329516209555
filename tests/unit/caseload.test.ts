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
    // 40 working days left: March from the 3rd, and April to the 29th less Good Friday and Easter Monday.
    expect(booked.next).toMatchObject({ track: "lac", event: "lac-review", number: 2, dueBy: "2026-04-29", workingDaysLeft: 40, bookedOn: "2026-04-20" });
  });

  it("a booking after the due-by date is 'booked-late', never on track: review 2 due by Wed 29/04/2026", () => {
    const child = lacChild("A1", "2026-01-05", ["2026-01-29"]);
    const on = (date: string) => () => date as IsoDate;
    expect(assessChild(child, today, options, on("2026-04-29")).status).toBe("booked"); // the due-by date itself is in time
    expect(assessChild(child, today, options, on("2026-04-30")).status).toBe("booked-late");
    expect(assessChild(child, today, options, on("2026-05-05")).next).toMatchObject({ dueBy: "2026-04-29", bookedOn: "2026-05-05" });
    // Once the due-by date has passed, a booking still to come is late; nothing booked is overdue.
    expect(assessChild(child, "2026-04-30" as IsoDate, options, on("2026-05-05")).status).toBe("booked-late");
    expect(assessChild(child, "2026-04-30" as IsoDate, options)).toMatchObject({ status: "overdue", next: { workingDaysLeft: -1 } });
  });

  it("a first review overdue since before the weekend, booked for next Wednesday: booked late", () => {
    // In care from Mon 05/01/2026: first review due by Mon 02/02/2026 (20 working days).
    const overdue = lacChild("A2", "2026-01-05");
    expect(assessChild(overdue, today, options).status).toBe("overdue");
    expect(assessChild(overdue, today, options, () => "2026-03-04" as IsoDate).status).toBe("booked-late");
    // A booking on or before the due-by date that has passed without a record: still overdue.
    expect(assessChild(overdue, today, options, () => "2026-02-02" as IsoDate).status).toBe("overdue");
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
