import { randomBytes } from "node:crypto";
import type { SandboxUser, Store } from "../store.js";
import { accessDenied, notFound } from "./graphError.js";

/**
 * How the sandbox behaves where Microsoft 365 may behave either way: settings the tests use to meet
 * each behaviour a tenant can show (startSandbox's `behaviour`, changeable on a running sandbox).
 */
export interface SandboxBehaviour {
  /**
   * A repeated event create with a transactionId already used: Exchange may answer with the event
   * made the first time ("original") or with 400 ErrorDuplicateTransactionId ("error").
   */
  duplicateTransactionId: "original" | "error";
  /** How long after the organizer's event its attendees' copies appear in their calendars (Exchange delivers them as meeting requests). */
  attendeeCopyDelayMs: number;
  /** How long a list items delta token stays usable; an older one is answered 410 (resync). */
  deltaTokenLifetimeMs: number;
  /** How long a sandbox access token lasts (expires_in). */
  tokenLifetimeSeconds: number;
}

export const DEFAULT_BEHAVIOUR: SandboxBehaviour = {
  duplicateTransactionId: "original",
  attendeeCopyDelayMs: 0,
  deltaTokenLifetimeMs: 30 * 86_400_000,
  tokenLifetimeSeconds: 3_600,
};

/** One Graph call, after authentication: what every route handler gets. */
export interface GraphRequest {
  readonly method: string;
  /** The path after /graph/v1.0, e.g. "/me/events/AAMk…". */
  readonly path: string;
  readonly query: URLSearchParams;
  /** Header names in lower case. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: unknown;
  readonly user: SandboxUser;
  readonly store: Store;
  /** "http://localhost:3000/graph/v1.0": for @odata.nextLink and webLink. */
  readonly graphBase: string;
  readonly params: Readonly<Record<string, string>>;
  readonly now: () => number;
  readonly behaviour: SandboxBehaviour;
}

export interface GraphResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: unknown;
}

export const ok = (body: unknown, status = 200, headers?: Record<string, string>): GraphResponse => ({ status, body, headers });

/** An opaque id in Graph's style (base64url), unique across restarts. */
export function newId(prefix = "AAMk"): string {
  return prefix + randomBytes(24).toString("base64url");
}

/**
 * The mailbox a /me/… or /users/{id}/… path is about. The signed-in user may use only their own:
 * others' calendars are seen through getSchedule, as with Graph's delegated Calendars.ReadWrite.
 */
export function mailboxOwner(req: GraphRequest): SandboxUser {
  const id = req.params.user;
  if (id === undefined) return req.user;
  const user = req.store.user(decodeURIComponent(id));
  if (!user) throw notFound(`Resource '${id}' does not exist or one of its queried reference-property objects are not present.`, "Request_ResourceNotFound");
  if (user.id !== req.user.id) throw accessDenied();
  return user;
}

/** $top and $skip, within Graph's limits; a page of `items` and the nextLink to the rest. */
export function page<T>(req: GraphRequest, items: readonly T[], defaultTop: number, maxTop: number): { value: T[]; "@odata.nextLink"?: string } {
  const top = Math.min(Math.max(Number(req.query.get("$top") ?? defaultTop) || defaultTop, 1), maxTop);
  const skip = Math.max(Number(req.query.get("$skip") ?? 0) || 0, 0);
  const value = items.slice(skip, skip + top);
  if (skip + top >= items.length) return { value };
  const next = new URLSearchParams(req.query);
  next.set("$top", String(top));
  next.set("$skip", String(skip + top));
  return { value, "@odata.nextLink": `${req.graphBase}${req.path}?${next.toString()}` };
}
