import { describe, expect, it } from "vitest";
import type { IsoDate } from "../../../src/domain/calendar/isoDate.js";
import { fourthBirthday, participationAgeRule } from "../../../src/domain/caseload/participationAge.js";
import { toDayNumber } from "../../../src/domain/calendar/isoDate.js";

const d = (s: string) => s as IsoDate;

describe("the participation code fits the child's age (DfE rules 440 and 441)", () => {
  it("on the fourth birthday either code is accepted; the day before only PN0, the day after anything but PN0", () => {
    const born = d("2019-06-14");
    expect(participationAgeRule("PN0", born, d("2023-06-14"))).toBeNull();
    expect(participationAgeRule("PN1", born, d("2023-06-14"))).toBeNull();
    expect(participationAgeRule("PN1", born, d("2023-06-13"))).toBe("441");
    expect(participationAgeRule("PN0", born, d("2023-06-13"))).toBeNull();
    expect(participationAgeRule("PN0", born, d("2023-06-15"))).toBe("440");
    expect(participationAgeRule("PN7", born, d("2023-06-15"))).toBeNull();
  });

  it("a child born on 29 February: the fourth birthday is 29/02 in a leap year, the month's last day otherwise", () => {
    expect(participationAgeRule("PN0", d("2020-02-29"), d("2024-02-29"))).toBeNull();
    expect(participationAgeRule("PN0", d("2020-02-29"), d("2024-03-01"))).toBe("440");
    expect(participationAgeRule("PN1", d("2020-02-29"), d("2024-02-28"))).toBe("441");
    // Born 31/01/2021: 48 months on is 31/01/2025, the same day of the month.
    expect(participationAgeRule("PN2", d("2021-01-31"), d("2025-01-31"))).toBeNull();
    expect(participationAgeRule("PN2", d("2021-01-31"), d("2025-01-30"))).toBe("441");
  });

  it("the fourth birthday as a day number: 48 calendar months on, the month's last day when it has no such day", () => {
    expect(fourthBirthday(toDayNumber(d("2019-06-14")))).toBe(toDayNumber(d("2023-06-14")));
    expect(fourthBirthday(toDayNumber(d("2020-02-29")))).toBe(toDayNumber(d("2024-02-29")));
    expect(fourthBirthday(toDayNumber(d("2024-02-29")))).toBe(toDayNumber(d("2028-02-29")));
    // 2100 is not a leap year: 29/02/2096 + 48 months is 28/02/2100.
    expect(fourthBirthday(toDayNumber(d("2096-02-29")))).toBe(toDayNumber(d("2100-02-28")));
  });
});
