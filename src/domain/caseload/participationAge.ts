import { calendarMonthsLater } from "../calendar/addCalendarMonths.js";
import { civilFromDayNumber, dayNumberOf, toDayNumber, type IsoDate } from "../calendar/isoDate.js";
import type { ParticipationCode } from "./childCase.js";

/**
 * Whether a review's participation code fits the child's age on the day, as the DfE's SSDA903
 * validator judges it: rule 440 (PN0, "child under 4", for a child 4 or over) and rule 441 (any
 * other code for a child under 4). On the fourth birthday itself the validator accepts either
 * code, so neither rule applies that day. The same function checks the import and the chair's
 * record, so the two never disagree.
 *
 * Born 29/02/2020 (the fourth birthday is 29/02/2024): PN0 on 01/03/2024 breaks "440"; PN1 on
 * 28/02/2024 breaks "441"; PN0 or PN1 on 29/02/2024 is null.
 */
export function participationAgeRule(code: ParticipationCode, dateOfBirth: IsoDate, held: IsoDate): "440" | "441" | null {
  return participationRuleByDay(code, fourthBirthday(toDayNumber(dateOfBirth)), toDayNumber(held));
}

/** The fourth birthday of a child born on `dateOfBirth`, both as day numbers (toDayNumber): 48 calendar months on. */
export function fourthBirthday(dateOfBirth: number): number {
  const born = civilFromDayNumber(dateOfBirth);
  const fourth = calendarMonthsLater(born.year, born.month, born.day, 48);
  return dayNumberOf(fourth.year, fourth.month, fourth.day);
}

/**
 * participationAgeRule with the fourth birthday and the review's day as day numbers: an import
 * checks a million reviews and works out each child's fourth birthday once.
 */
export function participationRuleByDay(code: ParticipationCode, fourth: number, held: number): "440" | "441" | null {
  if (code === "PN0" && held > fourth) return "440";
  if (code !== "PN0" && held < fourth) return "441";
  return null;
}
