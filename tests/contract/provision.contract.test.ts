import { describe, expect, it } from "vitest";
import { GraphCaseStore } from "../../src/adapters/graph/graphCaseStore.js";
import { GraphSettingsStore } from "../../src/adapters/graph/graphSettingsStore.js";
import { GraphSiteAdmin } from "../../src/adapters/graph/graphSiteAdmin.js";
import { iroDeskLists } from "../../src/adapters/graph/listDefinitions.js";
import { provisionSite } from "../../src/app/provisionSite.js";
import { readServiceSettings } from "../../src/app/readServiceSettings.js";
import { DEFAULT_TEMPLATES } from "../../src/domain/templates/defaultTemplates.js";
import { DEMO_SITE } from "../../src/sandbox/demo/demoTenant.js";
import { MANAGER, useTestSandbox } from "./testSandbox.js";
import { lacChild } from "../fixtures/children.js";
import type { ChildCase } from "../../src/domain/caseload/childCase.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";

const sandbox = useTestSandbox();
const NAMES = { register: "CaseRegister", disputes: "Disputes", settings: "IroDeskSettings" };
let sites = 0;

/** A new, empty SharePoint site in the sandbox, as a council's site is before provisioning. */
function emptySite(): string {
  const id = `council${++sites}.sharepoint.example,1b2c3d4e-0000-4000-8000-00000000000${sites},2c3d4e5f-0000-4000-8000-00000000000${sites}`;
  sandbox.store.putSite({ id, name: "iro", displayName: `Council ${sites} IRO service`, webUrl: `https://council${sites}.sharepoint.example/sites/iro`, root: false, createdDateTime: "2026-01-05T09:00:00Z" });
  return id;
}

function provision(site: string, service: Parameters<typeof provisionSite>[2] = null) {
  const graph = sandbox.graph(MANAGER);
  return provisionSite({ admin: new GraphSiteAdmin(graph, site), settings: new GraphSettingsStore(graph, { site, list: NAMES.settings }) }, iroDeskLists(NAMES), service);
}

async function columnsOf(site: string, list: string): Promise<Map<string, { indexed: boolean; text?: { allowMultipleLines: boolean }; number?: object; boolean?: object }>> {
  const answer = await sandbox.raw(MANAGER, "GET", `/sites/${encodeURIComponent(site)}/lists/${list}/columns`);
  return new Map(answer.body.value.map((c: { name: string }) => [c.name, c]));
}

describe("provisioning a service's SharePoint site through Graph", () => {
  it("on an empty site creates the three lists with every column, its type and the indexes, and the one settings item", async () => {
    const site = emptySite();
    const report = await provision(site);
    expect(report.site.displayName).toBe("Council 1 IRO service");
    expect(report.lists.map((l) => [l.name, l.created, l.problems])).toEqual([["CaseRegister", true, []], ["Disputes", true, []], ["IroDeskSettings", true, []]]);
    expect(report.settings).toBe("created");
    expect(report.changed).toBe(true);
    for (const spec of iroDeskLists(NAMES)) {
      const columns = await columnsOf(site, spec.name);
      for (const column of spec.columns) {
        const made = columns.get(column.name);
        expect(made, `${spec.name}.${column.name}`).toBeDefined();
        expect(made!.indexed, `${spec.name}.${column.name} indexed`).toBe(column.indexed);
        const kind = made!.text ? (made!.text.allowMultipleLines ? "note" : "text") : made!.number ? "number" : made!.boolean ? "boolean" : "other";
        expect(kind, `${spec.name}.${column.name} type`).toBe(column.kind);
      }
    }
    // The queries IRO Desk makes work on what was made: the settings by an indexed Title, the register by delta.
    const settings = await new GraphSettingsStore(sandbox.graph(MANAGER), { site, list: NAMES.settings }).read();
    expect(settings.templates).toEqual(DEFAULT_TEMPLATES);
    expect(settings.service.staff).toEqual([]);
    const changes = await new GraphCaseStore(sandbox.graph(MANAGER), { site, list: NAMES.register }).changes(null);
    expect(changes).toMatchObject({ full: true, cases: [] });
  });

  it("run again changes nothing and reports what it found", async () => {
    const site = emptySite();
    await provision(site);
    const before = sandbox.store.lists(site).map((l) => JSON.stringify(l));
    const again = await provision(site);
    expect(again.changed).toBe(false);
    expect(again.settings).toBe("found");
    expect(again.lists.map((l) => [l.name, l.created, l.columnsFound, l.columnsAdded, l.indexesAdded])).toEqual(iroDeskLists(NAMES).map((spec) => [spec.name, false, spec.columns.length, [], []]));
    expect(sandbox.store.lists(site).map((l) => JSON.stringify(l))).toEqual(before);
    expect(sandbox.store.listItems(sandbox.store.list(NAMES.settings, site)!.id)).toHaveLength(1);
  });

  it("completes a site set up by hand: adds missing columns and indexes, and reports a column of the wrong type without touching it", async () => {
    const site = emptySite();
    const made = await sandbox.raw(MANAGER, "POST", `/sites/${encodeURIComponent(site)}/lists`, {
      displayName: "CaseRegister",
      columns: [{ name: "ChildName", text: {} }, { name: "ShortBreaks", text: {} }, { name: "IRO", text: {} }],
      list: { template: "genericList" },
    });
    expect(made.status).toBe(201);
    const report = await provision(site);
    const register = report.lists[0]!;
    expect(register.created).toBe(false);
    expect(register.columnsAdded).toHaveLength(iroDeskLists(NAMES)[0]!.columns.length - 4);
    // Title and IRO were there unindexed; CPChair was added with its index.
    expect(register.indexesAdded).toEqual(["Title", "IRO"]);
    expect(register.problems).toEqual(["column ShortBreaks is single-line text, IRO Desk needs yes/no: change or rename it in SharePoint, then run this again"]);
    const columns = await columnsOf(site, "CaseRegister");
    expect(columns.get("CPChair")!.indexed).toBe(true);
    expect(columns.get("ShortBreaks")!.text).toBeDefined();
  });

  it("upgrades a register from before the new tracks: adds their columns to the list in place, keeps its cases, then holds a child on each", async () => {
    const site = emptySite();
    const graph = sandbox.graph(MANAGER);
    const admin = new GraphSiteAdmin(graph, site);
    const settings = new GraphSettingsStore(graph, { site, list: NAMES.settings });
    // The register as the release before made it: no s.47 start, transfer-in, pre-birth, adoption or secure columns.
    const NEW = ["S47Discussion", "S47Start", "TransferIn", "PreBirth", "Born", "AdoptionPlaced", "AdoptionReviews", "AdoptionEnded", "SecurePlaced", "SecureReviews", "SecureEnded"];
    const before = iroDeskLists(NAMES).map((spec) => ({ ...spec, columns: spec.columns.filter((c) => !NEW.includes(c.name)) }));
    await provisionSite({ admin, settings }, before, null);
    const items = sandbox.store.list(NAMES.register, site)!.id;
    sandbox.store.putListItem({ listId: items, id: sandbox.store.nextListItemId(items), version: 1, data: { createdDateTime: "2026-01-05T09:00:00Z", lastModifiedDateTime: "2026-01-05T09:00:00Z", createdBy: MANAGER, fields: { Title: "OLD1", DateOfBirth: "2015-05-01", LACStart: "2025-06-02", LACReviews: "[]" } } });

    const report = await provision(site);
    expect(report.lists[0]).toMatchObject({ name: "CaseRegister", created: false, columnsAdded: NEW, problems: [] });
    expect(report.changed).toBe(true);
    const columns = await columnsOf(site, "CaseRegister");
    expect(columns.get("PreBirth")!.boolean).toBeDefined();
    expect(columns.get("AdoptionReviews")!.text).toEqual(expect.objectContaining({ allowMultipleLines: true }));

    const store = new GraphCaseStore(graph, { site, list: NAMES.register });
    const child = {
      ...lacChild("NEW1", "2025-09-01", ["2025-09-26"]),
      cp: { chair: null, strategyDiscussions: [], s47Start: "2026-02-02" as IsoDate, transferIn: "2026-02-16" as IsoDate, icpc: null, category: null, reviews: [], ended: null },
      adoption: { placed: "2026-01-12" as IsoDate, reviews: [{ held: "2026-02-05" as IsoDate, participation: "PN1" as const }], ended: null },
      secure: { placed: "2026-02-20" as IsoDate, reviews: [], ended: null },
    };
    await store.createCase(child);
    const read: ChildCase[] = [];
    for await (const page of store.readCases()) read.push(...page.cases.map((c) => c.childCase));
    expect(read.map((c) => c.ref)).toEqual(["OLD1", "NEW1"]);
    expect(read[1]).toEqual(child);
    expect(read[0]!.adoption).toBeUndefined();
    expect((await provision(site)).changed).toBe(false);
  });

  it("writes the service settings it is given into the one item, checked; given the same again it says so and changes nothing", async () => {
    const site = emptySite();
    await provision(site);
    const { settings: service, errors } = readServiceSettings({ managers: ["head@council.example"], staff: [{ upn: "iro@council.example", name: "Ann Iro", fte: 0.8, cpChair: true }], maxReviewsPerDay: 4 });
    expect(errors).toEqual([]);
    const written = await provision(site, service);
    expect(written.settings).toBe("service settings written");
    const read = await new GraphSettingsStore(sandbox.graph(MANAGER), { site, list: NAMES.settings }).read();
    expect(read.service).toEqual(service);
    const same = await provision(site, service);
    expect(same).toMatchObject({ settings: "service settings already as given", changed: false });
  });

  it("the demo site was set up by the same provisioning: running it there changes nothing", async () => {
    const report = await provision(DEMO_SITE);
    expect(report.changed).toBe(false);
    expect(report.lists.every((l) => !l.created && l.problems.length === 0)).toBe(true);
  });
});
