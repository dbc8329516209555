import { addWorkingDays } from "../../domain/calendar/addWorkingDays.js";
import { addDays, type IsoDate } from "../../domain/calendar/isoDate.js";
import { isWorkingDay, workingCalendar, workingDays } from "../../domain/calendar/workingCalendar.js";
import type { ChildCase, HeldReview, Placement } from "../../domain/caseload/childCase.js";
import type { MinutesSent } from "../../domain/records/meetingRecords.js";
import { DEMO_DOMAIN } from "./demoTenant.js";

const england = workingCalendar("england");

/** A working day on or before `date`: reviews are held on working days. */
function workingDayBy(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(england, day)) day = addDays(day, -1);
  return day;
}

/** The working day `n` working days before `date`. */
function workingDaysBefore(date: IsoDate, n: number): IsoDate {
  let day = date;
  for (let left = n; left > 0; ) {
    day = addDays(day, -1);
    if (isWorkingDay(england, day)) left--;
  }
  return day;
}

/**
 * A few demo children on each of the tracks beyond looked after reviews and ICPCs, so every
 * preview shows them: placements for adoption and in secure accommodation (Rachel Greenwood's and
 * Tom Whitfield's children, placed after their last looked after review), transfer-in and pre-birth
 * conferences (CP chairs' plans), and plans that name the strategy discussion and the day the s.47
 * enquiry started. Chosen in register order and dated from `today`, with no random numbers drawn,
 * so the rest of the demo is unchanged: waiting, held in time, due soon and overdue among them. Sam Okafor's children are left as they are
 * (the previews' first IRO and the Teams preview's meeting).
 */
export function withDemoTracks(children: readonly ChildCase[], today: IsoDate, minutes: (track: "lac" | "cp", held: IsoDate) => MinutesSent): ChildCase[] {
  const out = [...children];
  const used = new Set<number>();
  /** For each plan, the first child not yet used that fits it, in register order, changed by `make`. */
  const take = <T>(plans: readonly T[], fit: (c: ChildCase, plan: T) => boolean, make: (c: ChildCase, plan: T) => ChildCase) => {
    for (const plan of plans) {
      const i = out.findIndex((c, at) => !used.has(at) && fit(c, plan));
      if (i < 0) continue;
      used.add(i);
      out[i] = make(out[i]!, plan);
    }
  };
  const iro = (name: string) => `${name}@${DEMO_DOMAIN}`;
  const theirs = [iro("rachel.greenwood"), iro("tom.whitfield")];
  /** Looked after (not on a plan) with one of these IROs, at least `minAge`, last reviewed before `placedDaysAgo` (their reviews are left as they are). */
  const lookedAfter = (minAge: number, placedDaysAgo: number) => (c: ChildCase) =>
    c.lac !== null && c.cp === null && theirs.includes(c.iro ?? "") && c.lac.ended === null && c.lac.reviews.length > 0 &&
    c.dateOfBirth <= addDays(today, -minAge * 366) && c.lac.reviews[c.lac.reviews.length - 1]!.held < addDays(today, -placedDaysAgo - 7);
  const review = (held: IsoDate, participation?: HeldReview["participation"]): HeldReview => ({ held, ...(participation ? { participation, seenBeforeReview: true } : {}), ...minutes("lac", held) });
  const placement = (placedDaysAgo: number, reviewsAfter: readonly number[], participation?: HeldReview["participation"]): Placement => {
    const placed = workingDayBy(addDays(today, -placedDaysAgo));
    return { placed, reviews: reviewsAfter.map((days) => review(workingDayBy(addDays(placed, days)), participation)), ended: null };
  };

  // Placed for adoption (placement order E1): waiting for review 1, reviewed, due soon, overdue; adoption reviews are their reviews now.
  take([[10, []], [45, [26]], [26, []], [120, [27]], [36, []]] as const, (c, [ago]) => lookedAfter(0, ago)(c), (c, [ago, held]) => ({
    ...c,
    lac: { ...c.lac!, legalStatus: "E1" },
    adoption: placement(ago, held, c.dateOfBirth > addDays(today, -4 * 365) ? "PN0" : "PN1"),
  }));
  // In secure accommodation, reviewed alongside their looked after reviews: waiting, reviewed, overdue.
  take([[20, []], [70, [28]], [40, []]] as const, (c, [ago]) => lookedAfter(13, ago)(c), (c, [ago, held]) => ({ ...c, secure: placement(ago, held) }));

  const planOnly = (c: ChildCase) => c.lac === null && c.cp !== null && c.cp.ended === null;
  // Moved in on another authority's plan: the transfer-in conference waiting, held (a review conference next), overdue.
  take([[5, null], [40, 12], [18, null]] as const, planOnly, (c, [noticeWorkingDaysAgo, heldAfter]) => {
    const transferIn = workingDaysBefore(today, noticeWorkingDaysAgo);
    const icpc = heldAfter === null ? null : addWorkingDays(england, transferIn, workingDays(heldAfter));
    const { icpcMinutes: _, ...cp } = c.cp!;
    return { ...c, cp: { ...cp, strategyDiscussions: [], transferIn, icpc, ...(icpc ? { icpcMinutes: minutes("cp", icpc) } : {}), reviews: [] } };
  });
  // Unborn: the pre-birth conference waiting, held before the birth, and held with the baby born since (the first review falls sooner).
  take([[6, null, 70], [40, 12, 30], [60, 14, -12]] as const, planOnly, (c, [discussionDaysAgo, heldAfter, birthInDays]) => {
    const discussion = workingDayBy(addDays(today, -discussionDaysAgo));
    const icpc = heldAfter === null ? null : addWorkingDays(england, discussion, workingDays(heldAfter));
    const expected = addDays(today, birthInDays);
    const born = birthInDays < 0 ? expected : null;
    const { icpcMinutes: _, ...cp } = c.cp!;
    return { ...c, dateOfBirth: expected, cp: { ...cp, strategyDiscussions: [discussion], s47Discussion: discussion, preBirth: true, ...(born ? { born } : {}), icpc, ...(icpc ? { icpcMinutes: minutes("cp", icpc) } : {}), reviews: [] } };
  });
  // Plans that name the discussion that initiated the s.47 enquiry, and the day its work started (the census's start date).
  for (let i = 0; i < out.length; i++) {
    const cp = out[i]!.cp;
    if (used.has(i) || !cp || cp.strategyDiscussions.length === 0 || i % 4 !== 0 || (cp.icpc !== null && cp.icpc > today)) continue;
    const discussion = cp.strategyDiscussions[0]!;
    const started = addDays(discussion, i % 3);
    out[i] = { ...out[i]!, cp: { ...cp, s47Discussion: discussion, ...(!cp.icpc || started <= cp.icpc ? { s47Start: started } : {}) } };
  }
  return out;
}
