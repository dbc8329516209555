import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { OfficeAddinManifest } from "office-addin-manifest";
import { parseStringPromise } from "xml2js";

/**
 * office-addin-manifest's online validation needs Microsoft's service, so the structure is checked
 * here offline: its own reader parses the built manifest, the top-level elements come in the order
 * the MailApp schema demands, every resid is defined, and every URL is https and is a page or
 * image the build produced.
 */
const BUILT = "dist/addin-manifest.xml";
const ORDER = [
  "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl",
  "SupportUrl", "AppDomains", "Hosts", "Requirements", "FormSettings", "Permissions", "Rule", "DisableEntityHighlighting", "Dictionary", "VersionOverrides",
];

describe("the Outlook add-in manifest", () => {
  it("is read by office-addin-manifest's own reader", async () => {
    const info = await OfficeAddinManifest.readManifestFile(BUILT);
    expect(info.id).toBe("3f0c9a52-7d1e-4b6a-9c2f-5e8d1a7b4c36");
    expect(info.hosts).toEqual(["Mailbox"]);
    expect(info.permissions).toBe("ReadWriteItem");
  });

  it("has its top-level elements in the order the schema demands", async () => {
    const xml = await parseStringPromise(readFileSync(BUILT, "utf8"), { explicitChildren: true, preserveChildrenOrder: true });
    const names: string[] = xml.OfficeApp.$$.map((child: { "#name": string }) => child["#name"]);
    const positions = names.map((n) => ORDER.indexOf(n));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it("needs Mailbox 1.5 for its commands (pinnable panes, ItemChanged) and puts a button on each surface", () => {
    const text = readFileSync(BUILT, "utf8");
    expect(text).toMatch(/<bt:Sets DefaultMinVersion="1.5">/);
    for (const surface of ["AppointmentOrganizerCommandSurface", "MessageComposeCommandSurface", "MessageReadCommandSurface"]) expect(text).toContain(`xsi:type="${surface}"`);
    for (const label of ["Book review", "Insert template", "Raise dispute", "Caseload"]) expect(text).toContain(`DefaultValue="${label}"`);
    expect(text.match(/<SupportsPinning>true<\/SupportsPinning>/g)).toHaveLength(4);
  });

  it("defines every resid it uses, and uses every one it defines", () => {
    const text = readFileSync(BUILT, "utf8");
    const used = new Set([...text.matchAll(/resid="([^"]+)"/g)].map((m) => m[1]));
    const defined = new Set([...text.matchAll(/<bt:(?:Image|Url|String) id="([^"]+)"/g)].map((m) => m[1]));
    expect([...used].sort()).toEqual([...defined].sort());
  });

  it("every URL is https and names a page or icon the build produced (with query strings only on pages)", () => {
    const text = readFileSync(BUILT, "utf8");
    const urls = [...text.matchAll(/DefaultValue="(https?:\/\/[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) {
      expect(url).toMatch(/^https:\/\//);
      const path = new URL(url).pathname;
      expect(existsSync(`dist/web${path}`), url).toBe(true);
    }
    for (const size of [16, 32, 80, 64, 128]) expect(text).toContain(`icon-${size}.png`);
  });
});

describe("the add-in's id", () => {
  it("is the one the Graph adapter reads the add-in's custom properties under", async () => {
    const { ADDIN_ID } = await import("../../src/adapters/graph/extendedProperties.js");
    expect(readFileSync(BUILT, "utf8")).toContain(`<Id>${ADDIN_ID}</Id>`);
  });
});
