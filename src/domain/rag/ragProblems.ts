import type { RagRating } from "../caseload/childCase.js";

export interface RagProblem {
  readonly field: "concerns" | "actions";
  readonly message: string;
}

/**
 * What a rating needs before it goes to anyone: a Red or Amber rating names the concern and carries
 * at least one agreed action with an owner, since the management response date is counted from
 * the actions (domain.md, RAG rating: "Red and Amber carry agreed actions with owners and
 * management response times"; IRO Handbook 2010, 3.74–3.79). Green needs neither.
 * ragProblems("amber", "", []) names both gaps; ragProblems("green", "", []) is [].
 */
export function ragProblems(rating: RagRating, concerns: string, actions: readonly { readonly action: string; readonly owner: string }[]): RagProblem[] {
  if (rating === "green") return [];
  const word = rating === "red" ? "a Red" : "an Amber";
  const problems: RagProblem[] = [];
  if (concerns.trim() === "") problems.push({ field: "concerns", message: `Say what the concern is: ${word} rating names it.` });
  const agreed = actions.filter((a) => a.action.trim() !== "");
  if (agreed.length === 0) problems.push({ field: "actions", message: `Add at least one action with its owner: ${word} rating's response date is counted from its actions.` });
  else if (agreed.some((a) => a.owner.trim() === "")) problems.push({ field: "actions", message: "Give every action an owner." });
  return problems;
}
