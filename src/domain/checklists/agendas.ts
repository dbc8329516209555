import type { StatutoryEvent } from "../timescales/ruleSets.js";

/**
 * The agenda the law and guidance expect for each meeting, in the order a chair works through it
 * (IRO Handbook 2010 ch. 3 for reviews; Working Together for conferences). A service may replace
 * these in its settings.
 */
export const DEFAULT_AGENDAS: Readonly<Record<StatutoryEvent, readonly string[]>> = {
  "lac-review": [
    "The child’s wishes and feelings, and how they took part",
    "Whether the IRO saw the child before the review",
    "Placement and stability",
    "Health",
    "Education",
    "Contact with family and friends",
    "Care plan and permanence",
    "Legal status",
    "Progress on actions from the last review",
    "Advocacy offered",
  ],
  icpc: [
    "Reasons for the conference",
    "Information from each agency",
    "Parents’ views",
    "Decision on a child protection plan and the category of harm",
    "Outline child protection plan",
    "Core group membership and first meeting",
  ],
  rcpc: [
    "Progress against the child protection plan",
    "Information from each agency",
    "Parents’ and child’s views",
    "Decision: does the plan continue or end",
    "Revised plan and core group",
  ],
  "foster-carer-review": [
    "The carer’s approval and terms",
    "Children placed since the last review",
    "Training and support",
    "Views of children placed, their social workers and the carer’s household",
    "Recommendation on continued approval",
  ],
};
