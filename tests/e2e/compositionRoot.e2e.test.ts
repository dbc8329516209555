import { describe, expect, it } from "vitest";
import { GraphSettingsStore } from "../../src/adapters/graph/graphSettingsStore.js";
import { DEMO_SITE, SETTINGS_LIST } from "../../src/sandbox/demo/demoTenant.js";
import { axeViolations, screenshot, ukPage, useBrowserAndSandbox } from "./browser.js";

/**
 * Every pane is built by one composition root from the configuration and a host adapter: the
 * signed-in user from Graph's /me, the service's settings from its own settings list. These tests
 * drive the previews, which differ from Outlook, Teams and the extension only in their host adapter.
 */
const { browser, sandbox } = useBrowserAndSandbox();
const at = (page: string, user: string, extra = "") => `${sandbox.url}/${page}?today=2026-03-02&now=2026-03-02T08:00:00Z&user=${user}${extra}`;
const IRO = "sam.okafor@westmere.example";
const MANAGER = "priya.shah@westmere.example";

describe("the composition root", { timeout: 60_000 }, () => {
  it("asks Graph's /me who is signed in and reads the service's settings from its site, together (in one $batch with the person's own register entries and the bookings; the whole register after)", async () => {
    const page = await ukPage(browser(), 480, 900);
    const batches: string[][] = [];
    const register: string[] = [];
    page.on("request", (r) => r.url().endsWith("/graph/v1.0/$batch") && batches.push((JSON.parse(r.postData()!) as { requests: { url: string }[] }).requests.map((q) => decodeURIComponent(q.url))));
    page.on("request", (r) => r.url().includes("/lists/CaseRegister/items/delta") && register.push(r.url()));
    await page.goto(at("preview-caseload.html", IRO));
    await page.getByRole("heading", { name: "My load" }).waitFor();
    await page.waitForFunction(() => performance.getEntriesByName("iro:current", "mark").length === 1);
    const paths = batches[0]!.map((u) => u.split("?")[0]);
    expect(paths).toEqual(expect.arrayContaining(["/me", expect.stringMatching(/\/lists\/IroDeskSettings\/items$/), expect.stringMatching(/\/lists\/CaseRegister\/items$/), "/me/calendarView"]));
    expect(batches[0]).toEqual(expect.arrayContaining([expect.stringContaining(`$filter=fields/IRO eq '${IRO}'`), expect.stringContaining(`$filter=fields/CPChair eq '${IRO}'`)]));
    expect(paths.some((p) => p?.endsWith("/delta"))).toBe(false);
    expect(register.length).toBeGreaterThan(0);
    // The name comes from the directory (/me), not from the address the preview signed in with.
    expect(await page.getByText("Signed in as Sam Okafor").count()).toBe(1);
    expect(page.errors).toEqual([]);
  });

  it("a manager reaches the managers' view from the caseload; an IRO is not offered it", async () => {
    const manager = await ukPage(browser(), 480, 900);
    await manager.goto(at("preview-caseload.html", MANAGER));
    await manager.getByRole("heading", { name: "IROs side by side" }).waitFor();
    await manager.getByRole("button", { name: "Managers' view" }).click();
    await manager.getByRole("heading", { name: "Service performance" }).waitFor();
    expect(await manager.getByRole("button", { name: "Templates and dispute ladder" }).count()).toBe(1);
    expect(await axeViolations(manager)).toEqual([]);
    await screenshot(manager, "root-manager-from-caseload");

    const iro = await ukPage(browser(), 480, 900);
    await iro.goto(at("preview-caseload.html", IRO));
    await iro.getByRole("heading", { name: "My load" }).waitFor();
    expect(await iro.getByRole("button", { name: "Managers' view" }).count()).toBe(0);
    await iro.goto(at("preview-manager.html", IRO));
    await iro.getByText(/Managers' view: only for the IRO service's managers/).waitFor();
    expect(await iro.getByRole("heading", { name: "Service performance" }).count()).toBe(0);
    expect([...manager.errors, ...iro.errors]).toEqual([]);
  });

  it("uses the settings the service saved on its site: a new manager sees the whole service at once", async () => {
    const store = new GraphSettingsStore(sandbox.graph(MANAGER), { site: DEMO_SITE, list: SETTINGS_LIST });
    const before = await store.read();
    await store.save({ service: { ...before.service, managers: [...before.service.managers, IRO] } }, before.version);
    try {
      const page = await ukPage(browser(), 1280, 900);
      await page.goto(at("preview-caseload.html", IRO));
      await page.getByRole("heading", { name: "IROs side by side" }).waitFor();
      expect(await page.getByRole("heading", { name: "Service caseload" }).count()).toBe(1);
    } finally {
      const now = await store.read();
      await store.save({ service: before.service }, now.version);
    }
  });

  it("says plainly when the service's settings on its site cannot be used, and loads once they are mended", async () => {
    const store = new GraphSettingsStore(sandbox.graph(MANAGER), { site: DEMO_SITE, list: SETTINGS_LIST });
    const item = sandbox.store.listItems(sandbox.store.list(SETTINGS_LIST)!.id)[0]!;
    const fields = `/sites/${encodeURIComponent(DEMO_SITE)}/lists/${SETTINGS_LIST}/items/${item.id}/fields`;
    const before = await store.read();
    expect((await sandbox.raw(MANAGER, "PATCH", fields, { Service: '{"staff": "everyone"}' })).status).toBe(200);
    try {
      const page = await ukPage(browser(), 480, 900);
      await page.goto(at("preview-caseload.html", IRO));
      await page.getByRole("alert").filter({ hasText: /settings/i }).waitFor();
      expect(await page.getByRole("alert").innerText()).toMatch(/staff/);
      await screenshot(page, "root-settings-unusable");
      await sandbox.raw(MANAGER, "PATCH", fields, { Service: JSON.stringify(before.service) });
      await page.getByRole("button", { name: "Try again" }).click();
      await page.getByRole("heading", { name: "My load" }).waitFor();
    } finally {
      await sandbox.raw(MANAGER, "PATCH", fields, { Service: JSON.stringify(before.service) });
    }
  });


  it("templates on the site that cannot be used do not stop the panes that do not use them; the templates pane names the problem and says whose templates it shows", async () => {
    const item = sandbox.store.listItems(sandbox.store.list(SETTINGS_LIST)!.id)[0]!;
    const fields = `/sites/${encodeURIComponent(DEMO_SITE)}/lists/${SETTINGS_LIST}/items/${item.id}/fields`;
    const before = item.data.fields.Templates;
    expect((await sandbox.raw(MANAGER, "PATCH", fields, { Templates: "[{" })).status).toBe(200);
    try {
      const caseload = await ukPage(browser(), 480, 900);
      await caseload.goto(at("preview-caseload.html", IRO));
      await caseload.getByRole("heading", { name: "My load" }).waitFor();
      expect(await caseload.getByRole("alert").count()).toBe(0);
      const templates = await ukPage(browser(), 1280, 900);
      await templates.goto(at("preview-mail.html", IRO));
      const alert = templates.getByRole("alert").filter({ hasText: /the templates: not readable JSON/ });
      await alert.waitFor();
      expect(await alert.innerText()).toMatch(/IRO Desk's own templates and dispute ladder are shown here/);
      expect(await axeViolations(templates)).toEqual([]);
      await screenshot(templates, "root-templates-unusable");
    } finally {
      await sandbox.raw(MANAGER, "PATCH", fields, { Templates: typeof before === "string" ? before : "" });
    }
  });
});
