import { CASE_REF_PROPERTY } from "../../src/adapters/graph/extendedProperties.js";
import { fromRegisterFields } from "../../src/adapters/graph/caseRegisterFields.js";
import { timescaleOptions } from "../../src/app/timescaleOptions.js";
import { DEFAULT_SETTINGS } from "../../src/app/serviceSettings.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { assessChild } from "../../src/domain/caseload/assessChild.js";
import type { ChildCase } from "../../src/domain/caseload/childCase.js";
import { CASE_REGISTER_LIST } from "../../src/sandbox/demo/demoTenant.js";
import type { TestSandbox } from "../contract/testSandbox.js";

/** Every child in the sandbox's register, as the panes read them. */
export function registerOf(sandbox: TestSandbox): ChildCase[] {
  return sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).map((i) => fromRegisterFields(i.data.fields).childCase!);
}

/** The child's next statutory due-by date on `today`, if anything is due. */
export function nextDueBy(child: ChildCase, today: IsoDate): IsoDate | null {
  return assessChild(child, today, timescaleOptions(DEFAULT_SETTINGS)).next?.dueBy ?? null;
}

/**
 * A looked after child (not on a plan) of this IRO's whose next review is not booked yet, with a
 * social worker and team manager, straight from the sandbox's register; the options narrow it to a
 * next review due in that range (on `today`), with a parent among the contacts, skipping the first few.
 */
export function unbookedChildOf(sandbox: TestSandbox, upn: string, today: IsoDate, dueBy: { after?: string; before?: string; withParent?: boolean; skip?: number } = {}): ChildCase & { dueBy: IsoDate } {
  let skip = dueBy.skip ?? 0;
  const booked = new Set(
    sandbox.store
      .allEvents(sandbox.store.user(upn)!.id)
      .flatMap((e) => ((e.data.singleValueExtendedProperties ?? []) as { id: string; value: string }[]).filter((p) => p.id === CASE_REF_PROPERTY).map((p) => p.value)),
  );
  for (const child of registerOf(sandbox)) {
    if (child.iro !== upn || !child.lac || child.cp || booked.has(child.ref) || !child.socialWorker || !child.teamManager) continue;
    const due = nextDueBy(child, today);
    if (!due || (dueBy.after && due <= dueBy.after) || (dueBy.before && due >= dueBy.before)) continue;
    if ((dueBy.withParent && !child.contacts.some((c) => c.role === "parent")) || skip-- > 0) continue;
    return { ...child, dueBy: due };
  }
  throw new Error("no such unbooked child in the demo data");
}
