import { ErrorForPeople } from "../domain/errorForPeople.js";
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
  if (error instanceof ErrorForPeople) return error.message;
  return "Something went wrong and nothing was changed. Try again; if it keeps happening, tell your IRO Desk administrator.";
}
