import { describe, expect, it } from "vitest";
import { sandboxTokens } from "../../src/adapters/auth/sandboxTokens.js";
import { GraphCalendar } from "../../src/adapters/graph/graphCalendar.js";
import { GraphConnection } from "../../src/adapters/graph/graphClient.js";
import { GraphCaseStore } from "../../src/adapters/graph/graphCaseStore.js";
import { GraphSettingsStore } from "../../src/adapters/graph/graphSettingsStore.js";
import { readMe } from "../../src/adapters/graph/graphMe.js";
import { caseloadWindow } from "../../src/app/loadCaseload.js";
import { CASE_REGISTER_LIST, DEMO_SITE, SETTINGS_LIST } from "../../src/sandbox/demo/demoTenant.js";
import { FAST_RETRY, IRO, TODAY, useTestSandbox } from "./testSandbox.js";

/**
 * Opening a pane asks Graph for who is signed in, the settings, the register's changes and the
 * chair's bookings together: through a batching connection they go as ONE POST /$batch (Graph's
 * JSON batching), each read getting its own answer as if sent alone.
 */
const sandbox = useTestSandbox();

/** A connection that counts what it sends: the path of each request. */
function counted(batching: boolean) {
  const sent: string[] = [];
  const send: typeof fetch = (input, init) => {
    sent.push(`${init?.method ?? "GET"} ${new URL(String(input)).pathname.replace(/^\/graph\/v1\.0/, "")}`);
    return fetch(input, init);
  };
  const graph = new GraphConnection({ baseUrl: `${sandbox.url}/graph`, tokens: sandboxTokens(sandbox.url, IRO), retry: FAST_RETRY, fetch: send, batching });
  return { graph, sent };
}

/** What a pane asks for when it opens. */
function opening(graph: GraphConnection, deltaLink: string | null = null) {
  const { from, to } = caseloadWindow(TODAY);
  return Promise.all([
    readMe(graph),
    new GraphSettingsStore(graph, { site: DEMO_SITE, list: SETTINGS_LIST }).read(),
    new GraphCaseStore(graph, { site: DEMO_SITE, list: CASE_REGISTER_LIST }).changes(deltaLink),
    new GraphCalendar(graph).bookingsBetween(from, to),
  ]);
}

describe("reads started together go to Graph as one $batch", () => {
  it("the four reads of an open are one request; each answer is what it would have been alone", async () => {
    const alone = counted(false);
    const together = counted(true);
    const [a, b] = [await opening(alone.graph), await opening(together.graph)];
    expect(alone.sent.filter((r) => r.startsWith("GET")).length).toBeGreaterThanOrEqual(4);
    // The first round is one batch; the register's later pages follow its nextLinks, each alone.
    expect(together.sent[0]).toBe("POST /$batch");
    expect(together.sent.slice(1).every((r) => r.startsWith("GET /sites/") && r.endsWith("/items/delta"))).toBe(true);
    expect(b[0]).toEqual(a[0]);
    expect(b[1].version).toBe(a[1].version);
    expect(b[2].cases.map((c) => [c.id, c.version])).toEqual(a[2].cases.map((c) => [c.id, c.version]));
    expect(b[3].map((x) => x.id)).toEqual(a[3].map((x) => x.id));

    // With a delta link and nothing changed: one request in all.
    together.sent.length = 0;
    const again = await opening(together.graph, b[2].deltaLink);
    expect(together.sent).toEqual(["POST /$batch"]);
    expect(again[2]).toMatchObject({ full: false, cases: [], removed: [] });
  });

  it("a read alone goes alone, and writes are never batched", async () => {
    const { graph, sent } = counted(true);
    await readMe(graph);
    const store = new GraphCaseStore(graph, { site: DEMO_SITE, list: CASE_REGISTER_LIST });
    const one = await store.readCase("5");
    await Promise.all([store.updateCase(one.id, one.version, one.childCase), readMe(graph)]);
    const item = `/sites/${encodeURIComponent(DEMO_SITE)}/lists/${CASE_REGISTER_LIST}/items/5`;
    expect(sent.slice(0, 3)).toEqual(["GET /me", `GET ${item}`, `PATCH ${item}/fields`]);
    expect(sent).toContain("GET /me");
    expect(sent).not.toContain("POST /$batch");
  });

  it("a throttled batch (429) is retried after its Retry-After, and every read still gets its answer", async () => {
    const { graph, sent } = counted(true);
    sandbox.faults.set([{ kind: "429", count: 1, method: "POST", pathContains: "$batch", retryAfterSeconds: 1 }]);
    try {
      const started = Date.now();
      const [me, settings] = await Promise.all([readMe(graph), new GraphSettingsStore(graph, { site: DEMO_SITE, list: SETTINGS_LIST }).read()]);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
      expect(me.address).toBe(IRO);
      expect(settings.version).toMatch(/.+/);
      // The batch was refused once, then asked again (together or apart).
      expect(sent[0]).toBe("POST /$batch");
      expect(sent.length).toBeGreaterThanOrEqual(2);
    } finally {
      sandbox.faults.set([]);
    }
  });

  it("a delta link past Graph's keeping, asked inside a batch, is 410 Gone there too: the register is read again from the start", async () => {
    const { graph } = counted(true);
    const first = await opening(graph);
    const lifetime = sandbox.behaviour.deltaTokenLifetimeMs;
    await new Promise((r) => setTimeout(r, 1_200));
    sandbox.behaviour.deltaTokenLifetimeMs = 1_000;
    try {
      const again = await opening(graph, first[2].deltaLink);
      expect(again[2].full).toBe(true);
      expect(again[2].cases.length).toBe(first[2].cases.length);
    } finally {
      sandbox.behaviour.deltaTokenLifetimeMs = lifetime;
    }
  });
});
