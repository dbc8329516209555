// Instant panes, side by side with the anchor: Microsoft's React + Fluent UI task pane starter
// (../shared/anchors/office-addin-taskpane-react, see its README), in ONE run of headless Chromium
// with alternating cold loads, so machine load colours both sides alike. Prints ratios, asserts
// nothing (issue 16).
//   - cold open (a fresh profile): the booking pane's first content with real data
//     (performance.mark("iro:content")) against the anchor's first render (the first child added
//     to #container);
//   - warm open (the second open in the same profile), against the anchor's second open and its
//     first; its first content is the pane's kept picture (ui/keptPicture.ts), and when the pane
//     itself drew over it (performance.mark("iro:live")) is printed beside it;
//   - the same for the caseload view (taskpane.html?view=caseload), which keeps a picture too;
//   - Graph requests each open makes until the pane is up to date (performance.mark("iro:current"));
//   - the first download (JS fetched before first content, gzip -9) of every surface.
// Both pages get the same office.js stand-in (office-stub.js) and are served by the same static
// file server (the sandbox's headers); as in a tenant, Graph is another server: the sandbox runs in
// its own process, reached through the static server (its pages and Graph share an origin, as
// config.json's "/graph" says). BENCH_ROUNDS (default 7) rounds; BENCH_CHILDREN (default 1,300, a
// large council) children; BENCH_GRAPH_MS (default 0) added to every Graph answer, as a network would;
// BENCH_TRACE=1 prints each open's timeline (the files it fetched and its marks).
import { spawn } from "node:child_process";
import { createReadStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, request as httpRequest, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { extname, join, normalize, resolve } from "node:path";
import { gzipSync } from "node:zlib";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { sandboxTokens } from "../src/adapters/auth/sandboxTokens.js";
import { londonClock } from "../src/adapters/clock/londonClock.js";
import { GraphCaseStore } from "../src/adapters/graph/graphCaseStore.js";
import { GraphConnection } from "../src/adapters/graph/graphClient.js";
import type { CaseRef } from "../src/domain/caseload/caseRef.js";
import { cacheControlFor } from "../src/sandbox/cacheControl.js";
import { CASE_REGISTER_LIST, DEMO_SITE } from "../src/sandbox/demo/demoTenant.js";
import { firstDownloads, inlineJsGzip } from "./bundleSize.js";

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const GRAPH_MS = Number(process.env.BENCH_GRAPH_MS ?? 0);
const CHILDREN = Number(process.env.BENCH_CHILDREN ?? 1_300);
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const anchorRoot = [process.env.IRO_DESK_ANCHORS, "../shared/anchors", "../../shared/anchors", "/work/shared/anchors"].find((d) => d && existsSync(join(d, "office-addin-taskpane-react/taskpane.html")));

if (!existsSync("/usr/bin/chromium") || !existsSync("dist/web/taskpane.html") || !existsSync("dist/sandbox/main.js") || !anchorRoot) {
  console.log(`panes side by side: skipped (${!anchorRoot ? "the anchor is not found: set IRO_DESK_ANCHORS to the anchors folder" : "needs Chromium (apt-get install -y chromium) and npm run build"})`);
  process.exit(0);
}

const anchorDir = resolve(anchorRoot, "office-addin-taskpane-react");
const stub = readFileSync(resolve(anchorRoot, "office-stub.js"), "utf8");
const today = londonClock.today();
const dataDir = mkdtempSync(join(tmpdir(), "iro-desk-bench-"));
const sandbox = await sandboxProcess(dataDir, today);
process.on("exit", () => sandbox.stop());
const ours = await serveFolder(resolve("dist/web"), sandbox.url);
const anchor = await serveFolder(anchorDir);

// The stub's user (an IRO, 0.6 FTE) in a register grown to CHILDREN, read 200 a page.
const user = /emailAddress: "([^"]+)"/.exec(stub)?.[1] ?? "claire.dunmore@westmere.example";
const cases = new GraphCaseStore(new GraphConnection({ baseUrl: `${sandbox.url}/graph`, tokens: sandboxTokens(sandbox.url, "priya.shah@westmere.example") }), { site: DEMO_SITE, list: CASE_REGISTER_LIST });
const template = (await cases.readCase("1")).childCase;
let size = 0;
// The children added go round the demo's IROs, one in nine to the stub's user (as a service of nine IROs shares them).
const others = new Set<string>();
let theirs = 0;
for await (const page of cases.readCases()) {
  size += page.cases.length + page.unreadable.length;
  for (const c of page.cases) {
    if (c.childCase.iro?.toLowerCase() === user.toLowerCase()) theirs++;
    else if (c.childCase.iro) others.add(c.childCase.iro);
  }
}
const iros = [...others];
for (let i = 0; size < CHILDREN; i++, size++) {
  if (i % 9 === 0) theirs++;
  await cases.createCase({ ...template, ref: `8${String(i).padStart(5, "0")}` as CaseRef, iro: i % 9 === 0 ? user : iros[i % iros.length]! });
}

interface Open {
  /** ms from navigation to first content (ours: iro:content; the anchor: first render). */
  readonly content: number;
  /** ms to up to date (ours: iro:current), or null (the anchor has no data). */
  readonly current: number | null;
  /** ms until the pane itself drew over its kept picture (ours: iro:live), or null where no picture was shown. */
  readonly live: number | null;
  /** Graph requests made by this open until it was up to date. */
  readonly graph: number;
  /** Script files fetched before first content. */
  readonly scripts: readonly string[];
}

const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"] });
const sides = {
  anchor: { url: `${anchor.url}/taskpane.html`, ready: null },
  ours: { url: `${ours.url}/taskpane.html?view=book`, ready: "iro:content" },
  caseload: { url: `${ours.url}/taskpane.html?view=caseload`, ready: "iro:content" },
};
const runs: Record<keyof typeof sides, { cold: Open[]; warm: Open[] }> = { anchor: { cold: [], warm: [] }, ours: { cold: [], warm: [] }, caseload: { cold: [], warm: [] } };

console.log(`panes side by side with the anchor (Microsoft's React + Fluent UI task pane starter), headless Chromium, ${ROUNDS} rounds of alternating cold loads`);
console.log(`  register: ${size.toLocaleString("en-GB")} children (${theirs} of them the user's); the booking pane as ${user} (taskpane.html?view=book, the same office.js stand-in for both)${GRAPH_MS ? `; ${GRAPH_MS} ms added to every Graph answer` : ""}`);
for (let round = 0; round < ROUNDS; round++) {
  const order = (round % 2 === 0 ? ["anchor", "ours", "caseload"] : ["caseload", "ours", "anchor"]) as (keyof typeof sides)[];
  for (const side of order) {
    const context = await freshProfile(browser);
    runs[side].cold.push(await open(context, side));
    runs[side].warm.push(await open(context, side));
    await context.close();
  }
}

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const ms = (xs: readonly Open[]) => median(xs.map((o) => o.content));
const anchorCold = ms(runs.anchor.cold);
const anchorWarm = ms(runs.anchor.warm);
const oursCold = ms(runs.ours.cold);
const oursWarm = ms(runs.ours.warm);
console.log(`  anchor first render:       cold ${anchorCold.toFixed(0)} ms, warm ${anchorWarm.toFixed(0)} ms (median)`);
console.log(`  booking pane first content: cold ${oursCold.toFixed(0)} ms, warm ${oursWarm.toFixed(0)} ms (median; up to date: cold ${median(runs.ours.cold.map((o) => o.current ?? Number.NaN)).toFixed(0)} ms, warm ${median(runs.ours.warm.map((o) => o.current ?? Number.NaN)).toFixed(0)} ms)`);
const lives = runs.ours.warm.flatMap((o) => (o.live === null ? [] : [o.live]));
console.log(`  warm: the kept picture was the first content in ${lives.length} of ${runs.ours.warm.length} opens; the pane itself drew over it at ${lives.length ? `${median(lives).toFixed(0)} ms` : "-"} (median)`);
console.log(`  cold first open, ratio to the anchor's first render: ${(oursCold / anchorCold).toFixed(2)} (goal ≤ 1.00)`);
console.log(`  warm open, ratio to the anchor's warm first render: ${(oursWarm / anchorWarm).toFixed(2)}; to its cold first render: ${(oursWarm / anchorCold).toFixed(2)} (goal ≤ 0.50)`);
const caseloadLives = runs.caseload.warm.flatMap((o) => (o.live === null ? [] : [o.live]));
console.log(
  `  the caseload view (taskpane.html?view=caseload), first content: cold ${ms(runs.caseload.cold).toFixed(0)} ms, warm ${ms(runs.caseload.warm).toFixed(0)} ms (the picture in ${caseloadLives.length} of ${runs.caseload.warm.length} opens; the pane itself at ${caseloadLives.length ? `${median(caseloadLives).toFixed(0)} ms` : "-"}); warm ratio to the anchor's warm first render ${(ms(runs.caseload.warm) / anchorWarm).toFixed(2)}`,
);
const pages = Math.ceil(size / 200);
console.log(`  Graph requests per open until up to date: cold ${median(runs.ours.cold.map((o) => o.graph))}, warm ${median(runs.ours.warm.map((o) => o.graph))} (goal for warm: 1, against ⌈N/200⌉ + 1 = ${pages + 1}); the caseload view, which also reads the open disputes: cold ${median(runs.caseload.cold.map((o) => o.graph))}, warm ${median(runs.caseload.warm.map((o) => o.graph))}`);

// First downloads: what the browser fetched before first content, gzip -9, office.js left out on both sides.
const gz = (file: string) => gzipSync(readFileSync(file), { level: 9 }).length;
// The scripts written into each page count too.
const anchorBytes = runs.anchor.cold[0]!.scripts.reduce((n, u) => n + gz(join(anchorDir, u)), inlineJsGzip(join(anchorDir, "taskpane.html")));
const oursBytes = runs.ours.cold[0]!.scripts.reduce((n, u) => n + gz(join("dist/web", u)), inlineJsGzip("dist/web/taskpane.html"));
console.log(`\nfirst download (JS before first content, files and inline, gzip -9, office.js left out)`);
console.log(`  anchor: ${(anchorBytes / 1024).toFixed(1)} KB; booking pane as fetched in Chromium: ${(oursBytes / 1024).toFixed(1)} KB, ${(oursBytes / anchorBytes).toFixed(2)} of the anchor (goal ≤ 42 KB)`);
for (const surface of firstDownloads()) console.log(`  ${surface.name.padEnd(44)} ${(surface.gzipBytes / 1024).toFixed(1).padStart(5)} KB first, ${(surface.laterGzipBytes / 1024).toFixed(1).padStart(6)} KB later when used`);

await browser.close();
await new Promise<void>((done) => anchor.server.close(() => done()));
await new Promise<void>((done) => ours.server.close(() => done()));
sandbox.stop();
rmSync(dataDir, { recursive: true, force: true });

/** A fresh profile: its own HTTP cache and storage; the anchor's first render watched. */
async function freshProfile(b: Browser): Promise<BrowserContext> {
  const context = await b.newContext({ locale: "en-GB", timezoneId: "Europe/London", viewport: { width: 420, height: 900 } });
  // The anchor's README: first render is the first child added to #container (MutationObserver +
  // performance.now()). Installed on both sides, so both pay for the observer.
  await context.addInitScript(() => {
    const seen = new MutationObserver(() => {
      if (document.getElementById("container")?.firstChild) {
        (window as unknown as { __firstRender: number }).__firstRender = performance.now();
        seen.disconnect();
      }
    });
    seen.observe(document, { childList: true, subtree: true });
  });
  return context;
}

async function open(context: BrowserContext, side: keyof typeof sides): Promise<Open> {
  const page = await context.newPage();
  await answerOfficeJs(context, page);
  let graph = 0;
  const problems: string[] = [];
  page.on("request", (r) => void (r.url().includes("/graph/v1.0/") && graph++));
  if (process.env.BENCH_DEBUG) page.on("response", async (r) => r.url().includes("/graph/") && console.log(side, r.status(), r.url().slice(-80), r.url().endsWith("$batch") ? JSON.stringify((await r.json()).responses.map((x: { status: number; body: unknown }) => [x.status, JSON.stringify(x.body).slice(0, 100)])) : ""));
  page.on("pageerror", (e) => problems.push(e.message));
  page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
  if (process.env.BENCH_DEBUG) page.on("request", (r) => r.url().endsWith("$batch") && console.log(side, "batch", r.postData()?.slice(0, 600)));
  if (process.env.BENCH_DEBUG) page.on("console", (m) => console.log(side, "console", m.text()));
  await page.goto(sides[side].url);
  // Functions, not strings: the pages' CSP has no 'unsafe-eval'.
  const mark = (name: string) =>
    page.waitForFunction((n) => performance.getEntriesByName(n, "mark")[0]?.startTime, name, { timeout: 30_000 }).then(
      (h) => h.jsonValue() as Promise<number>,
      async (error: Error) => {
        throw new Error(`${side}: no ${name} mark (${error.message}); the page said: ${(await page.locator("body").innerText()).slice(0, 400)} ${problems.join("; ")}`);
      },
    );
  const ready = sides[side].ready;
  const at = ready ? await mark(ready) : ((await (await page.waitForFunction(() => (window as unknown as { __firstRender?: number }).__firstRender, undefined, { timeout: 30_000 })).jsonValue()) as number);
  // The scripts asked for before first content (office.js left out: the same stand-in on both sides).
  const scripts = await page.evaluate((t) => performance.getEntriesByType("resource").filter((r) => r.startTime < t && new URL(r.name).origin === location.origin && new URL(r.name).pathname.endsWith(".js")).map((r) => new URL(r.name).pathname), at);
  let current: number | null = null;
  let live: number | null = null;
  if (process.env.BENCH_TRACE && side !== "anchor") console.log(`--- ${side}\n${await timeline(page)}`);
  if (side !== "anchor") {
    current = await mark("iro:current");
    live = await page.evaluate(() => performance.getEntriesByName("iro:live", "mark")[0]?.startTime ?? null);
    await page.waitForLoadState("networkidle");
    // A person keeps a pane open longer than this: let the copy be written before it closes.
    await page.waitForFunction(copyWhole, undefined, { timeout: 15_000 }).catch(() => console.log("  (the copy was not written within 15 s)"));
  }
  await page.close();
  return { content: at, current, live, graph, scripts };
}

/** BENCH_TRACE=1: the page's navigation, every file it fetched (start–end ms, bytes over the network: 0 from the cache) and its marks, in time order. */
async function timeline(page: Page): Promise<string> {
  await page.waitForTimeout(500);
  return page.evaluate(() =>
    [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource"), ...performance.getEntriesByType("mark")]
      .sort((a, b) => a.startTime - b.startTime)
      .map((e) => {
        const name = (e.name.split("/").pop() ?? "").slice(0, 40);
        if (!("responseEnd" in e)) return `${e.startTime.toFixed(0).padStart(5)}        mark ${name}`;
        const r = e as PerformanceResourceTiming;
        return `${r.startTime.toFixed(0).padStart(5)}–${r.responseEnd.toFixed(0).padEnd(5)}  ${r.transferSize.toString().padStart(7)} B  ${name}`;
      })
      .join("\n"),
  );
}

/**
 * office.js answered with the stand-in through the DevTools protocol's Fetch domain, for this
 * page alone: Playwright's route() would turn the whole profile's HTTP cache off (microsoft/
 * playwright#7220), and a second open in Outlook takes the pages' scripts from that cache.
 */
async function answerOfficeJs(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  const body = Buffer.from(stub).toString("base64");
  cdp.on("Fetch.requestPaused", (paused: { requestId: string }) =>
    void cdp.send("Fetch.fulfillRequest", { requestId: paused.requestId, responseCode: 200, responseHeaders: [{ name: "Content-Type", value: "text/javascript" }], body }).catch(() => undefined),
  );
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: OFFICE_JS }] });
}

/** Whether this page's origin holds a whole copy (IndexedDB, with its delta link). */
async function copyWhole(): Promise<boolean> {
  const names = (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith("iro-desk-copy:"));
  const whole = await Promise.all(
    names.map(
      (name) =>
        new Promise<boolean>((resolve) => {
          const open = indexedDB.open(name);
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains("meta")) return db.close(), resolve(false);
            const get = db.transaction("meta").objectStore("meta").get("copy");
            get.onsuccess = () => (db.close(), resolve(typeof get.result?.deltaLink === "string"));
          };
        }),
    ),
  );
  return whole.includes(true);
}

/** The sandbox in a process of its own (`npm start`'s program), as Graph is another server for a tenant's pages. */
async function sandboxProcess(dir: string, day: string): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, ["dist/sandbox/main.js", "--reset", "--today", day], { env: { ...process.env, PORT: "0", IRO_DESK_DATA: dir }, stdio: ["ignore", "pipe", "inherit"] });
  const url = await new Promise<string>((found, failed) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const at = /IRO Desk sandbox: (http:\/\/\S+)/.exec(out)?.[1];
      if (at) found(at);
    });
    child.on("exit", (code) => failed(new Error(`the sandbox stopped (${code})`)));
  });
  child.stdout!.resume();
  return { url, stop: () => void child.kill() };
}

/**
 * Serves a folder as the sandbox serves dist/web (the same types and Cache-Control), so both sides
 * load alike; with `graph`, /graph/ and /sandbox/ go on to that server (after GRAPH_MS for Graph).
 */
async function serveFolder(root: string, graph?: string): Promise<{ url: string; server: ReturnType<typeof createServer> }> {
  const types: Record<string, string> = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8", ".png": "image/png", ".svg": "image/svg+xml", ".json": "application/json" };
  const server = createServer((req, res) => {
    if (graph && /^\/(graph|sandbox)\//.test(req.url ?? "")) return forward(req, res, graph);
    const pathname = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    const file = normalize(join(root, pathname));
    if (!file.startsWith(root) || !existsSync(file) || statSync(file).isDirectory()) return void res.writeHead(404).end();
    res.writeHead(200, { "Content-Type": types[extname(file)] ?? "application/octet-stream", "Cache-Control": cacheControlFor(pathname) });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return { url: `http://localhost:${(server.address() as AddressInfo).port}`, server };
}

/**
 * Passes a Graph or sandbox call on to the sandbox, as a reverse proxy would: addressed to the
 * sandbox (it answers only calls addressed to itself), with the links in its answers (nextLink,
 * deltaLink) pointing back here, after GRAPH_MS for Graph.
 */
function forward(req: IncomingMessage, res: ServerResponse, to: string): void {
  const target = new URL(req.url ?? "/", to);
  const here = `http://${req.headers.host}`;
  const headers = { ...req.headers, host: target.host, ...(req.headers.origin ? { origin: target.origin } : {}) };
  const upstream = httpRequest(target, { method: req.method, headers }, (answer) => {
    const chunks: Buffer[] = [];
    answer.on("data", (c: Buffer) => chunks.push(c));
    answer.on("end", () => {
      const body = Buffer.from(Buffer.concat(chunks).toString("utf8").replaceAll(target.origin, here));
      const send = () => res.writeHead(answer.statusCode ?? 502, { ...answer.headers, "content-length": String(body.length) }).end(body);
      if (GRAPH_MS > 0 && target.pathname.startsWith("/graph/")) setTimeout(send, GRAPH_MS);
      else send();
    });
  });
  upstream.on("error", () => res.writeHead(502).end());
  req.pipe(upstream);
}
