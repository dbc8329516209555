import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll } from "vitest";
import { sandboxTokens } from "../../src/adapters/auth/sandboxTokens.js";
import { GraphConnection } from "../../src/adapters/graph/graphClient.js";
import type { RetryPolicy } from "../../src/adapters/graph/middleware.js";
import type { IsoDate } from "../../src/domain/calendar/isoDate.js";
import { DEMO_DOMAIN } from "../../src/sandbox/demo/demoTenant.js";
import { startSandbox, type Sandbox } from "../../src/sandbox/server.js";

export const TODAY = "2026-03-02" as IsoDate;
export const IRO = `sam.okafor@${DEMO_DOMAIN}`;
export const MANAGER = `priya.shah@${DEMO_DOMAIN}`;
export const PARTNER = "jo.marsh@partners.example";
export const FAST_RETRY: RetryPolicy = { maxAttempts: 4, timeoutMs: 2_000, maxDelayMs: 5_000 };

/** A sandbox on a free port with its own data folder, seeded around TODAY, and helpers to call it. */
export class TestSandbox {
  readonly dataDir = mkdtempSync(join(tmpdir(), "iro-desk-sandbox-"));
  private inner?: Sandbox;

  constructor(private readonly webRoot?: string) {}

  async start(): Promise<void> {
    this.inner = await startSandbox({ port: 0, dataDir: this.dataDir, today: TODAY, testing: true, ...(this.webRoot ? { webRoot: this.webRoot } : {}) });
  }

  /** Stops and starts again on the same data folder, as a user restarting npm start. */
  async restart(): Promise<void> {
    await this.inner!.close();
    await this.start();
  }

  async stop(): Promise<void> {
    await this.inner?.close();
    rmSync(this.dataDir, { recursive: true, force: true });
  }

  get url() { return this.inner!.url; }
  get graphUrl() { return this.inner!.graphUrl; }
  get store() { return this.inner!.store; }
  get faults() { return this.inner!.faults; }
  get behaviour() { return this.inner!.behaviour; }

  graph(upn: string, retry: RetryPolicy = FAST_RETRY): GraphConnection {
    return new GraphConnection({ baseUrl: `${this.url}/graph`, tokens: sandboxTokens(this.url, upn), retry });
  }

  token(upn: string): Promise<string> {
    return sandboxTokens(this.url, upn).getToken();
  }

  /** A plain HTTP call, to see exactly what Graph's answer looks like. */
  async raw(upn: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any; headers: Headers }> {
    const response = await fetch(`${this.graphUrl}${path}`, {
      method,
      headers: { Authorization: `Bearer ${await this.token(upn)}`, "Content-Type": "application/json", ...headers },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
  }
}

/** One sandbox for the test file: started before its tests, stopped and removed after. */
export function useTestSandbox(webRoot?: string): TestSandbox {
  const sandbox = new TestSandbox(webRoot);
  beforeAll(() => sandbox.start(), 60_000);
  afterAll(() => sandbox.stop());
  return sandbox;
}
