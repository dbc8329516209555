import { LateReasonNeeded } from "../app/lateReasons.js";
import { ProposalError } from "../app/proposals/proposalErrors.js";
import { DisputeRuleError } from "../domain/disputes/dispute.js";
import { PortError } from "../ports/errors.js";
import type { ComponentChildren } from "preact";

/** Errors are announced at once (role=alert); progress and success politely (role=status). */
export function Notice({ kind, children }: { kind: "error" | "success" | "info"; children: ComponentChildren }) {
  return (
    <div class={`notice ${kind}`} role={kind === "error" ? "alert" : "status"}>
      {children}
    </div>
  );
}

/** A message for any failure: the ports', use cases' and rules' errors are written for people; anything else is not shown raw. */
export function errorText(error: unknown): string {
  if (error instanceof PortError || error instanceof LateReasonNeeded || error instanceof DisputeRuleError || error instanceof ProposalError) return error.message;
  return "Something went wrong and nothing was changed. Try again; if it keeps happening, tell your IRO Desk administrator.";
}
