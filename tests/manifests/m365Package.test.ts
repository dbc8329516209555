import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { unzipSync } from "fflate";
import { parseStringPromise } from "xml2js";
import { describe, expect, it } from "vitest";
import { GRAPH_SCOPES } from "../../src/adapters/auth/graphScopes.js";
import { ADDIN_ID } from "../../src/adapters/graph/extendedProperties.js";
// @ts-expect-error: the build script is plain JavaScript, run by Node
import { addinXmlFor, MANIFEST_VERSION, unifiedManifest } from "../../scripts/m365Package.mjs";

const require = createRequire(import.meta.url);
// Both are CommonJS; required so their default exports need no interop.
const Ajv = require("ajv-draft-04") as typeof import("ajv-draft-04").default;
const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;
const schema = JSON.parse(readFileSync(require.resolve(`@microsoft/app-manifest/build/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`), "utf8"));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);

const manifest = JSON.parse(readFileSync("dist/m365/manifest.json", "utf8"));
const xmlText = readFileSync("dist/addin-manifest.xml", "utf8");
const CLIENT_ID = "0b7a3c2d-1e4f-4a5b-8c6d-7e8f9a0b1c2d";
/** What the build writes for a tenant (IRO_DESK_CLIENT_ID set): the same function, with the app registration. */
const TENANT_HOST = "https://iro.council.example";
const tenantManifest = await unifiedManifest({
  addinXml: addinXmlFor(readFileSync("addin-manifest.xml", "utf8"), TENANT_HOST, "0.1.0"),
  appJson: readFileSync("assets/m365/app.json", "utf8"),
  baseUrl: TENANT_HOST,
  version: "0.1.0",
  entra: { clientId: CLIENT_ID },
  scopes: GRAPH_SCOPES,
});

type Control = { id: string; label: string; icons: { size: number; url: string }[]; supertip: { title: string; description: string }; actionId: string };
type Ribbon = { contexts: string[]; requirements: unknown; tabs: { builtInTabId: string; groups: { label: string; controls: Control[] }[] }[] };
type Runtime = { code: { page: string }; requirements: unknown; actions: { id: string; type: string; pinnable: boolean }[] };
const extension = manifest.extensions[0] as { requirements: { scopes: string[]; capabilities: unknown[] }; ribbons: Ribbon[]; runtimes: Runtime[]; alternates: { alternateIcons: { icon: { url: string }; highResolutionIcon: { url: string } } }[] };
const controls = extension.ribbons.flatMap((r) => r.tabs.flatMap((t) => t.groups.flatMap((g) => g.controls.map((c) => ({ ...c, context: r.contexts[0] })))));
const pageOf = (actionId: string) => extension.runtimes.find((r) => r.actions.some((a) => a.id === actionId));
const pngSize = (png: Uint8Array) => [new DataView(png.buffer, png.byteOffset).getUint32(16), new DataView(png.buffer, png.byteOffset).getUint32(20)];
const builtFile = (url: string) => `dist/web${new URL(url).pathname}`;

describe("the Microsoft 365 app package (unified manifest)", () => {
  it(`validates against Microsoft's schema for manifest v${MANIFEST_VERSION} (@microsoft/app-manifest), as built for the sandbox and for a tenant`, () => {
    expect(Number(MANIFEST_VERSION)).toBeGreaterThanOrEqual(1.22);
    for (const built of [manifest, tenantManifest]) {
      expect(built.manifestVersion).toBe(MANIFEST_VERSION);
      const valid = validate(built);
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
  });

  it("keeps the XML add-in's id (Outlook names the add-in's custom properties after it) and package.json's version", () => {
    expect(manifest.id).toBe(ADDIN_ID);
    expect(xmlText).toContain(`<Id>${ADDIN_ID}</Id>`);
    const version = JSON.parse(readFileSync("package.json", "utf8")).version;
    expect(manifest.version).toBe(version);
    expect(xmlText).toContain(`<Version>${version}.0</Version>`);
  });

  it("has the XML manifest's buttons on the same surfaces, opening the same pinnable panes", async () => {
    const xml = (await parseStringPromise(xmlText)).OfficeApp;
    const overrides = xml.VersionOverrides[0].VersionOverrides[0];
    const xmlControls = overrides.Hosts[0].Host[0].DesktopFormFactor[0].ExtensionPoint.flatMap((p: any) => p.OfficeTab[0].Group[0].Control.map((c: any) => ({ id: c.$.id, surface: p.$["xsi:type"] })));
    expect(controls.map((c) => [c.id, c.context, c.label])).toEqual([
      ["iroDeskBookReview", "meetingDetailsOrganizer", "Book review"],
      ["iroDeskInsertTemplate", "mailCompose", "Insert template"],
      ["iroDeskRaiseDispute", "mailRead", "Raise dispute"],
      ["iroDeskCaseload", "mailRead", "Caseload"],
    ]);
    expect(controls.map((c) => c.id)).toEqual(xmlControls.map((c: { id: string }) => c.id));
    const urls = new Map<string, string>(overrides.Resources[0]["bt:Urls"][0]["bt:Url"].map((u: any) => [u.$.id, u.$.DefaultValue]));
    for (const control of controls) {
      const runtime = pageOf(control.actionId)!;
      expect(runtime.actions.find((a) => a.id === control.actionId)).toMatchObject({ type: "openPage", pinnable: true });
      expect([...urls.values()]).toContain(runtime.code.page);
      expect(control.supertip.description.length).toBeGreaterThan(10);
    }
    expect(controls.map((c) => new URL(pageOf(c.actionId)!.code.page).search)).toEqual(["?view=book", "?view=templates", "?view=dispute", "?view=caseload"]);
    // Mailbox 1.1 to install; the buttons and pinnable panes need 1.5, as in the XML's VersionOverrides.
    expect(extension.requirements).toEqual({ scopes: ["mail"], capabilities: [{ name: "Mailbox", minVersion: "1.1" }] });
    for (const part of [...extension.ribbons, ...extension.runtimes]) expect(part.requirements).toEqual({ capabilities: [{ name: "Mailbox", minVersion: "1.5" }] });
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([{ name: "MailboxItem.ReadWrite.User", type: "Delegated" }]);
  });

  it("has the Teams meeting side panel and a personal Caseload tab, on pages the build produced", () => {
    expect(manifest.configurableTabs[0].context).toEqual(expect.arrayContaining(["meetingSidePanel", "meetingDetailsTab"]));
    expect(manifest.staticTabs.map((t: { entityId: string; scopes: string[] }) => [t.entityId, t.scopes])).toEqual([["iro-desk-caseload", ["personal"]], ["iro-desk-managers", ["personal"]]]);
    const pages = [manifest.configurableTabs[0].configurationUrl, ...manifest.staticTabs.map((t: { contentUrl: string }) => t.contentUrl), ...extension.runtimes.map((r) => r.code.page)];
    for (const url of pages) {
      expect(url).toMatch(/^https:\/\//);
      expect(readFileSync(builtFile(url), "utf8")).toContain("<!doctype html>");
    }
    expect(manifest.validDomains).toEqual(["localhost:3000", "login.microsoftonline.com"]);
  });

  it("declares nested app authentication for a tenant: the app registration and the token to prefetch, with MSAL's scopes in MSAL's order", () => {
    expect(manifest.webApplicationInfo).toBeUndefined(); // the sandbox build has no app registration
    expect(tenantManifest.webApplicationInfo).toEqual({ id: CLIENT_ID, nestedAppAuthInfo: [{ redirectUri: "brk-multihub://iro.council.example", scopes: [...GRAPH_SCOPES] }] });
    expect(tenantManifest.validDomains[0]).toBe("iro.council.example");
    expect(JSON.stringify(tenantManifest)).not.toContain("localhost");
  });

  it("fits the short description in the unified manifest's 80 characters", () => {
    expect(manifest.description.short.length).toBeLessThanOrEqual(80);
    expect(manifest.description.full.length).toBeLessThanOrEqual(4000);
  });

  it("zips the manifest with a 192 px colour icon and a 32 px white-on-transparent outline; the add-in's icons are 16, 32, 80, 64 and 128 px", () => {
    const files = unzipSync(readFileSync("dist/m365/iro-desk-app.zip"));
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    expect(JSON.parse(new TextDecoder().decode(files["manifest.json"]))).toEqual(manifest);
    expect(pngSize(files["color.png"]!)).toEqual([192, 192]);
    expect(pngSize(files["outline.png"]!)).toEqual([32, 32]);
    expect(outlinePixels(files["outline.png"]!)).toEqual({ other: 0, transparent: expect.any(Number), white: expect.any(Number) });
    for (const control of controls) {
      expect(control.icons.map((i) => i.size)).toEqual([16, 32, 80]);
      for (const icon of control.icons) expect(pngSize(readFileSync(builtFile(icon.url)))).toEqual([icon.size, icon.size]);
    }
    const { icon, highResolutionIcon } = extension.alternates[0]!.alternateIcons;
    expect(pngSize(readFileSync(builtFile(icon.url)))).toEqual([64, 64]);
    expect(pngSize(readFileSync(builtFile(highResolutionIcon.url)))).toEqual([128, 128]);
    expect(existsSync("dist/teams")).toBe(false); // one package: the Teams-only one is gone
  });
});

/** Counts an 8-bit RGBA PNG's pixels: an outline icon may only be white or fully transparent. */
function outlinePixels(png: Uint8Array): { white: number; transparent: number; other: number } {
  const view = new DataView(png.buffer, png.byteOffset);
  expect([png[24], png[25]]).toEqual([8, 6]); // bit depth 8, colour type RGBA
  const width = view.getUint32(16);
  const chunks: Uint8Array[] = [];
  for (let at = 8; at < png.length; ) {
    const length = view.getUint32(at);
    if (new TextDecoder().decode(png.subarray(at + 4, at + 8)) === "IDAT") chunks.push(png.subarray(at + 8, at + 8 + length));
    at += 12 + length;
  }
  const raw = require("node:zlib").inflateSync(Buffer.concat(chunks)) as Buffer;
  const stride = width * 4;
  const counts = { white: 0, transparent: 0, other: 0 };
  let previous = new Uint8Array(stride);
  for (let row = 0; row * (stride + 1) < raw.length; row++) {
    const filter = raw[row * (stride + 1)]!;
    const line = Uint8Array.from(raw.subarray(row * (stride + 1) + 1, (row + 1) * (stride + 1)));
    for (let i = 0; i < stride; i++) {
      const a = i >= 4 ? line[i - 4]! : 0, b = previous[i]!, c = i >= 4 ? previous[i - 4]! : 0;
      const p = a + b - c, pa = Math.abs(p - a), pb = Math.abs(p - b), pc = Math.abs(p - c);
      line[i] = (line[i]! + [0, a, b, (a + b) >> 1, pa <= pb && pa <= pc ? a : pb <= pc ? b : c][filter]!) & 255;
    }
    for (let x = 0; x < stride; x += 4) {
      if (line[x + 3] === 0) counts.transparent++;
      else if (line[x] === 255 && line[x + 1] === 255 && line[x + 2] === 255 && line[x + 3] === 255) counts.white++;
      else counts.other++;
    }
    previous = line;
  }
  return counts;
}
