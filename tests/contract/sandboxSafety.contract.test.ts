import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sandboxTokens } from "../../src/adapters/auth/sandboxTokens.js";
import { GraphConnection } from "../../src/adapters/graph/graphClient.js";
import { startSandbox } from "../../src/sandbox/server.js";
import { IRO, TestSandbox, TODAY } from "./testSandbox.js";

// A web root with a page, and beside it (outside the root) a file the sandbox must never serve.
const outside = mkdtempSync(join(tmpdir(), "iro-desk-webroot-"));
const webRoot = join(outside, "web");
mkdirSync(webRoot);
writeFileSync(join(webRoot, "index.html"), "<!doctype html><title>IRO Desk</title>");
mkdirSync(join(webRoot, "js", "chunks"), { recursive: true });
writeFileSync(join(webRoot, "js", "entry.js"), "export {};");
writeFileSync(join(webRoot, "js", "outlook-taskpane-QZ7KD2LA.js"), "export {};");
mkdirSync(join(webRoot, "css"));
writeFileSync(join(webRoot, "css", "iro-desk-0A1B2C3D.css"), "html {}");
writeFileSync(join(webRoot, "css", "iro-desk.css"), "html {}");
writeFileSync(join(webRoot, "js", "chunks", "chunk-AB12CD34.js"), "export {};");
writeFileSync(join(webRoot, "js", "chunks", "chunk-AB12CD34.js.map"), '{"version":3}');
writeFileSync(join(webRoot, "js", "chunks", "notes.js"), "export {};");
writeFileSync(join(outside, "web-meta.json"), '{"secret": true}');
symlinkSync(join(outside, "web-meta.json"), join(webRoot, "linked.json"));
const sandbox = new TestSandbox(webRoot);
beforeAll(() => sandbox.start(), 60_000);
afterAll(async () => {
  await sandbox.stop();
  rmSync(outside, { recursive: true, force: true });
});

/** A request exactly as given: the path is not normalised and any Host or Origin can be named (as an attacker's page or a rebinding DNS name would). */
function raw(path: string, options: { method?: string; headers?: Record<string, string>; body?: string } = {}): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const { port } = new URL(sandbox.url);
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path, method: options.method ?? "GET", headers: { Host: `localhost:${port}`, ...options.headers } }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(options.body);
  });
}

describe("the sandbox is a safe embedded default: a web page cannot read it", () => {
  it("gives no Access-Control-Allow-Origin to other sites, and refuses their requests (simple form posts included)", async () => {
    const evil = await raw("/sandbox/users", { headers: { Origin: "https://evil.example" } });
    expect(evil.status).toBe(403);
    expect(evil.headers["access-control-allow-origin"]).toBeUndefined();
    const preflight = await raw("/graph/v1.0/me", { method: "OPTIONS", headers: { Origin: "https://evil.example", "Access-Control-Request-Method": "GET" } });
    expect(preflight.status).toBe(403);
    const formPost = await raw("/sandbox/token", { method: "POST", headers: { Origin: "https://evil.example", "Content-Type": "text/plain" }, body: JSON.stringify({ upn: IRO }) });
    expect(formPost.status).toBe(403);
    expect(formPost.body).not.toContain("access_token");
    expect((await raw("/sandbox/users")).headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("allows its own pages and the browser extension", async () => {
    const { port } = new URL(sandbox.url);
    for (const origin of [`http://localhost:${port}`, `http://127.0.0.1:${port}`, "chrome-extension://abcdefghijklmnopabcdefghijklmnop", "moz-extension://0d3c5b1e-8f2a-4c6d-9e7f-112233445566"]) {
      const answer = await raw("/sandbox/users", { headers: { Origin: origin } });
      expect(answer.status, origin).toBe(200);
      expect(answer.headers["access-control-allow-origin"], origin).toBe(origin);
    }
    expect((await raw("/sandbox/users", { headers: { Origin: "http://localhost:1" } })).status).toBe(403);
  });

  it("refuses requests naming another host (DNS rebinding)", async () => {
    const { port } = new URL(sandbox.url);
    const rebound = await raw("/sandbox/users", { headers: { Host: `attacker.example:${port}` } });
    expect(rebound.status).toBe(403);
    expect(JSON.parse(rebound.body).error.code).toBe("hostNotAllowed");
    expect((await raw("/sandbox/users", { headers: { Host: `127.0.0.1:${port}` } })).status).toBe(200);
  });

  it("serves nothing outside the web root, however the path is written", async () => {
    expect((await raw("/")).body).toContain("<title>IRO Desk</title>");
    for (const path of ["/..%2fweb-meta.json", "/%2e%2e/web-meta.json", "/..%5cweb-meta.json", "/%2e%2e%2fweb-meta.json", "/linked.json", "/index.html%00.json"]) {
      const answer = await raw(path);
      expect(answer.status, path).toBe(404);
      expect(answer.body, path).not.toContain("secret");
    }
  });

  it("lets the browser keep scripts and styles named by their content without asking again; pages and other files are asked for each time", async () => {
    const cache = async (path: string) => (await raw(path)).headers["cache-control"];
    expect(await cache("/js/chunks/chunk-AB12CD34.js")).toBe("public, max-age=31536000, immutable");
    expect(await cache("/js/outlook-taskpane-QZ7KD2LA.js")).toBe("public, max-age=31536000, immutable");
    expect(await cache("/css/iro-desk-0A1B2C3D.css")).toBe("public, max-age=31536000, immutable");
    expect(await cache("/css/iro-desk.css")).toBe("no-cache");
    expect(await cache("/js/entry.js")).toBe("no-cache");
    expect(await cache("/js/chunks/notes.js")).toBe("no-cache");
    expect(await cache("/index.html")).toBe("no-cache");
  });

  it("answers HEAD for a built file as GET, without the body", async () => {
    const get = await raw("/js/chunks/chunk-AB12CD34.js");
    const head = await raw("/js/chunks/chunk-AB12CD34.js", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.body).toBe("");
    expect(head.headers["content-length"]).toBe(String(Buffer.byteLength(get.body)));
    expect([head.headers["content-type"], head.headers["cache-control"], head.headers.sourcemap]).toEqual([get.headers["content-type"], get.headers["cache-control"], get.headers.sourcemap]);
    expect((await raw("/no-such-file.js", { method: "HEAD" })).status).toBe(404);
  });

  it("names a script's source map in a SourceMap header (the built files carry no comment for it); a script without one has none", async () => {
    expect((await raw("/js/chunks/chunk-AB12CD34.js")).headers.sourcemap).toBe("chunk-AB12CD34.js.map");
    expect((await raw("/js/chunks/chunk-AB12CD34.js.map")).headers.sourcemap).toBeUndefined();
    expect((await raw("/js/outlook-taskpane-QZ7KD2LA.js")).headers.sourcemap).toBeUndefined();
  });

  it("answers malformed %-encoding and JSON nested thousands deep with 400, never 500", async () => {
    const token = await sandbox.token(IRO);
    expect((await raw("/%E0%A4%A")).status).toBe(400);
    expect((await raw("/graph/v1.0/users/%E0%A4%A", { headers: { Authorization: `Bearer ${token}` } })).status).toBe(400);
    const deep = `{"subject":"x","locations":${"[".repeat(5_000)}${"]".repeat(5_000)}}`;
    const answer = await raw("/graph/v1.0/me/events", { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" }, body: deep });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.body).error.message).toBe("The JSON request payload is nested more than 100 deep.");
    const inBatch = await sandbox.raw(IRO, "POST", "/$batch", { requests: [{ id: "1", method: "GET", url: "/users/%E0%A4%A" }] });
    expect(inBatch.body.responses[0].status).toBe(400);
  });

  it("refuses unknown properties nested inside an event, as Graph's reader does", async () => {
    const event = { subject: "x", start: { dateTime: "2026-03-20T10:00:00", timeZone: "UTC" }, end: { dateTime: "2026-03-20T11:00:00", timeZone: "UTC" } };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ ...event, start: { ...event.start, colour: "red" } }, /'colour' does not exist on type 'microsoft.graph.dateTimeTimeZone'/],
      [{ ...event, attendees: [{ emailAddress: { address: "a@westmere.example", phone: "1" } }] }, /'phone' does not exist on type 'microsoft.graph.emailAddress'/],
      [{ ...event, attendees: [{ emailAddress: { address: "a@westmere.example" }, role: "parent" }] }, /'role' does not exist on type 'microsoft.graph.attendee'/],
      [{ ...event, body: { contentType: "text", content: "x", script: "y" } }, /'script' does not exist on type 'microsoft.graph.itemBody'/],
      [{ ...event, location: { displayName: "Room", address: { street: "1 High St", planet: "Mars" } } }, /'planet' does not exist on type 'microsoft.graph.physicalAddress'/],
      [{ ...event, locations: [{ displayName: "Room", x: 1 }] }, /'x' does not exist on type 'microsoft.graph.location'/],
    ];
    for (const [body, message] of cases) {
      const answer = await sandbox.raw(IRO, "POST", "/me/events", body);
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatchObject({ code: "RequestBodyRead", message: expect.stringMatching(message) });
    }
  });

  it("tokens expire as their expires_in says, and the adapter asks for a new one in time", async () => {
    sandbox.behaviour.tokenLifetimeSeconds = 2;
    try {
      const response = await fetch(`${sandbox.url}/sandbox/token`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ upn: IRO }) });
      const given = (await response.json()) as { access_token: string; expires_in: number };
      expect(given.expires_in).toBe(2);
      const graph = new GraphConnection({ baseUrl: `${sandbox.url}/graph`, tokens: sandboxTokens(sandbox.url, IRO) });
      expect(((await graph.api("/me").get()) as { userPrincipalName: string }).userPrincipalName).toBe(IRO);
      await new Promise((r) => setTimeout(r, 2_200));
      const expired = await raw("/graph/v1.0/me", { headers: { Authorization: `Bearer ${given.access_token}` } });
      expect(expired.status).toBe(401);
      expect(JSON.parse(expired.body).error).toMatchObject({ code: "InvalidAuthenticationToken", message: "Access token has expired or is not yet valid." });
      expect(((await graph.api("/me").get()) as { userPrincipalName: string }).userPrincipalName).toBe(IRO);
    } finally {
      sandbox.behaviour.tokenLifetimeSeconds = 3_600;
    }
  });
});

describe("fault injection is only for a sandbox started for testing", () => {
  it("a sandbox started normally has no /sandbox/faults and refuses IRO_DESK_FAULTS", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "iro-desk-plain-"));
    try {
      await expect(startSandbox({ port: 0, dataDir, today: TODAY, faults: { rules: [{ kind: "503", share: 1 }] } })).rejects.toThrow(/only for a sandbox started for testing/);
      const plain = await startSandbox({ port: 0, dataDir, today: TODAY });
      try {
        const post = await fetch(`${plain.url}/sandbox/faults`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ rules: [{ kind: "503", share: 1 }] }) });
        expect(post.status).toBe(404);
        plain.faults.set([{ kind: "503", share: 1 }]);
        const token = await sandboxTokens(plain.url, IRO).getToken();
        expect((await fetch(`${plain.graphUrl}/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
      } finally {
        await plain.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);

  it("a testing sandbox takes faults", async () => {
    const post = await fetch(`${sandbox.url}/sandbox/faults`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ rules: [{ kind: "503", count: 1, pathContains: "/me" }] }) });
    expect(post.status).toBe(200);
    const token = await sandbox.token(IRO);
    expect((await fetch(`${sandbox.graphUrl}/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(503);
    expect((await fetch(`${sandbox.graphUrl}/me`, { headers: { Authorization: `Bearer ${token}` } })).status).toBe(200);
  });
});
