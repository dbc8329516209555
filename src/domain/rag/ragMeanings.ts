import type { RagRating } from "../caseload/childCase.js";

/**
 * What each rating means (domain.md, RAG rating). Local practice, so a service may reword these
 * in its settings; these are the defaults.
 */
export const RAG_MEANINGS: Readonly<Record<RagRating, string>> = {
  red: "Delay is seriously affecting the child's care plan.",
  amber: "There is a specific concern in care planning, but overall the plan is progressing.",
  green: "The care plan is progressing well.",
};
