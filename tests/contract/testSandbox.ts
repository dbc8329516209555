import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
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

/** A sandbox on a free port with its own data folder, seeded around TODAY. */
export async function testSandbox(dataDir = mkdtempSync(join(tmpdir(), "iro-desk-sandbox-"))): Promise<Sandbox & { dataDir: string; graph(upn: string, retry?: RetryPolicy): GraphConnection; token(upn: string): Promise<string>; raw(upn: string, method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; headers: Headers }>; remove(): void }> {
  const sandbox = await startSandbox({ port: 0, dataDir, today: TODAY });
  const token = (upn: string) => sandboxTokens(sandbox.url, upn).getToken();
  return Object.assign(sandbox, {
    dataDir,
    graph: (upn: string, retry: RetryPolicy = FAST_RETRY) => new GraphConnection({ baseUrl: `${sandbox.url}/graph`, tokens: sandboxTokens(sandbox.url, upn), retry }),
    token,
    /** A plain HTTP call, to see exactly what Graph's answer looks like. */
    async raw(upn: string, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
      const response = await fetch(`${sandbox.graphUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${await token(upn)}`, "Content-Type": "application/json", ...headers },
        body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
    remove: () => rmSync(dataDir, { recursive: true, force: true }),
  });
}
