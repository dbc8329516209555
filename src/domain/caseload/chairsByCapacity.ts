import type { IsoDate } from "../calendar/isoDate.js";
import type { ChildCase } from "./childCase.js";
import { iroLoads, type CountRule, type IroLoad } from "./iroLoad.js";
import type { StaffMember } from "./staffMember.js";

/**
 * The CP chairs who could chair an initial conference, the most capacity first: fewest children
 * per FTE against the 50–70 guidance (those above the band last). Free/busy then decides the time.
 */
export function chairsByCapacity(children: readonly ChildCase[], staff: readonly StaffMember[], asOf: IsoDate, rule: CountRule = "child-once"): { member: StaffMember; load: IroLoad }[] {
  const rank = { below: 0, within: 1, above: 2 } as const;
  const chairs = staff.filter((s) => s.cpChair);
  const loads = iroLoads(children, chairs, asOf, rule);
  return chairs
    .map((member, i) => ({ member, load: loads[i]! }))
    .sort((a, b) => rank[a.load.position!] - rank[b.load.position!] || a.load.perFte! - b.load.perFte! || a.member.name.localeCompare(b.member.name));
}
