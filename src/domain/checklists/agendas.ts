import type { StatutoryEvent } from "../timescales/ruleSets.js";

/**
 * The agenda the law and guidance expect for each meeting, in the order a chair works through it
 * (IRO Handbook 2010 ch. 3 for reviews; Working Together for conferences, including the birth plan of
 * a pre-birth conference). A service may replace any of these in its settings (`agendas`, keyed by
 * the meeting's event name).
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
  "pre-birth-conference": [
    "Reasons for the conference and the concerns for the unborn baby",
    "Information from each agency, including midwifery",
    "Parents’ views",
    "Decision: will the baby be subject to a child protection plan from birth, and the category of harm",
    "Birth plan: arrangements in hospital and on discharge",
    "Outline child protection plan",
    "Core group membership and first meeting",
  ],
  "transfer-in-conference": [
    "Reasons for the transfer and the plan from the other authority",
    "Information from each agency, old and new",
    "Parents’ and child’s views",
    "Decision: does the child need a child protection plan here, and the category of harm",
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
  "adoption-review": [
    "The child’s wishes and feelings, and how they took part",
    "The prospective adopters’ views and support",
    "Health, development and education",
    "Contact arrangements",
    "Whether the placement continues to meet the child’s needs",
    "Plans for the adoption application",
  ],
  "secure-review": [
    "Whether the criteria for keeping the child in secure accommodation still apply",
    "Whether the placement is still necessary, or other accommodation would meet the child’s needs",
    "The child’s, parents’ and carers’ views",
    "The child’s welfare in the placement",
    "Recommendation to the authority",
  ],
};
