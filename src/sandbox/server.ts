import { randomBytes } from "node:crypto";
import { createReadStream, existsSync, realpathSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { basename, extname, resolve, sep } from "node:path";
import type { IsoDate } from "../domain/calendar/isoDate.js";
import { cacheControlFor } from "./cacheControl.js";
import { seedDemo, upgradeDemoSite } from "./demo/seedDemo.js";
import { checkRules, Faults } from "./faults.js";
import { DEFAULT_BEHAVIOUR, type SandboxBehaviour } from "./graph/context.js";
import { GraphError } from "./graph/graphError.js";
import { dispatch, errorResponse } from "./graph/router.js";
import { deliverDeferred } from "./graph/deferredSend.js";
import { handleOutside } from "./outsideMail.js";
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
  /**
   * Started for testing (the tests, or `npm start -- --testing`): only then are faults injected
   * (POST /sandbox/faults, IRO_DESK_FAULTS). A sandbox holding a pilot's data answers every call.
   */
  readonly testing?: boolean;
  readonly faults?: unknown;
  /** Where Microsoft 365 may behave either way, which way the sandbox does (see SandboxBehaviour). */
  readonly behaviour?: Partial<SandboxBehaviour>;
  /**
   * Origins of the browser extension allowed to read the sandbox from its pages, e.g.
   * "chrome-extension://<id>" (IRO_DESK_EXTENSION_ORIGINS). By default any browser extension's
   * origin; never a web page's.
   */
  readonly extensionOrigins?: readonly string[];
}

export interface Sandbox {
  readonly url: string;
  readonly graphUrl: string;
  readonly store: Store;
  readonly faults: Faults;
  /** Changeable while running: the tests switch behaviours on and off. */
  readonly behaviour: SandboxBehaviour;
  close(): Promise<void>;
}

const MAX_BODY = 4 * 1024 * 1024;
/**
 * JSON nested deeper than this is refused with 400 before it is read: OData's readers stop at a
 * nesting depth of 100 by default (ODataMessageQuotas.MaxNestingDepth), and nothing Graph takes is
 * nested more than a few levels.
 */
const MAX_JSON_DEPTH = 100;
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
  if (options.faults && !options.testing) throw new Error("fault injection (IRO_DESK_FAULTS) is only for a sandbox started for testing: add --testing");
  const faults = new Faults();
  if (options.faults) faults.set(checkRules(options.faults));
  const store = new Store(options.dataDir);
  if (options.reset || !store.isSeeded()) {
    store.clear();
    await seedDemo(store, options.today);
  } else await upgradeDemoSite(store);
  const behaviour: SandboxBehaviour = { ...DEFAULT_BEHAVIOUR, ...options.behaviour };
  const pending = new Set<NodeJS.Timeout>();
  let port = 0;

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => send(res, errorResponse(error)));
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // DNS rebinding: a page on another site whose name is made to point at 127.0.0.1 still names its
    // own host. Only requests addressed to this computer by name or address are answered.
    const host = (req.headers.host ?? "").toLowerCase();
    if (!LOCAL_HOSTS.some((h) => host === `${h}:${port}` || (port === 80 && host === h))) {
      return send(res, { status: 403, body: { error: { code: "hostNotAllowed", message: `The sandbox answers requests addressed to localhost:${port} or 127.0.0.1:${port} only.` } } });
    }
    // A web page may not read the sandbox (it may hold a pilot's real data): cross-origin reads only
    // for the sandbox's own pages and the browser extension, and a request a page sends without
    // asking (a form post) is refused outright.
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== "null") {
      if (!allowedOrigin(origin)) return send(res, { status: 403, body: { error: { code: "originNotAllowed", message: `Pages from ${origin} may not call the sandbox.` } } });
      res.setHeader("Access-Control-Allow-Origin", origin);
      res.setHeader("Vary", "Origin");
      res.setHeader("Access-Control-Allow-Headers", "Authorization, Content-Type, If-Match, Prefer, client-request-id, SdkVersion");
      res.setHeader("Access-Control-Allow-Methods", "GET, POST, PATCH, PUT, DELETE, OPTIONS");
      res.setHeader("Access-Control-Expose-Headers", "ETag, Retry-After, Location, request-id");
    }
    if (req.method === "OPTIONS") return void res.writeHead(204).end();

    let url: URL;
    let pathname: string;
    try {
      url = new URL(req.url ?? "/", "http://localhost");
      pathname = decodeURIComponent(url.pathname);
    } catch {
      return send(res, { status: 400, body: { error: { code: "BadRequest", message: "The address has malformed %-encoding." } } });
    }

    if (pathname.startsWith("/graph/v1.0/") || pathname === "/graph/v1.0") {
      const path = url.pathname.slice("/graph/v1.0".length) || "/";
      const token = /^Bearer (.+)$/i.exec(req.headers.authorization ?? "")?.[1];
      const granted = token ? store.token(token) : undefined;
      if (!granted || granted.expiresMs <= Date.now()) {
        // Graph's answers for a token it does not know, and one whose lifetime has ended.
        const message = !token ? "Access token is empty." : granted ? "Access token has expired or is not yet valid." : "Access token validation failure. Invalid audience.";
        return send(res, errorResponse(new GraphError(401, "InvalidAuthenticationToken", message)));
      }
      const user = granted.user;
      const fault = options.testing ? faults.pick(req.method ?? "GET", path) : undefined;
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
        { user, store, graphBase: `http://${host}/graph/v1.0`, now: Date.now, behaviour },
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

    if (pathname === "/sandbox/token" && req.method === "POST") {
      const body = (await readBody(req).catch(() => undefined)) as { upn?: unknown } | undefined;
      const user = typeof body?.upn === "string" ? store.user(body.upn) : undefined;
      if (!user) return send(res, { status: 400, body: { error: { code: "unknownUser", message: "No demo user has that upn: see GET /sandbox/users." } } });
      if (!user.mailbox) return send(res, { status: 400, body: { error: { code: "noMailbox", message: `${user.userPrincipalName} is a partner outside the tenant and cannot sign in.` } } });
      const token = randomBytes(24).toString("base64url");
      store.putToken(token, user.id, Date.now() + behaviour.tokenLifetimeSeconds * 1000);
      return send(res, { status: 200, body: { access_token: token, token_type: "Bearer", expires_in: behaviour.tokenLifetimeSeconds } });
    }
    if (pathname === "/sandbox/users" && req.method === "GET") {
      return send(res, {
        status: 200,
        body: {
          value: store.users().map((u) => ({ id: u.id, upn: u.userPrincipalName, displayName: u.displayName, jobTitle: u.jobTitle, roles: u.roles, fte: u.fte ?? null, mailbox: u.mailbox })),
        },
      });
    }
    if (pathname.startsWith("/sandbox/outside/")) {
      const body = req.method === "POST" ? await readBody(req).catch(() => undefined) : undefined;
      const clock = { store, now: Date.now, graphBase: `http://${host}/graph/v1.0` };
      deliverDeferred(clock);
      return send(res, handleOutside(clock, req.method ?? "GET", pathname, body));
    }
    if (pathname === "/sandbox/faults" && options.testing) {
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
    // HEAD as GET without the body (RFC 9110 9.3.2), as any web server answers for a file.
    if ((req.method === "GET" || req.method === "HEAD") && options.webRoot) return serveFile(res, options.webRoot, pathname, req.method === "HEAD");
    send(res, { status: 404, body: { error: { code: "notFound", message: "Nothing at that address." } } });
  }

  function allowedOrigin(origin: string): boolean {
    if (LOCAL_HOSTS.some((h) => origin === `http://${h}:${port}` || (port === 80 && origin === `http://${h}`))) return true;
    if (options.extensionOrigins && options.extensionOrigins.length > 0) return options.extensionOrigins.includes(origin);
    return /^(chrome|moz)-extension:\/\/[\w-]+$/.test(origin);
  }

  await new Promise<void>((done) => server.listen(options.port, options.host ?? "127.0.0.1", done));
  port = (server.address() as AddressInfo).port;
  const url = `http://localhost:${port}`;
  return {
    url,
    graphUrl: `${url}/graph/v1.0`,
    store,
    faults,
    behaviour,
    async close() {
      for (const timer of pending) clearTimeout(timer);
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
      store.close();
    },
  };
}

/** The names this computer answers to; the sandbox listens on 127.0.0.1 only. */
const LOCAL_HOSTS = ["localhost", "127.0.0.1", "[::1]"];

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
  if (jsonDepth(text) > MAX_JSON_DEPTH) throw new GraphError(400, "BadRequest", `The JSON request payload is nested more than ${MAX_JSON_DEPTH} deep.`);
  try {
    return JSON.parse(text);
  } catch {
    throw new GraphError(400, "BadRequest", "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.");
  }
}

/** How deeply JSON text nests its arrays and objects (brackets inside strings do not count). */
function jsonDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === "\\") i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === "{" || c === "[") deepest = Math.max(deepest, ++depth);
    else if (c === "}" || c === "]") depth--;
  }
  return deepest;
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

/**
 * A built page from the web root, and nothing outside it: the path is already decoded, so "%2f.."
 * and "..%5c" are caught as the ".." they are, and a file reached through a link out of the root is
 * refused too.
 */
function serveFile(res: ServerResponse, root: string, pathname: string, headOnly = false): void {
  const notFound = () => send(res, { status: 404, body: { error: { code: "notFound", message: "Nothing at that address." } } });
  if (pathname.includes("\0") || pathname.split(/[\\/]/).includes("..")) return notFound();
  const base = realpathSync(resolve(root));
  let file = resolve(base, `.${pathname}`);
  if (existsSync(file) && statSync(file).isDirectory()) file = resolve(file, "index.html");
  if (!existsSync(file)) return notFound();
  const real = realpathSync(file);
  if (!real.startsWith(base + sep) || !statSync(real).isFile()) return notFound();
  // A script's source map is named in a header, not in a comment at its end: a pane's first
  // download does not carry a line per file that only developer tools read.
  const map = extname(real) === ".js" && existsSync(`${real}.map`) ? { SourceMap: `${basename(real)}.map` } : {};
  res.writeHead(200, { "Content-Type": TYPES[extname(real)] ?? "application/octet-stream", "Content-Length": String(statSync(real).size), "Cache-Control": cacheControlFor(pathname), "X-Content-Type-Options": "nosniff", ...map });
  if (headOnly) res.end();
  else createReadStream(real).pipe(res);
}
