import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

/** Who a demo user is in the IRO service. Partners have no mailbox in the tenant. */
export type Role = "iro" | "cp-chair" | "manager" | "social-worker" | "team-manager" | "partner";

export interface SandboxUser {
  readonly id: string;
  readonly userPrincipalName: string;
  readonly displayName: string;
  readonly givenName: string;
  readonly surname: string;
  readonly jobTitle: string;
  readonly department: string;
  readonly roles: readonly Role[];
  /** Full-time equivalent, for IROs and CP chairs. */
  readonly fte?: number;
  readonly mailbox: boolean;
  readonly workingHours: { readonly daysOfWeek: readonly string[]; readonly startTime: string; readonly endTime: string };
}

/** An event as stored: Graph's own JSON, plus its instants for range queries. */
export interface StoredEvent {
  readonly id: string;
  readonly ownerId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly transactionId: string | null;
  readonly iCalUId: string;
  readonly data: Record<string, unknown>;
}

export interface StoredMessage {
  readonly id: string;
  readonly ownerId: string;
  readonly folder: "inbox" | "sentitems" | "drafts";
  readonly data: Record<string, unknown>;
}

export interface StoredListItem {
  readonly listId: string;
  readonly id: number;
  readonly version: number;
  readonly data: { readonly createdDateTime: string; readonly lastModifiedDateTime: string; readonly createdBy: string; readonly fields: Record<string, unknown> };
}

export interface StoredList {
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
  readonly displayName: string;
  readonly columns: readonly string[];
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, upn TEXT NOT NULL UNIQUE COLLATE NOCASE, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, user_id TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
  transaction_id TEXT, ical_uid TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_owner_start ON events (owner_id, start_ms);
CREATE INDEX IF NOT EXISTS events_uid ON events (ical_uid);
CREATE UNIQUE INDEX IF NOT EXISTS events_transaction ON events (owner_id, transaction_id) WHERE transaction_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, folder TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS messages_owner ON messages (owner_id, folder);
CREATE TABLE IF NOT EXISTS lists (id TEXT PRIMARY KEY, site_id TEXT NOT NULL, name TEXT NOT NULL, json TEXT NOT NULL, next_item_id INTEGER NOT NULL DEFAULT 1);
CREATE TABLE IF NOT EXISTS list_items (list_id TEXT NOT NULL, id INTEGER NOT NULL, version INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (list_id, id));
`;

/**
 * The sandbox's storage: one SQLite file in the data folder, so a restart loses nothing.
 * Every method is synchronous (better-sqlite3): one request's writes are one transaction.
 */
export class Store {
  private readonly db: Database.Database;

  constructor(dataDir: string) {
    mkdirSync(dataDir, { recursive: true });
    this.db = new Database(join(dataDir, "sandbox.sqlite"));
    this.db.pragma("journal_mode = WAL");
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  /** Runs `work` in one transaction: all of its writes land, or none. */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  isSeeded(): boolean {
    return this.meta("seeded") !== undefined;
  }

  meta(key: string): string | undefined {
    return (this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as { value: string } | undefined)?.value;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare("INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value").run(key, value);
  }

  /** Empties every table, for --reset. */
  clear(): void {
    this.db.exec("DELETE FROM meta; DELETE FROM users; DELETE FROM tokens; DELETE FROM events; DELETE FROM messages; DELETE FROM lists; DELETE FROM list_items;");
  }

  // Users and tokens

  putUser(user: SandboxUser): void {
    this.db.prepare("INSERT OR REPLACE INTO users (id, upn, json) VALUES (?, ?, ?)").run(user.id, user.userPrincipalName, JSON.stringify(user));
  }

  users(): SandboxUser[] {
    return (this.db.prepare("SELECT json FROM users ORDER BY upn").all() as { json: string }[]).map((r) => JSON.parse(r.json) as SandboxUser);
  }

  /** By id or user principal name (case-insensitive), as /users/{id | userPrincipalName} takes. */
  user(idOrUpn: string): SandboxUser | undefined {
    const row = this.db.prepare("SELECT json FROM users WHERE id = ? OR upn = ?").get(idOrUpn, idOrUpn) as { json: string } | undefined;
    return row ? (JSON.parse(row.json) as SandboxUser) : undefined;
  }

  putToken(token: string, userId: string): void {
    this.db.prepare("INSERT INTO tokens (token, user_id) VALUES (?, ?)").run(token, userId);
  }

  userForToken(token: string): SandboxUser | undefined {
    const row = this.db.prepare("SELECT user_id FROM tokens WHERE token = ?").get(token) as { user_id: string } | undefined;
    return row ? this.user(row.user_id) : undefined;
  }

  // Events

  putEvent(event: StoredEvent): void {
    this.db
      .prepare("INSERT OR REPLACE INTO events (id, owner_id, start_ms, end_ms, transaction_id, ical_uid, json) VALUES (?, ?, ?, ?, ?, ?, ?)")
      .run(event.id, event.ownerId, event.startMs, event.endMs, event.transactionId, event.iCalUId, JSON.stringify(event.data));
  }

  event(ownerId: string, id: string): StoredEvent | undefined {
    return this.toEvent(this.db.prepare("SELECT * FROM events WHERE owner_id = ? AND id = ?").get(ownerId, id));
  }

  eventByTransaction(ownerId: string, transactionId: string): StoredEvent | undefined {
    return this.toEvent(this.db.prepare("SELECT * FROM events WHERE owner_id = ? AND transaction_id = ?").get(ownerId, transactionId));
  }

  /** Copies of one meeting in every calendar (organizer's and attendees'). */
  eventsByUid(iCalUId: string): StoredEvent[] {
    return (this.db.prepare("SELECT * FROM events WHERE ical_uid = ?").all(iCalUId) as EventRow[]).map((r) => this.toEvent(r)!);
  }

  /** Events that overlap [startMs, endMs), in start order. */
  eventsBetween(ownerId: string, startMs: number, endMs: number): StoredEvent[] {
    return (
      this.db
        .prepare("SELECT * FROM events WHERE owner_id = ? AND start_ms < ? AND end_ms > ? ORDER BY start_ms, id")
        .all(ownerId, endMs, startMs) as EventRow[]
    ).map((r) => this.toEvent(r)!);
  }

  allEvents(ownerId: string): StoredEvent[] {
    return (this.db.prepare("SELECT * FROM events WHERE owner_id = ? ORDER BY start_ms, id").all(ownerId) as EventRow[]).map((r) => this.toEvent(r)!);
  }

  deleteEvent(ownerId: string, id: string): void {
    this.db.prepare("DELETE FROM events WHERE owner_id = ? AND id = ?").run(ownerId, id);
  }

  private toEvent(row: unknown): StoredEvent | undefined {
    if (!row) return undefined;
    const r = row as EventRow;
    return { id: r.id, ownerId: r.owner_id, startMs: r.start_ms, endMs: r.end_ms, transactionId: r.transaction_id, iCalUId: r.ical_uid, data: JSON.parse(r.json) };
  }

  // Messages

  putMessage(message: StoredMessage): void {
    this.db.prepare("INSERT OR REPLACE INTO messages (id, owner_id, folder, json) VALUES (?, ?, ?, ?)").run(message.id, message.ownerId, message.folder, JSON.stringify(message.data));
  }

  message(ownerId: string, id: string): StoredMessage | undefined {
    const r = this.db.prepare("SELECT * FROM messages WHERE owner_id = ? AND id = ?").get(ownerId, id) as MessageRow | undefined;
    return r ? { id: r.id, ownerId: r.owner_id, folder: r.folder as StoredMessage["folder"], data: JSON.parse(r.json) } : undefined;
  }

  messages(ownerId: string, folder?: StoredMessage["folder"]): StoredMessage[] {
    const rows = (folder
      ? this.db.prepare("SELECT * FROM messages WHERE owner_id = ? AND folder = ? ORDER BY rowid DESC").all(ownerId, folder)
      : this.db.prepare("SELECT * FROM messages WHERE owner_id = ? ORDER BY rowid DESC").all(ownerId)) as MessageRow[];
    return rows.map((r) => ({ id: r.id, ownerId: r.owner_id, folder: r.folder as StoredMessage["folder"], data: JSON.parse(r.json) }));
  }

  deleteMessage(ownerId: string, id: string): void {
    this.db.prepare("DELETE FROM messages WHERE owner_id = ? AND id = ?").run(ownerId, id);
  }

  // SharePoint lists

  putList(list: StoredList): void {
    this.db.prepare("INSERT OR REPLACE INTO lists (id, site_id, name, json) VALUES (?, ?, ?, ?)").run(list.id, list.siteId, list.name, JSON.stringify(list));
  }

  /** A list by id, name or display name, as Graph accepts any of them in the path. */
  list(idOrName: string): StoredList | undefined {
    const row = this.db.prepare("SELECT json FROM lists WHERE id = ? OR name = ? COLLATE NOCASE").get(idOrName, idOrName) as { json: string } | undefined;
    if (row) return JSON.parse(row.json) as StoredList;
    return (this.db.prepare("SELECT json FROM lists").all() as { json: string }[])
      .map((r) => JSON.parse(r.json) as StoredList)
      .find((l) => l.displayName.toLowerCase() === idOrName.toLowerCase());
  }

  /** Takes the next item id of a list (ids are never reused, as in SharePoint). */
  nextListItemId(listId: string): number {
    const row = this.db.prepare("UPDATE lists SET next_item_id = next_item_id + 1 WHERE id = ? RETURNING next_item_id - 1 AS id").get(listId) as { id: number };
    return row.id;
  }

  putListItem(item: StoredListItem): void {
    this.db.prepare("INSERT OR REPLACE INTO list_items (list_id, id, version, json) VALUES (?, ?, ?, ?)").run(item.listId, item.id, item.version, JSON.stringify(item.data));
  }

  listItem(listId: string, id: number): StoredListItem | undefined {
    const r = this.db.prepare("SELECT * FROM list_items WHERE list_id = ? AND id = ?").get(listId, id) as ListItemRow | undefined;
    return r ? { listId: r.list_id, id: r.id, version: r.version, data: JSON.parse(r.json) } : undefined;
  }

  listItems(listId: string): StoredListItem[] {
    return (this.db.prepare("SELECT * FROM list_items WHERE list_id = ? ORDER BY id").all(listId) as ListItemRow[]).map((r) => ({
      listId: r.list_id,
      id: r.id,
      version: r.version,
      data: JSON.parse(r.json),
    }));
  }

  deleteListItem(listId: string, id: number): void {
    this.db.prepare("DELETE FROM list_items WHERE list_id = ? AND id = ?").run(listId, id);
  }
}

interface EventRow {
  id: string;
  owner_id: string;
  start_ms: number;
  end_ms: number;
  transaction_id: string | null;
  ical_uid: string;
  json: string;
}
interface MessageRow {
  id: string;
  owner_id: string;
  folder: string;
  json: string;
}
interface ListItemRow {
  list_id: string;
  id: number;
  version: number;
  json: string;
}
