import { describe, expect, it } from "vitest";
import { deviceCodeTokens } from "../../src/adapters/auth/deviceCodeTokens.js";
import { MANAGER, useTestSandbox } from "../contract/testSandbox.js";
import { file, run } from "./runCli.js";

const sandbox = useTestSandbox();
const SITE = "council.sharepoint.example,3c4d5e6f-0000-4000-8000-000000000001,4d5e6f70-0000-4000-8000-000000000001";

describe("iro-desk provision", { timeout: 60_000 }, () => {
  it("sets up an empty site through Graph, says what it did, and a second run changes nothing", async () => {
    sandbox.store.putSite({ id: SITE, name: "iro", displayName: "Council IRO service", webUrl: "https://council.sharepoint.example/sites/iro", root: false, createdDateTime: "2026-01-05T09:00:00Z" });
    const first = await run("provision", "--site", SITE, "--sandbox", sandbox.url, "--as", MANAGER);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("Site: Council IRO service (https://council.sharepoint.example/sites/iro)");
    expect(first.stdout).toContain("List CaseRegister: created with every column");
    expect(first.stdout).toMatch(/List CaseRegister: created with every column\n {2}indexed: Title/);
    expect(first.stdout).toContain("Settings item: created");
    expect(first.stdout).toContain("The site has been set up as above.");

    const second = await run("provision", "--site", SITE, "--sandbox", sandbox.url, "--as", MANAGER);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/List CaseRegister: found, \d+ columns already there/);
    expect(second.stdout).toContain("Settings item: found");
    expect(second.stdout).toContain("Nothing needed changing.");
  });

  it("--settings writes the service settings after checking them; bad settings are refused with the reasons and nothing is written", async () => {
    const good = file("service.json", JSON.stringify({ managers: ["head@council.example"], staff: [{ upn: "ann@council.example", name: "Ann Iro", fte: 1 }] }));
    const written = await run("provision", "--site", SITE, "--sandbox", sandbox.url, "--as", MANAGER, "--settings", good, "--format", "json");
    expect(written.code).toBe(0);
    expect(JSON.parse(written.stdout)).toMatchObject({ settings: "service settings written", changed: true });
    const bad = file("bad.json", JSON.stringify({ managers: "everyone" }));
    const refused = await run("provision", "--site", SITE, "--sandbox", sandbox.url, "--as", MANAGER, "--settings", bad);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/bad\.json: settings\.managers should be a list of email addresses/);
  });

  it("says in words when Microsoft 365 (here the sandbox) cannot be reached, or the site does not exist", async () => {
    const down = await run("provision", "--site", SITE, "--sandbox", "http://127.0.0.1:9", "--as", MANAGER);
    expect(down.code).toBe(2);
    expect(down.stderr).toBe("iro-desk provision: The IRO Desk sandbox at http://127.0.0.1:9 could not be reached: is it running (npm start)? Trying again once it is back is safe.\n");
    const missing = await run("provision", "--site", "nowhere.example,00000000-0000-0000-0000-000000000000,00000000-0000-0000-0000-000000000000", "--sandbox", sandbox.url, "--as", MANAGER);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe("iro-desk provision: The SharePoint site could not be found: it may have been deleted.\n");
  });
});

describe("device code sign-in for the command line", () => {
  it("shows Microsoft's instructions, waits while sign-in is pending (slowing down when asked) and returns the token", async () => {
    const calls: string[] = [];
    const answers = [
      { device_code: "dc", user_code: "ABC-123", message: "To sign in, use a web browser to open https://microsoft.com/devicelogin and enter the code ABC-123.", interval: 1, expires_in: 900 },
      { error: "authorization_pending" },
      { error: "slow_down" },
      { access_token: "token-1", expires_in: 3600 },
    ];
    const waits: number[] = [];
    const prompts: string[] = [];
    const tokens = deviceCodeTokens({
      tenant: "contoso.onmicrosoft.com",
      clientId: "app-id",
      scopes: ["https://graph.microsoft.com/Sites.Manage.All"],
      prompt: (m) => prompts.push(m),
      sleep: async (ms) => void waits.push(ms),
      fetch: async (url, init) => {
        calls.push(`${String(url)} ${String(init?.body)}`);
        return Response.json(answers.shift());
      },
    });
    expect(await tokens.getToken()).toBe("token-1");
    expect(await tokens.getToken()).toBe("token-1");
    expect(prompts).toEqual([expect.stringContaining("enter the code ABC-123")]);
    expect(waits).toEqual([1000, 1000, 6000]);
    expect(calls[0]).toBe("https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/devicecode client_id=app-id&scope=https%3A%2F%2Fgraph.microsoft.com%2FSites.Manage.All");
    expect(calls[1]).toMatch(/\/token grant_type=urn%3Aietf%3Aparams%3Aoauth%3Agrant-type%3Adevice_code&client_id=app-id&device_code=dc$/);
    expect(calls).toHaveLength(4);
  });

  it("a refused or expired sign-in is an error in words", async () => {
    const answers = [{ device_code: "dc", message: "Open the page", interval: 1, expires_in: 900 }, { error: "expired_token" }];
    const tokens = deviceCodeTokens({ tenant: "t", clientId: "c", scopes: ["s"], prompt: () => undefined, sleep: async () => undefined, fetch: async () => Response.json(answers.shift()) });
    await expect(tokens.getToken()).rejects.toThrow("Sign-in needed: the sign-in code expired before it was used; run the command again.");
  });
});
