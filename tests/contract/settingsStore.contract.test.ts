import { describe, expect, it } from "vitest";
import { readServiceSettingsItem, SETTINGS_ITEM_TITLE } from "../../src/adapters/graph/graphServiceSettings.js";
import { GraphSettingsStore } from "../../src/adapters/graph/graphSettingsStore.js";
import { DEFAULT_LADDER } from "../../src/domain/disputes/dispute.js";
import { DEFAULT_TEMPLATES } from "../../src/domain/templates/defaultTemplates.js";
import { ConflictError, RequestError, SettingsError } from "../../src/ports/errors.js";
import { DEMO_SITE, SETTINGS_LIST } from "../../src/sandbox/demo/demoTenant.js";
import { IRO, MANAGER, useTestSandbox } from "./testSandbox.js";

const sandbox = useTestSandbox();
const OTHER_MANAGER = "daniel.hughes@westmere.example";
const items = `/sites/${encodeURIComponent(DEMO_SITE)}/lists/${SETTINGS_LIST}/items`;
const store = (upn = MANAGER, retry?: Parameters<typeof sandbox.graph>[1]) => new GraphSettingsStore(sandbox.graph(upn, retry), { site: DEMO_SITE, list: SETTINGS_LIST });
const settingsItems = () => sandbox.store.listItems(sandbox.store.list(SETTINGS_LIST)!.id);

describe("SettingsStore port against the sandbox (GraphSettingsStore)", () => {
  it("reads the service's one settings item: its staff, managers, templates and ladder, checked, with its version", async () => {
    const read = await store(IRO).read();
    expect(read.service.staff.map((s) => s.name)).toContain("Sam Okafor");
    expect(read.service.staff).toHaveLength(8);
    expect(read.service.staff.find((s) => s.name === "Claire Dunmore")).toMatchObject({ fte: 0.6, cpChair: false });
    expect(read.service.managers).toEqual([MANAGER, OTHER_MANAGER]);
    expect(read.service.feedbackUrl).toBe("https://feedback.westmere.example/iro");
    expect(read.templates).toEqual(DEFAULT_TEMPLATES);
    // IRO Desk's ladder, with the demo council's senior managers and Cafcass office named for the later stages.
    expect(read.ladder.map(({ letterTo: _, ...stage }) => stage)).toEqual(DEFAULT_LADDER.map(({ letterTo: _, ...stage }) => stage));
    expect(read.ladder.slice(0, 2)).toEqual(DEFAULT_LADDER.slice(0, 2));
    expect(read.ladder[2]!.letterTo).toEqual({ address: "ruth.adeyemi@westmere.example", name: "Ruth Adeyemi" });
    expect(read.version).toMatch(/^"[0-9a-f-]{36},\d+"$/);
  });

  it("saves one part on the version read and keeps the others; the answer's version is the item's, never \"undefined\"", async () => {
    const s = store();
    const before = await s.read();
    const ladder = [...before.ladder.slice(0, -1), { name: "Referral to Cafcass (by the service manager)", responseDays: null }];
    const saved = await s.save({ ladder }, before.version);
    // Graph's PATCH answer carries no ETag: the store reads the item again for it.
    expect(saved.version).not.toBe("undefined");
    expect(saved.version).not.toBe(before.version);
    expect(saved.ladder).toEqual(ladder);
    expect(saved.service).toEqual(before.service);
    const again = await store(IRO).read();
    expect(again).toEqual(saved);
  });

  it("two managers saving at once: the second is refused (nothing overwritten), and there is still exactly one settings item", async () => {
    const first = store(MANAGER);
    const second = store(OTHER_MANAGER);
    const a = await first.read();
    const b = await second.read();
    await first.save({ service: { ...a.service, maxReviewsPerDay: 4 } }, a.version);
    const stale = second.save({ service: { ...b.service, dueSoonWorkingDays: 15 } }, b.version);
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    const now = await second.read();
    expect(now.service.maxReviewsPerDay).toBe(4);
    expect(now.service.dueSoonWorkingDays).toBe(10);
    expect(settingsItems()).toHaveLength(1);
  });

  it("a save whose answer was lost is retried, and its own 412 is recognised as saved, not reported as someone else's change", async () => {
    const s = store(MANAGER, { maxAttempts: 3, timeoutMs: 1_500, maxDelayMs: 1_000 });
    const read = await s.read();
    const ladder = read.ladder.map((stage, i) => (i === 1 ? { ...stage, responseDays: 10 } : stage));
    sandbox.faults.set([{ kind: "hang", count: 1, method: "PATCH", hangMs: 6_000 }]);
    try {
      const saved = await s.save({ ladder }, read.version);
      expect(saved.ladder[1]!.responseDays).toBe(10);
    } finally {
      sandbox.faults.set([]);
    }
    expect((await store(IRO).read()).ladder[1]!.responseDays).toBe(10);
  });

  it("refuses to save settings that are not valid, naming the problem, and writes nothing", async () => {
    const s = store();
    const read = await s.read();
    const broken = { ...read.templates[0]!, body: "Dear {{socialWorkerName}}" };
    const error = await s.save({ templates: [broken, ...read.templates.slice(1)] }, read.version).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestError);
    expect((error as Error).message).toMatch(/Nothing was saved: the templates: template 1 .*\{\{socialWorkerName\}\}/);
    expect((await s.read()).version).toBe(read.version);
  });

  it("settings in the site that are not valid are an error in words naming each problem, never silently the defaults", async () => {
    const id = settingsItems()[0]!.id;
    const good = (await sandbox.raw(MANAGER, "GET", `${items}/${id}?$expand=fields`)).body.fields.Service;
    await sandbox.raw(MANAGER, "PATCH", `${items}/${id}/fields`, { Service: JSON.stringify({ staff: [{ upn: "x" }], colour: "red" }) });
    try {
      const error = await store(IRO).read().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(SettingsError);
      expect((error as Error).message).toMatch(/the service settings: settings.colour is not a setting/);
      expect((error as Error).message).toMatch(/settings.staff should be a list/);
      expect((error as Error).message).toMatch(/iro-desk provision/);
    } finally {
      await sandbox.raw(MANAGER, "PATCH", `${items}/${id}/fields`, { Service: good });
    }
  });

  it("a pane's service settings alone: the whole item's service settings and version; broken templates are named where the templates are read, not where they are not needed", async () => {
    const whole = await store(IRO).read();
    const alone = await readServiceSettingsItem(sandbox.graph(IRO), { site: DEMO_SITE, list: SETTINGS_LIST });
    expect(alone).toEqual({ service: whole.service, version: whole.version });
    const id = settingsItems()[0]!.id;
    const { Templates: good, Service: service } = (await sandbox.raw(MANAGER, "GET", `${items}/${id}?$expand=fields`)).body.fields;
    await sandbox.raw(MANAGER, "PATCH", `${items}/${id}/fields`, { Templates: "[{" });
    try {
      expect((await readServiceSettingsItem(sandbox.graph(IRO), { site: DEMO_SITE, list: SETTINGS_LIST })).service).toEqual(whole.service);
      await expect(store(IRO).read()).rejects.toThrow(/the templates: not readable JSON/);
      await sandbox.raw(MANAGER, "PATCH", `${items}/${id}/fields`, { Templates: good ?? "", Service: JSON.stringify({ staff: "everyone" }) });
      await expect(readServiceSettingsItem(sandbox.graph(IRO), { site: DEMO_SITE, list: SETTINGS_LIST })).rejects.toThrow(/The service's settings cannot be used: the service settings: settings.staff/);
    } finally {
      await sandbox.raw(MANAGER, "PATCH", `${items}/${id}/fields`, { Templates: good ?? "", Service: service ?? "" });
    }
  });

  it("reads deterministically: with a stray second item (left by an older version) every reader gets the oldest, and saves go to it", async () => {
    const stray = await sandbox.raw(OTHER_MANAGER, "POST", items, { fields: { Title: SETTINGS_ITEM_TITLE, Ladder: JSON.stringify([{ name: "Only stage", responseDays: 5 }]) } });
    expect(stray.status).toBe(201);
    try {
      const read = await store(IRO).read();
      expect(read.ladder).not.toEqual([{ name: "Only stage", responseDays: 5 }]);
      const saved = await store().save({ ladder: [...read.ladder] }, read.version);
      expect(settingsItems().find((i) => i.id === Number(stray.body.id))!.version).toBe(1);
      expect(saved.version).toBe((await store(OTHER_MANAGER).read()).version);
    } finally {
      await sandbox.raw(MANAGER, "DELETE", `${items}/${stray.body.id}`);
    }
  });

  it("reads the item by its Title only where that column is indexed (SharePoint refuses otherwise); a site where it is not says so in words", async () => {
    const site = "byhand.sharepoint.example,5e6f7081-0000-4000-8000-000000000001,6f708192-0000-4000-8000-000000000001";
    sandbox.store.putSite({ id: site, name: "iro", displayName: "Set up by hand", webUrl: "https://byhand.sharepoint.example/sites/iro", root: false, createdDateTime: "2026-01-05T09:00:00Z" });
    const made = await sandbox.raw(MANAGER, "POST", `/sites/${encodeURIComponent(site)}/lists`, { displayName: SETTINGS_LIST, columns: [{ name: "Service", text: { allowMultipleLines: true } }], list: { template: "genericList" } });
    await sandbox.raw(MANAGER, "POST", `/sites/${encodeURIComponent(site)}/lists/${made.body.id}/items`, { fields: { Title: SETTINGS_ITEM_TITLE } });
    const error = await new GraphSettingsStore(sandbox.graph(IRO), { site, list: SETTINGS_LIST }).read().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SettingsError);
    expect((error as Error).message).toBe(`The service's settings cannot be used: the settings list's Title column is not indexed, so SharePoint will not find the settings item by it. An administrator runs "iro-desk provision" for the site (or fixes the settings item) to put this right.`);
  });

  it("a site with no settings item says so in words, and a save does not create one", async () => {
    const [item] = settingsItems();
    sandbox.store.deleteListItem(item!.listId, item!.id);
    try {
      const s = store();
      await expect(s.read()).rejects.toThrow(/The service's settings cannot be used: the settings list has no "iro-desk" item.*iro-desk provision/);
      await expect(s.save({ ladder: DEFAULT_LADDER }, "")).rejects.toBeInstanceOf(SettingsError);
      expect(settingsItems()).toHaveLength(0);
    } finally {
      sandbox.store.putListItem(item!);
    }
  });
});
