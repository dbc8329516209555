import { dateParts, type IsoDate } from "../calendar/isoDate.js";
import { formatUkDate } from "../calendar/ukDate.js";
import type { ChildCase } from "../caseload/childCase.js";
import { legalStatusWords } from "../caseload/legalStatus.js";
import { childrenRow, type Figure } from "./figure.js";
import type { ReportingPeriod } from "./reportingPeriod.js";
import { lookedAfterOn, onPlanOn, periodOfCareOn } from "./openOn.js";

/** The age bands of the DfE's looked after children statistics. */
const AGE_BANDS: readonly { readonly label: string; readonly min: number; readonly max: number }[] = [
  { label: "under 1", min: 0, max: 0 },
  { label: "1 to 4", min: 1, max: 4 },
  { label: "5 to 9", min: 5, max: 9 },
  { label: "10 to 15", min: 10, max: 15 },
  { label: "16 and over", min: 16, max: Infinity },
];

/** Whole years from a date of birth to a day: ageOn("2015-05-01", "2026-03-31") = 10. */
export function ageOn(dateOfBirth: IsoDate, day: IsoDate): number {
  const b = dateParts(dateOfBirth);
  const d = dateParts(day);
  return d.year - b.year - (d.month < b.month || (d.month === b.month && d.day < b.day) ? 1 : 0);
}

/**
 * Who the children on the register were on the last day of the period: looked after children and
 * children on a plan by the DfE's age bands, and looked after children by SSDA903 legal status.
 */
export function childrenProfile(children: readonly ChildCase[], period: ReportingPeriod): Figure[] {
  const lac = children.filter((c) => lookedAfterOn(c, period.to));
  const cp = children.filter((c) => onPlanOn(c, period.to));
  const byAge = (who: string, list: readonly ChildCase[]) =>
    AGE_BANDS.map((band) => childrenRow(`${who}, aged ${band.label}`, list.filter((c) => { const age = ageOn(c.dateOfBirth, period.to); return age >= band.min && age <= band.max; }), list.length));
  const status = (c: ChildCase) => periodOfCareOn(c, period.to)?.legalStatus ?? "";
  const codes = [...new Set(lac.map(status))].sort();
  return [
    {
      id: "children-by-age",
      title: `Children by age at ${formatUkDate(period.to)}`,
      definition: "Looked after children and children on a child protection plan on the last day of the period, by their age that day in the age bands of the DfE's looked after children statistics.",
      rows: [...byAge("Looked after", lac), ...byAge("On a plan", cp)],
    },
    {
      id: "lac-by-legal-status",
      title: `Looked after children by legal status at ${formatUkDate(period.to)}`,
      definition: "Looked after children on the last day of the period by the legal status of their period of care (SSDA903 codes). A child in an earlier period of care on that day has no status recorded for it.",
      rows: codes.map((code) => childrenRow(legalStatusWords(code), lac.filter((c) => status(c) === code), lac.length)),
    },
  ];
}
