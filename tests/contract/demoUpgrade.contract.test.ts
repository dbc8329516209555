import { describe, expect, it } from "vitest";
import { GraphCaseStore } from "../../src/adapters/graph/graphCaseStore.js";
import { CASE_REGISTER_LIST, DEMO_SITE } from "../../src/sandbox/demo/demoTenant.js";
import { MANAGER, useTestSandbox } from "./testSandbox.js";

const sandbox = useTestSandbox();
const NEW = ["S47Discussion", "S47Start", "TransferIn", "PreBirth", "Born", "AdoptionPlaced", "AdoptionReviews", "AdoptionEnded", "SecurePlaced", "SecureReviews", "SecureEnded"];

describe("a sandbox kept from an older build", () => {
  it("is brought up to date on start as a tenant is by provisioning: the register gets its new columns and keeps every child", async () => {
    const register = sandbox.store.list(CASE_REGISTER_LIST, DEMO_SITE)!;
    const children = sandbox.store.listItems(register.id).length;
    // As an older build left it: the register without the columns of the s.47 start, transfer-in, pre-birth, adoption and secure tracks.
    sandbox.store.putList({ ...register, columns: register.columns.filter((c) => !NEW.includes(c.name)) });
    const graph = sandbox.graph(MANAGER);
    const cases = new GraphCaseStore(graph, { site: DEMO_SITE, list: CASE_REGISTER_LIST });
    const first = (await cases.readCases()[Symbol.asyncIterator]().next()).value!.cases[0]!;
    // Writing a case names every column, so the old list refuses it, as SharePoint would.
    await expect(cases.updateCase(first.id, first.version, first.childCase)).rejects.toThrow();

    await sandbox.restart();
    const after = sandbox.store.list(CASE_REGISTER_LIST, DEMO_SITE)!;
    expect(NEW.filter((name) => !after.columns.some((c) => c.name === name))).toEqual([]);
    expect(sandbox.store.listItems(after.id)).toHaveLength(children);
    const saved = await new GraphCaseStore(sandbox.graph(MANAGER), { site: DEMO_SITE, list: CASE_REGISTER_LIST }).updateCase(first.id, first.version, first.childCase);
    expect(saved.childCase).toEqual(first.childCase);
  });
});
