import { describe, expect, it } from "vitest";
import { caseloadFrom } from "../../src/app/loadCaseload.js";
import { DEFAULT_SETTINGS } from "../../src/app/serviceSettings.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import type { StoredCase } from "../../src/ports/CaseStore.js";
import { pickerRows } from "../../src/ui/pickerRows.js";
import { lacChild } from "../fixtures/children.js";

const today = "2026-03-02" as IsoDate;
const stored = (ref: string, periodStart: string): StoredCase => ({ id: `item-${ref}`, version: "1", childCase: lacChild(ref, periodStart) });

describe("the children a picker lists", () => {
  it("lists equally urgent children in the same order however the register was read (Microsoft 365's order, the copy's)", () => {
    // Three children in care from the same day: their first reviews are all due by Mon 02/02/2026, all overdue.
    const register = [stored("300003", "2026-01-05"), stored("100001", "2026-01-05"), stored("200002", "2026-01-05"), stored("050005", "2026-02-16")];
    const rows = (cases: StoredCase[]) => pickerRows(caseloadFrom(cases, [], [], today, DEFAULT_SETTINGS).entries, "sam.okafor@westmere.example", "");
    const asGraphGave = rows(register);
    expect(asGraphGave.map((r) => r.ref)).toEqual(["100001", "200002", "300003", "050005"]);
    expect(asGraphGave.slice(0, 3).every((r) => r.status === "overdue" && r.next?.dueBy === "2026-02-02")).toBe(true);
    expect(rows([...register].reverse())).toEqual(asGraphGave);
  });
});
