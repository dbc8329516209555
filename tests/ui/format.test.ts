import { describe, expect, it } from "vitest";
import { countOf, daysLeftWords, ROLE_WORDS, STATUS_WORDS } from "../../src/ui/format.js";

describe("words the panes show", () => {
  it("counts with the noun in the right number: 1 child, 2 children, 0 people", () => {
    expect(countOf(1, "child", "children")).toBe("1 child");
    expect(countOf(2, "child", "children")).toBe("2 children");
    expect(countOf(0, "person", "people")).toBe("0 people");
    expect(countOf(1, "working day's", "working days'")).toBe("1 working day's");
    expect(daysLeftWords(1)).toBe("1 working day left");
    expect(daysLeftWords(-1)).toBe("overdue by 1 working day");
  });

  it("a late booking says so; every invitee's role has words", () => {
    expect(STATUS_WORDS["booked-late"]).toBe("Booked late");
    expect(Object.values(ROLE_WORDS)).toEqual(["Social worker", "Team manager", "Colleague", "Carer", "Parent", "Partner", "Outside the council"]);
  });
});
