import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const manifest = JSON.parse(readFileSync("dist/extension/manifest.json", "utf8"));

/** Each web-ext lint warning is expected and explained in the README ("Browser extension"). */
const EXPLAINED = [
  "MANIFEST_PERMISSIONS", // "sidePanel" is Chrome's; Firefox uses sidebar_action
  "BACKGROUND_SERVICE_WORKER_IGNORED", // Firefox runs background.scripts instead
  "UNSUPPORTED_API", // chrome.sidePanel.open / setPanelBehavior: Chrome only, guarded in code
  "UNSAFE_VAR_ASSIGNMENT", // preact's own dangerouslySetInnerHTML path, never used by IRO Desk
  "KEY_FIREFOX_ANDROID_UNSUPPORTED_BY_MIN_VERSION", // data collection permissions need Android 142; sidebars do not exist on Android
];

describe("the browser extension package", () => {
  it("passes Mozilla's web-ext lint with no errors, and only warnings the README explains", async () => {
    const { stdout } = await promisify(execFile)("npx", ["web-ext", "lint", "--source-dir", "dist/extension", "--output", "json"], { maxBuffer: 10_000_000 }).catch((e: { stdout: string }) => ({ stdout: e.stdout }));
    const report = JSON.parse(stdout) as { errors: { code: string }[]; warnings: { code: string }[] };
    expect(report.errors).toEqual([]);
    expect(report.warnings.map((w) => w.code).filter((c) => !EXPLAINED.includes(c))).toEqual([]);
  }, 60_000);

  it("asks only for the permissions its features need, host access only for Graph, sign-in and the sandbox", () => {
    expect(manifest.manifest_version).toBe(3);
    expect([...manifest.permissions].sort()).toEqual(["activeTab", "contextMenus", "identity", "scripting", "sidePanel", "storage"]);
    expect(manifest.host_permissions).toEqual(["https://graph.microsoft.com/*", "https://login.microsoftonline.com/*", "http://localhost/*", "http://127.0.0.1/*"]);
    expect(manifest.content_scripts).toBeUndefined(); // injected on the user's click only, never into every page
    expect(manifest.content_security_policy.extension_pages).toBe("script-src 'self'; object-src 'none'; base-uri 'none'");
    expect(manifest.side_panel.default_path).toBe("sidepanel.html");
    expect(manifest.sidebar_action.default_panel).toBe("sidepanel.html");
    expect(manifest.version).toBe(JSON.parse(readFileSync("package.json", "utf8")).version);
  });

  it("ships no remote code: every script is a file in the package", () => {
    for (const page of ["sidepanel.html", "options.html"]) {
      const html = readFileSync(`dist/extension/${page}`, "utf8");
      for (const [, src] of html.matchAll(/<script[^>]*src="([^"]+)"/g)) {
        expect(src).not.toMatch(/^https?:/);
        expect(readFileSync(`dist/extension/${src}`).length).toBeGreaterThan(0);
      }
    }
  });
});
