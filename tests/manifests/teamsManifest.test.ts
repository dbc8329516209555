import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { unzipSync } from "fflate";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
// Both are CommonJS; required so their default exports need no interop.
const Ajv = require("ajv-draft-04") as typeof import("ajv-draft-04").default;
const addFormats = require("ajv-formats") as typeof import("ajv-formats").default;
const schemaPath = require.resolve("@microsoft/app-manifest/build/json-schemas/teams/v1.17/MicrosoftTeams.schema.json");
const manifest = JSON.parse(readFileSync("dist/teams/manifest.json", "utf8"));

describe("the Teams app package", () => {
  it("validates against the Teams app manifest schema of its version (v1.17, from @microsoft/app-manifest)", () => {
    expect(manifest.manifestVersion).toBe("1.17");
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, "utf8")));
    const valid = validate(manifest);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("has a meeting side panel and details tab, and a personal caseload tab, on pages the build produced", () => {
    expect(manifest.configurableTabs[0].context).toEqual(expect.arrayContaining(["meetingSidePanel", "meetingDetailsTab"]));
    expect(manifest.staticTabs[0]).toMatchObject({ entityId: "iro-desk-caseload", scopes: ["personal"] });
    for (const url of [manifest.configurableTabs[0].configurationUrl, manifest.staticTabs[0].contentUrl]) {
      expect(url).toMatch(/^https:\/\//);
      expect(readFileSync(`dist/web${new URL(url).pathname}`, "utf8")).toContain("<!doctype html>");
    }
    expect(manifest.validDomains).toEqual([new URL(manifest.staticTabs[0].contentUrl).host]);
  });

  it("zips the manifest with a 192 px colour icon and a 32 px outline icon", () => {
    const files = unzipSync(readFileSync("dist/teams/iro-desk-teams.zip"));
    expect(Object.keys(files).sort()).toEqual(["color.png", "manifest.json", "outline.png"]);
    const size = (png: Uint8Array) => [new DataView(png.buffer, png.byteOffset).getUint32(16), new DataView(png.buffer, png.byteOffset).getUint32(20)];
    expect(size(files["color.png"]!)).toEqual([192, 192]);
    expect(size(files["outline.png"]!)).toEqual([32, 32]);
    expect(JSON.parse(new TextDecoder().decode(files["manifest.json"]))).toEqual(manifest);
  });
});
