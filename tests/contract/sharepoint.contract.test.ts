import { describe, expect, it } from "vitest";
import { CASE_REGISTER_LIST, DEMO_SITE, DISPUTES_LIST, SETTINGS_LIST } from "../../src/sandbox/demo/demoTenant.js";
import { IRO, MANAGER, useTestSandbox } from "./testSandbox.js";

const sandbox = useTestSandbox();
const site = `/sites/${encodeURIComponent(DEMO_SITE)}`;
const register = `${site}/lists/${CASE_REGISTER_LIST}`;
const PREFER = { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" };

describe("the sandbox's SharePoint is as strict as SharePoint through Graph", () => {
  it("answers /sites/root and /sites/{id} with the site resource, and an unknown site with Graph's 404", async () => {
    const root = await sandbox.raw(IRO, "GET", "/sites/root");
    expect(root.status).toBe(200);
    expect(root.body).toMatchObject({ id: DEMO_SITE, displayName: "Westmere IRO service", webUrl: "https://westmere.sharepoint.example/sites/iro-service", root: {}, siteCollection: { hostname: "westmere.sharepoint.example" } });
    expect((await sandbox.raw(IRO, "GET", site)).body.id).toBe(DEMO_SITE);
    const unknown = await sandbox.raw(IRO, "GET", "/sites/westmere.sharepoint.example,00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000");
    expect(unknown.status).toBe(404);
    expect(unknown.body.error).toMatchObject({ code: "itemNotFound", message: "Requested site could not be found" });
  });

  it("lists the site's lists as Graph does: the document library and IRO Desk's three, each with its template", async () => {
    const lists = await sandbox.raw(IRO, "GET", `${site}/lists`);
    expect(lists.status).toBe(200);
    expect(lists.body.value.map((l: { displayName: string; list: { template: string } }) => [l.displayName, l.list.template])).toEqual([
      ["Documents", "documentLibrary"],
      [CASE_REGISTER_LIST, "genericList"],
      [DISPUTES_LIST, "genericList"],
      [SETTINGS_LIST, "genericList"],
    ]);
    expect(lists.body.value[1]).toMatchObject({ id: expect.stringMatching(/^[0-9a-f-]{36}$/), name: CASE_REGISTER_LIST, parentReference: { siteId: DEMO_SITE } });
  });

  it("serves each list's columns as columnDefinition, with which are indexed (as provisioning made them)", async () => {
    const columns = await sandbox.raw(IRO, "GET", `${register}/columns`);
    expect(columns.status).toBe(200);
    const byName = new Map<string, Record<string, unknown>>(columns.body.value.map((c: { name: string }) => [c.name, c]));
    expect(byName.get("Title")).toMatchObject({ indexed: true, text: { allowMultipleLines: false, maxLength: 255 } });
    expect(byName.get("IRO")).toMatchObject({ indexed: true });
    expect(byName.get("CPChair")).toMatchObject({ indexed: true });
    expect(byName.get("ChildName")).toMatchObject({ indexed: false, text: { allowMultipleLines: false } });
    expect(byName.get("RAGHistory")).toMatchObject({ indexed: false, text: { allowMultipleLines: true } });
    expect(byName.get("ShortBreaks")).toMatchObject({ boolean: {} });
    expect(byName.get("Created")).toMatchObject({ readOnly: true, indexed: false });
  });

  it("refuses a $filter on a column that is not indexed with SharePoint's 400, unless the Prefer header accepts the risk", async () => {
    const query = `${register}/items?$expand=fields&$filter=fields/SocialWorker eq 'nobody@westmere.example'`;
    const refused = await sandbox.raw(IRO, "GET", query);
    expect(refused.status).toBe(400);
    expect(refused.body.error.code).toBe("invalidRequest");
    expect(refused.body.error.message).toMatch(/^Field 'SocialWorker' cannot be referenced in filter or orderby as it is not indexed\. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header/);
    expect((await sandbox.raw(IRO, "GET", query, undefined, PREFER)).status).toBe(200);
    // Sorting counts too; an indexed column is fine without the header.
    expect((await sandbox.raw(IRO, "GET", `${register}/items?$orderby=fields/ChildName`)).status).toBe(400);
    const mine = await sandbox.raw(IRO, "GET", `${register}/items?$expand=fields&$filter=fields/IRO eq '${IRO}'&$orderby=fields/Title desc&$top=5000`);
    expect(mine.status).toBe(200);
    const refs = mine.body.value.map((i: { fields: { Title: string } }) => i.fields.Title);
    expect(refs).toEqual([...refs].sort().reverse());
  });

  it("$top is 1 to 5,000: more is an error, not quietly one page", async () => {
    for (const top of ["5001", "0", "ten"]) {
      const answer = await sandbox.raw(IRO, "GET", `${register}/items?$top=${top}`);
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(new RegExp(`Invalid \\$top value '${top}'`));
    }
    const all = await sandbox.raw(IRO, "GET", `${register}/items?$top=5000`);
    expect(all.body.value).toHaveLength(548);
    expect(all.body["@odata.nextLink"]).toBeUndefined();
  });

  it("past 5,000 items, a query on a column that is not indexed meets the list view threshold (429, not worth retrying); an indexed one that narrows it does not", async () => {
    const made = await sandbox.raw(MANAGER, "POST", `${site}/lists`, {
      displayName: "Big list",
      columns: [{ name: "Colour", text: {} }, { name: "Batch", text: {}, indexed: true }],
      list: { template: "genericList" },
    });
    expect(made.status).toBe(201);
    const list = sandbox.store.list(made.body.id)!;
    sandbox.store.transaction(() => {
      for (let i = 0; i < 6_000; i++) {
        sandbox.store.putListItem({ listId: list.id, id: sandbox.store.nextListItemId(list.id), version: 1, data: { createdDateTime: "2026-03-02T09:00:00Z", lastModifiedDateTime: "2026-03-02T09:00:00Z", createdBy: MANAGER, fields: { Title: `item ${i}`, Colour: i % 2 ? "red" : "blue", Batch: i < 100 ? "small" : "large" } } });
      }
    });
    const items = `${site}/lists/${made.body.id}/items`;
    for (const query of ["$filter=fields/Colour eq 'red'", "$orderby=fields/Colour", "$filter=fields/Batch eq 'large' and fields/Colour eq 'red'"]) {
      const refused = await sandbox.raw(MANAGER, "GET", `${items}?${query}`, undefined, PREFER);
      expect(refused.status, query).toBe(429);
      expect(refused.body.error).toMatchObject({ code: "activityLimitReached", message: "The request has been throttled", innerError: { code: "throttledRequest" } });
      expect(refused.headers.get("Retry-After")).toBeNull();
    }
    const narrowed = await sandbox.raw(MANAGER, "GET", `${items}?$expand=fields&$filter=fields/Batch eq 'small' and fields/Colour eq 'red'`, undefined, PREFER);
    expect(narrowed.status).toBe(200);
    expect(narrowed.body.value).toHaveLength(50);
    // Reading the whole list page by page (no filter, no sort) is always allowed.
    const paged = await sandbox.raw(MANAGER, "GET", `${items}?$top=5000`);
    expect(paged.body.value).toHaveLength(5_000);
    expect(paged.body["@odata.nextLink"]).toBeDefined();
  }, 60_000);

  it("answers a PATCH of fields as Graph documents it: 200 and the fieldValueSet, with no version in it", async () => {
    const item = await sandbox.raw(IRO, "GET", `${register}/items/12?$expand=fields`);
    const patched = await sandbox.raw(IRO, "PATCH", `${register}/items/12/fields`, { ChildName: "Patched" }, { "If-Match": item.body["@odata.etag"] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: "12", ChildName: "Patched", Title: item.body.fields.Title });
    expect(patched.body["@odata.etag"]).toBeUndefined();
    expect(patched.headers.get("ETag")).toBeNull();
  });

  it("checks values against their columns, and columns against SharePoint's rules", async () => {
    const items = `${register}/items`;
    const wrongType = await sandbox.raw(IRO, "POST", items, { fields: { Title: "999100", ShortBreaks: "yes" } });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.message).toBe("Field 'ShortBreaks' must be true or false.");
    const tooLong = await sandbox.raw(IRO, "POST", items, { fields: { Title: "x".repeat(256) } });
    expect(tooLong.body.error.message).toBe("Field 'Title' must be text of at most 255 characters.");
    const readOnly = await sandbox.raw(IRO, "POST", items, { fields: { Created: "2026-01-01T00:00:00Z" } });
    expect(readOnly.body.error.message).toBe("Field 'Created' is read-only.");
    const note = await sandbox.raw(MANAGER, "POST", `${register}/columns`, { name: "Notes", text: { allowMultipleLines: true }, indexed: true });
    expect(note.status).toBe(400);
    expect(note.body.error.message).toMatch(/multiple lines of text, which SharePoint cannot index/);
    const again = await sandbox.raw(MANAGER, "POST", `${site}/lists`, { displayName: CASE_REGISTER_LIST, list: { template: "genericList" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("nameAlreadyExists");
  });
});
