import type { RagRating } from "../domain/caseload/childCase.js";

const WORDS = { red: "Red", amber: "Amber", green: "Green" } as const;
const CLASS = { red: "overdue", amber: "due-soon", green: "on-track" } as const;

/** A RAG rating in words as well as colour. */
export function RagBadge({ rating }: { rating: RagRating | null }) {
  if (!rating) return <span class="badge closed">No RAG yet</span>;
  return <span class={`badge ${CLASS[rating]}`}>RAG {WORDS[rating]}</span>;
}
