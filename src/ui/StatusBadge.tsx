import type { ChildStatus } from "../domain/caseload/assessChild.js";
import { STATUS_WORDS } from "./format.js";

export function StatusBadge({ status }: { status: ChildStatus }) {
  return <span class={`badge ${status}`}>{STATUS_WORDS[status]}</span>;
}
