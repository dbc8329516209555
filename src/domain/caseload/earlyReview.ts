import type { EarlyReview } from "../timescales/timescaleCase.js";
import type { ChildCase } from "./childCase.js";

/**
 * The child's case with a reason to hold the next review early recorded in the current period of
 * care (CPPCR (England) Regulations 2010 reg. 33(3): the IRO asks, a placement is ending; reg. 32(2):
 * a significant change to the care plan). The same request recorded twice is kept once; a child not
 * looked after is left as they are.
 */
export function withEarlyReview(child: ChildCase, request: EarlyReview): ChildCase {
  if (!child.lac) return child;
  const before = child.lac.earlyReviews ?? [];
  if (before.some((r) => r.requested === request.requested && r.reason === request.reason)) return child;
  return { ...child, lac: { ...child.lac, earlyReviews: [...before, request].sort((a, b) => (a.requested < b.requested ? -1 : a.requested > b.requested ? 1 : 0)) } };
}
