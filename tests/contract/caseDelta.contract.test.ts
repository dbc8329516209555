import { describe, expect, it } from "vitest";
import { GraphCaseStore } from "../../src/adapters/graph/graphCaseStore.js";
import type { CaseRef } from "../../src/domain/caseload/caseRef.js";
import { CASE_REGISTER_LIST, DEMO_SITE } from "../../src/sandbox/demo/demoTenant.js";
import { IRO, MANAGER, useTestSandbox } from "./testSandbox.js";

const sandbox = useTestSandbox();
const items = `/sites/${encodeURIComponent(DEMO_SITE)}/lists/${CASE_REGISTER_LIST}/items`;
const store = (pageSize = 200) => new GraphCaseStore(sandbox.graph(IRO), { site: DEMO_SITE, list: CASE_REGISTER_LIST }, pageSize);

describe("the register's changes through Graph's delta query (CaseChangeFeed on GraphCaseStore)", () => {
  it("the first read is the whole register, over pages, with a delta link; later reads give only what changed, deletions included", async () => {
    const s = store(150);
    const first = await s.changes(null);
    expect(first.full).toBe(true);
    expect(first.cases).toHaveLength(548);
    expect(first.removed).toEqual([]);
    expect(first.deltaLink).toMatch(/\/items\/delta\?/);

    const nothing = await s.changes(first.deltaLink);
    expect(nothing).toMatchObject({ full: false, cases: [], removed: [] });

    // Someone changes one child, adds one and deletes another.
    const changed = await s.readCase("20");
    const saved = await s.updateCase(changed.id, changed.version, { ...changed.childCase, childName: "Changed Since" });
    const added = await s.createCase({ ...changed.childCase, ref: "999300" as CaseRef });
    expect((await sandbox.raw(MANAGER, "DELETE", `${items}/21`)).status).toBe(204);

    const since = await s.changes(nothing.deltaLink);
    expect(since.full).toBe(false);
    expect(since.cases.map((c) => [c.id, c.childCase.childName, c.version])).toEqual([
      ["20", "Changed Since", saved.version],
      [added.id, changed.childCase.childName, added.version],
    ]);
    expect(since.removed).toEqual(["21"]);
    expect((await s.changes(since.deltaLink)).cases).toEqual([]);
  });

  it("the entries a person holds (IRO or CP chair) by the indexed columns, every page, whatever the case of the address, each once", async () => {
    const s = store(20);
    const all = (await s.changes(null)).cases;
    const theirs = all.filter((c) => c.childCase.iro === IRO || c.childCase.cp?.chair === IRO);
    expect(theirs.length).toBeGreaterThan(20);
    const held = await s.heldBy(IRO.toUpperCase());
    expect(held.cases.map((c) => c.id).sort()).toEqual(theirs.map((c) => c.id).sort());
    expect(held.unreadable).toEqual([]);
    // SharePoint compares text without regard to case (the sandbox too), and an address with a quote is sent quoted.
    expect((await sandbox.raw(IRO, "GET", `${items}?$expand=fields&$filter=fields/IRO eq '${IRO.toUpperCase()}'&$top=5000`)).body.value.length).toBe(all.filter((c) => c.childCase.iro === IRO).length);
    expect((await s.heldBy("o'brien@westmere.example")).cases).toEqual([]);
  });

  it("reports a deleted item as Graph does, and token=latest starts from now without the items", async () => {
    const latest = await sandbox.raw(IRO, "GET", `${items}/delta?token=latest`);
    expect(latest.status).toBe(200);
    expect(latest.body.value).toEqual([]);
    await sandbox.raw(MANAGER, "DELETE", `${items}/22`);
    const after = await sandbox.raw(IRO, "GET", latest.body["@odata.deltaLink"].slice(sandbox.graphUrl.length));
    expect(after.body.value).toEqual([{ id: "22", parentReference: { siteId: DEMO_SITE }, contentType: { id: "0x0100", name: "Item" }, deleted: { state: "deleted" } }]);
    expect(after.body["@odata.deltaLink"]).toBeDefined();
  });

  it("an expired or unknown token is 410 Gone, resyncRequired, with a Location that starts again; the store then reads everything and says so", async () => {
    const s = store();
    const { deltaLink } = await s.changes(null);
    const garbled = await sandbox.raw(IRO, "GET", `${items}/delta?token=not-a-token`);
    expect(garbled.status).toBe(410);
    expect(garbled.body.error).toMatchObject({ code: "resyncRequired", innerError: { code: "resyncChangesApplyDifferences" } });
    expect(garbled.headers.get("Location")).toBe(`${sandbox.graphUrl}${items}/delta`);

    sandbox.behaviour.deltaTokenLifetimeMs = 1_000;
    try {
      await new Promise((r) => setTimeout(r, 1_100));
      const expired = await sandbox.raw(IRO, "GET", deltaLink.slice(sandbox.graphUrl.length));
      expect(expired.status).toBe(410);
      const again = await s.changes(deltaLink);
      expect(again.full).toBe(true);
      expect(again.cases.length).toBeGreaterThanOrEqual(546);
      expect(again.removed).toEqual([]);
    } finally {
      sandbox.behaviour.deltaTokenLifetimeMs = 30 * 86_400_000;
    }
  });
});
