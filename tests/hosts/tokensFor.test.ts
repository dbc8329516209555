import { afterEach, describe, expect, it, vi } from "vitest";
import { PortError } from "../../src/ports/errors.js";
import type { TokenProvider } from "../../src/ports/TokenProvider.js";
import { configFrom } from "../../src/hosts/root/hostConfig.js";
import { tokensFor } from "../../src/hosts/root/tokensFor.js";

const sandbox = configFrom({ graphBaseUrl: "/graph", auth: { kind: "sandbox" }, site: "s", list: "CaseRegister", disputesList: "Disputes", settingsList: "IroDeskSettings" }, "http://localhost:3000/taskpane.html");
const tenant = configFrom({ graphBaseUrl: "https://graph.microsoft.com", auth: { kind: "msal", clientId: "c", tenantId: "t" }, site: "s", list: "CaseRegister", disputesList: "Disputes", settingsList: "IroDeskSettings" }, "https://iro.example/taskpane.html");

afterEach(() => vi.unstubAllGlobals());

describe("the Graph tokens a page's configuration signs in with", () => {
  it("the sandbox's for the demo user; the host's own sign-in in a tenant, given the tenant's app", async () => {
    const host: TokenProvider = { getToken: async () => "from the host" };
    let asked: unknown = null;
    expect(await tokensFor(tenant, "sam.okafor@westmere.example", (app) => ((asked = app), host)).getToken()).toBe("from the host");
    expect(asked).toEqual({ kind: "msal", clientId: "c", tenantId: "t" });
    const asks: string[] = [];
    vi.stubGlobal("fetch", async (url: string, init: RequestInit) => (asks.push(`${url} ${String(init.body)}`), new Response(JSON.stringify({ access_token: "from the sandbox", expires_in: 3600 }))));
    expect(await tokensFor(sandbox, "sam.okafor@westmere.example", null).getToken()).toBe("from the sandbox");
    expect(asks).toEqual(['http://localhost:3000/sandbox/token {"upn":"sam.okafor@westmere.example"}']);
  });

  it("a tenant's configuration in pages built for the sandbox (no tenant sign-in in them) is a clear error, not a sandbox sign-in", () => {
    expect(() => tokensFor(tenant, "sam.okafor@westmere.example", null)).toThrow(PortError);
    expect(() => tokensFor(tenant, "sam.okafor@westmere.example", null)).toThrow("built for another sign-in");
  });
});
