import type { IsoDate } from "../calendar/isoDate.js";
import { rankSlots, type Slot } from "../scheduling/rankSlots.js";

/**
 * The times worth offering a family, best first: ranked as for a booking (everyone free, fewest
 * tentative, the chair's lightest day, earliest), none before `earliest` (the minimum notice), and
 * at most one a day, so the choice is a real one (three times on one morning is one choice).
 *
 * With free slots Mon 09/03 09:00, 09:30 and 14:00, Tue 10/03 10:00 and Wed 11/03 09:00 and notice
 * running to 09/03: Mon 09:00, Tue 10:00, Wed 09:00.
 */
export function timesToOffer(slots: readonly Slot[], earliest: IsoDate, limit: number): Slot[] {
  const days = new Set<IsoDate>();
  const offered: Slot[] = [];
  for (const slot of rankSlots(slots.filter((s) => s.date >= earliest), slots.length)) {
    if (days.has(slot.date)) continue;
    days.add(slot.date);
    offered.push(slot);
    if (offered.length === limit) break;
  }
  return offered;
}
