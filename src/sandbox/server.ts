import { randomBytes } from "node:crypto";
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve } from "node:path";
import type { IsoDate } from "../domain/calendar/isoDate.js";
import { seedDemo } from "./demo/seedDemo.js";
import { checkRules, Faults } from "./faults.js";
import { GraphError } from "./graph/graphError.js";
import { dispatch, errorResponse } from "./graph/router.js";
import { Store } from "./store.js";

export interface SandboxOptions {
  /** 0 picks a free port (tests). */
  readonly port: number;
  readonly host?: string;
  /** The folder the SQLite file lives in (IRO_DESK_DATA). */
  readonly dataDir: string;
  /** Reseed even when data exists. */
  readonly reset?: boolean;
  /** The day the demo data is built around; by default today in London. */
  readonly today: IsoDate;
  /** Built pages to serve at / (dist/web); optional so contract tests need no build. */
  readonly webRoot?: string;
  readonly faults?: unknown;
}

export interface Sandbox {
  readonly url: string;
  readonly graphUrl: string;
  readonly store: Store;
  readonly faults: Faults;
  close(): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".xml": "application/xml",
  ".map": "application/json",
  ".zip": "application/zip",
};

/** Starts the sandbox: the Graph-compatible API under /graph/v1.0, the sandbox's own /sandbox/… calls, and the built pages. */
export async function startSandbox(options: SandboxOptions): Promise<Sandbox> {
  const store = new Store(options.dataDir);
  if (options.reset || !store.isSeeded()) {
    store.transaction(() => {
      store.clear();
      seedDemo(store, options.today);
    });
  }
  const faults = new Faults();
  if (options.faults) faults.set(checkRules(options.faults));
  const pending = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, errorResponse(error)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    const origin = `http://${req.headers.host ?? "localhost"}`;
    // Graph allows cross-origin calls; so does the sandbox, for the browser extension's pages.
    res.setHeader("Access-Control-Allow-Origin", "*");
    res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match, Prefer, client-request-id");
    res.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE, OPTIONS");
    res.setHeader("Access-Control-Expose-Headers", "ETag, Retry-After, Location, request-id");
    if (req.method === "OPTIONS") return void res.writeHead(204).end();

    if (url.pathname.startsWith("/graph/v1.0/") || url.pathname === "/graph/v1.0") {
      const path = url.pathname.slice("/graph/v1.0".length) || "/";
      const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const user = token ? store.userForToken(token) : undefined;
      if (!user) {
        const message = token ? "Access token validation failure. Invalid audience." : "Access token is empty.";
        return send(res, errorResponse(new GraphError(401, "InvalidAuthenticationToken", message)));
      }
      const fault = faults.pick(req.method ?? "GET", path);
      if (fault?.kind === "429" || fault?.kind === "503") {
        await readBody(req).catch(() => undefined);
        const e =
          fault.kind === "429"
            ? new GraphError(429, "TooManyRequests", "Too many requests: the application is being throttled.", { "Retry-After": String(fault.retryAfterSeconds) })
            : new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable.", { "Retry-After": String(fault.retryAfterSeconds) });
        return send(res, errorResponse(e));
      }
      let body: unknown;
      try {
        body = await readBody(req);
      } catch (error) {
        return send(res, errorResponse(error));
      }
      const answer = dispatch(
        { method: req.method ?? "GET", path, query: url.searchParams, headers: lowerHeaders(req), body },
        { user, store, graphBase: `${origin}/graph/v1.0`, now: Date.now },
      );
      if (fault?.kind === "hang") {
        // The work is done; the answer comes too late for a client with a timeout.
        const timer = setTimeout(() => {
          pending.delete(timer);
          if (!res.destroyed) send(res, answer);
        }, fault.hangMs);
        pending.add(timer);
        return;
      }
      return send(res, answer);
    }

    if (url.pathname === "/sandbox/token" && req.method === "POST") {
      const body = (await readBody(req).catch(() => undefined)) as { upn?: unknown } | undefined;
      const user = typeof body?.upn === "string" ? store.user(body.upn) : undefined;
      if (!user) return send(res, { status: 400, body: { error: { code: "unknownUser", message: "No demo user has that upn: see GET /sandbox/users." } } });
      if (!user.mailbox) return send(res, { status: 400, body: { error: { code: "noMailbox", message: `${user.userPrincipalName} is a partner outside the tenant and cannot sign in.` } } });
      const token = randomBytes(24).toString("base64url");
      store.putToken(token, user.id);
      return send(res, { status: 200, body: { access_token: token, token_type: "Bearer", expires_in: 86_400 } });
    }
    if (url.pathname === "/sandbox/users" && req.method === "GET") {
      return send(res, {
        status: 200,
        body: {
          value: store.users().map((u) => ({ id: u.id, upn: u.userPrincipalName, displayName: u.displayName, jobTitle: u.jobTitle, roles: u.roles, fte: u.fte ?? null, mailbox: u.mailbox })),
        },
      });
    }
    if (url.pathname === "/sandbox/faults") {
      if (req.method === "GET") return send(res, { status: 200, body: { rules: faults.list() } });
      if (req.method === "DELETE") {
        faults.set([]);
        return send(res, { status: 204 });
      }
      if (req.method === "POST") {
        try {
          faults.set(checkRules(await readBody(req)));
          return send(res, { status: 200, body: { rules: faults.list() } });
        } catch (error) {
          return send(res, { status: 400, body: { error: { code: "badFaults", message: (error as Error).message } } });
        }
      }
    }
    if (req.method === "GET" && options.webRoot) return serveFile(res, options.webRoot, url.pathname);
    send(res, { status: 404, body: { error: { code: "notFound", message: `Nothing at ${url.pathname}.` } } });
  }

  await new Promise<void>((done) => server.listen(options.port, options.host ?? "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  const url = `http://localhost:${port}`;
  return {
    url,
    graphUrl: `${url}/graph/v1.0`,
    store,
    faults,
    async close() {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      store.close();
    },
  };
}

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new GraphError(413, "RequestEntityTooLarge", "The request body is larger than the sandbox accepts (4 MB).");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  if (text.trim() === "") return undefined;
  try {
    return JSON.parse(text);
  } catch {
    throw new GraphError(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
  }
}

function lowerHeaders(req: IncomingMessage): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(", ") : v]));
}

function send(res: ServerResponse, answer: { status: number; headers?: Readonly<Record<string, string>>; body?: unknown }): void {
  if (res.headersSent) return;
  const headers: Record<string, string> = { ...answer.headers };
  if (answer.body !== undefined && answer.status !== 204) {
    headers["Content-Type"] = "application/json; charset=utf-8";
    res.writeHead(answer.status, headers).end(JSON.stringify(answer.body));
  } else res.writeHead(answer.status, headers).end();
}

function serveFile(res: ServerResponse, root: string, pathname: string): void {
  const base = resolve(root);
  let file = normalize(join(base, decodeURIComponent(pathname)));
  if (!file.startsWith(base)) return send(res, { status: 404, body: { error: { code: "notFound", message: "Not found." } } });
  if (existsSync(file) && statSync(file).isDirectory()) file = join(file, "index.html");
  if (!existsSync(file)) return send(res, { status: 404, body: { error: { code: "notFound", message: `Nothing at ${pathname}.` } } });
  res.writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream", "Cache-Control": "no-cache" });
  createReadStream(file).pipe(res);
}
