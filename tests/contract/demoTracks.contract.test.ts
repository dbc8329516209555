import { describe, expect, it } from "vitest";
import { fromRegisterFields } from "../../src/adapters/graph/caseRegisterFields.js";
import { timescaleOptions } from "../../src/app/timescaleOptions.js";
import { DEFAULT_SETTINGS } from "../../src/app/serviceSettings.js";
import { assessChild } from "../../src/domain/caseload/assessChild.js";
import { CASE_REGISTER_LIST } from "../../src/sandbox/demo/demoTenant.js";
import { IRO, TODAY, useTestSandbox } from "./testSandbox.js";

const sandbox = useTestSandbox();

describe("the demo service has children on every track, so the previews show them", () => {
  it("adoption and secure placements, transfer-in and pre-birth conferences, s.47 start dates: valid, and some waiting, some due, some overdue", () => {
    const children = sandbox.store.listItems(sandbox.store.list(CASE_REGISTER_LIST)!.id).map((i) => fromRegisterFields(i.data.fields).childCase!);
    expect(children).toHaveLength(548);
    const assessed = children.map((c) => assessChild(c, TODAY, timescaleOptions(DEFAULT_SETTINGS)));
    const next = (event: string) => assessed.filter((a) => a.next?.event === event);
    const statuses = (event: string) => [...new Set(next(event).map((a) => a.status))].sort();

    expect(next("adoption-review")).toHaveLength(5);
    expect(statuses("adoption-review")).toEqual(expect.arrayContaining(["due-soon", "on-track", "overdue"]));
    expect(next("adoption-review").every((a) => a.child.lac?.legalStatus === "E1" && a.lac?.next?.event === "lac-review")).toBe(true);
    expect(assessed.filter((a) => a.child.secure)).toHaveLength(3);
    expect(assessed.filter((a) => a.secure?.history.length).length).toBe(1);
    expect(statuses("transfer-in-conference")).toEqual(["due-soon", "overdue"]);
    expect(assessed.filter((a) => a.cp?.history[0]?.event === "transfer-in-conference")).toHaveLength(1);
    expect(next("pre-birth-conference")).toHaveLength(1);
    const preBirthHeld = assessed.filter((a) => a.cp?.history[0]?.event === "pre-birth-conference");
    expect(preBirthHeld).toHaveLength(2);
    // Born since the conference: the first review conference is due 20 working days after the birth, sooner than 3 months.
    expect(preBirthHeld.filter((a) => a.cp?.next?.early === "birth")).toHaveLength(1);
    expect(children.filter((c) => c.cp?.s47Start).length).toBeGreaterThan(20);
    const onNewTracks = assessed.filter((a) => a.child.adoption || a.child.secure || a.child.cp?.transferIn || a.child.cp?.preBirth || a.child.cp?.s47Start);
    expect(onNewTracks.filter((a) => a.status === "invalid").map((a) => a.child.ref)).toEqual([]);
    // Sam Okafor's children (the previews' first IRO) are as they were.
    expect(children.filter((c) => c.iro === IRO && (c.adoption || c.secure || c.cp?.transferIn || c.cp?.preBirth))).toEqual([]);
  });
});
