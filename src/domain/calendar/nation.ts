/** The four UK nations. Statutory rule sets and bank holidays are chosen by nation. */
export const NATIONS = ["england", "wales", "scotland", "northern-ireland"] as const;
export type Nation = (typeof NATIONS)[number];

/** Bank holidays are set per jurisdiction: England and Wales share one list. */
export type HolidayDivision = "england-and-wales" | "scotland" | "northern-ireland";

export function isNation(value: string): value is Nation {
  return (NATIONS as readonly string[]).includes(value);
}

export function holidayDivision(nation: Nation): HolidayDivision {
  return nation === "england" || nation === "wales" ? "england-and-wales" : nation;
}

export const NATION_NAMES: Readonly<Record<Nation, string>> = {
  england: "England",
  wales: "Wales",
  scotland: "Scotland",
  "northern-ireland": "Northern Ireland",
};
