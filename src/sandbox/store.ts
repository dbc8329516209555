import Database from "better-sqlite3";
import { mkdirSync } from "node:fs";
import { join } from "node:path";

/** Who a demo user is in the IRO service. Partners have no mailbox in the tenant; senior managers are whom the dispute ladder's later stages write to. */
export type Role = "iro" | "cp-chair" | "manager" | "social-worker" | "team-manager" | "senior-manager" | "partner";

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
  /** In the mailbox's own time zone (a Windows name, as Exchange keeps it; GMT Standard Time when not given). */
  readonly workingHours: { readonly daysOfWeek: readonly string[]; readonly startTime: string; readonly endTime: string; readonly timeZone?: string };
}

/** An event as stored: Graph's own JSON, plus its instants for range queries. */
export interface StoredEvent {
  readonly id: string;
  readonly ownerId: string;
  readonly startMs: number;
  readonly endMs: number;
  readonly transactionId: string | null;
  readonly iCalUId: string;
  /** An attendee's copy arrives in their calendar at this time (ms); 0 for one that is there at once. */
  readonly deliveredMs?: number;
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
  /** The list's change number at this item's last write (set by the store): what a delta query compares. */
  readonly seq?: number;
  readonly data: { readonly createdDateTime: string; readonly lastModifiedDateTime: string; readonly createdBy: string; readonly fields: Record<string, unknown> };
}

/** The column types the sandbox keeps (Graph's columnDefinition text, multi-line text, number, boolean, dateTime). */
export type ColumnKind = "text" | "note" | "number" | "boolean" | "dateTime";

/** A list column as SharePoint keeps it: Graph's columnDefinition, with whether it is indexed. */
export interface StoredColumn {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly kind: ColumnKind;
  readonly indexed: boolean;
  /** SharePoint's own columns (Created, Modified…): readable, never written by a caller. */
  readonly readOnly?: boolean;
}

export interface StoredList {
  readonly id: string;
  readonly siteId: string;
  readonly name: string;
  readonly displayName: string;
  readonly template: "genericList" | "documentLibrary";
  readonly createdDateTime: string;
  readonly columns: readonly StoredColumn[];
}

/** A SharePoint site: its id is "hostname,site collection GUID,web GUID", as Graph gives it. */
export interface StoredSite {
  readonly id: string;
  readonly name: string;
  readonly displayName: string;
  readonly webUrl: string;
  readonly root: boolean;
  readonly createdDateTime: string;
}

/** A deleted list item, kept so a delta query can report it. */
export interface ListItemTombstone {
  readonly listId: string;
  readonly id: number;
  readonly seq: number;
}

/** Bumped when the tables change: a data folder in an older format is emptied and the demo built again. */
const FORMAT = "2";
const TABLES = ["users", "tokens", "events", "messages", "sites", "lists", "list_items", "list_item_tombstones"];
const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS users (id TEXT PRIMARY KEY, upn TEXT NOT NULL UNIQUE COLLATE NOCASE, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS tokens (token TEXT PRIMARY KEY, user_id TEXT NOT NULL, expires_ms INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL,
  transaction_id TEXT, ical_uid TEXT NOT NULL, delivered_ms INTEGER NOT NULL DEFAULT 0, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS events_owner_start ON events (owner_id, start_ms);
CREATE INDEX IF NOT EXISTS events_uid ON events (ical_uid);
CREATE UNIQUE INDEX IF NOT EXISTS events_transaction ON events (owner_id, transaction_id) WHERE transaction_id IS NOT NULL;
CREATE TABLE IF NOT EXISTS messages (id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, folder TEXT NOT NULL, json TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS messages_owner ON messages (owner_id, folder);
CREATE TABLE IF NOT EXISTS sites (id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS lists (id TEXT PRIMARY KEY, site_id TEXT NOT NULL, name TEXT NOT NULL, json TEXT NOT NULL, next_item_id INTEGER NOT NULL DEFAULT 1, change_seq INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS list_items (list_id TEXT NOT NULL, id INTEGER NOT NULL, version INTEGER NOT NULL, seq INTEGER NOT NULL, json TEXT NOT NULL, PRIMARY KEY (list_id, id));
CREATE INDEX IF NOT EXISTS list_items_seq ON list_items (list_id, seq);
CREATE TABLE IF NOT EXISTS list_item_tombstones (list_id TEXT NOT NULL, id INTEGER NOT NULL, seq INTEGER NOT NULL);
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
    this.db.exec("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)");
    if (this.meta("format") !== FORMAT) {
      this.db.exec(`${TABLES.map((t) => `DROP TABLE IF EXISTS ${t};`).join(" ")} DELETE FROM meta;`);
      this.db.exec(SCHEMA);
      this.setMeta("format", FORMAT);
    }
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
    this.db.exec(`DELETE FROM meta WHERE key <> 'format'; ${TABLES.map((t) => `DELETE FROM ${t};`).join(" ")}`);
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

  putToken(token: string, userId: string, expiresMs: number): void {
    this.db.prepare("DELETE FROM tokens WHERE expires_ms < ?").run(Date.now() - 86_400_000);
    this.db.prepare("INSERT INTO tokens (token, user_id, expires_ms) VALUES (?, ?, ?)").run(token, userId, expiresMs);
  }

  /** Who a token was given to, and until when (ms since 1970). */
  token(token: string): { user: SandboxUser; expiresMs: number } | undefined {
    const row = this.db.prepare("SELECT user_id, expires_ms FROM tokens WHERE token = ?").get(token) as { user_id: string; expires_ms: number } | undefined;
    const user = row ? this.user(row.user_id) : undefined;
    return row && user ? { user, expiresMs: row.expires_ms } : undefined;
  }

  // Events

  putEvent(event: StoredEvent): void {
    this.db
      .prepare("INSERT OR REPLACE INTO events (id, owner_id, start_ms, end_ms, transaction_id, ical_uid, delivered_ms, json) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
      .run(event.id, event.ownerId, event.startMs, event.endMs, event.transactionId, event.iCalUId, event.deliveredMs ?? 0, JSON.stringify(event.data));
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
    return { id: r.id, ownerId: r.owner_id, startMs: r.start_ms, endMs: r.end_ms, transactionId: r.transaction_id, iCalUId: r.ical_uid, deliveredMs: r.delivered_ms, data: JSON.parse(r.json) };
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

  // SharePoint sites and lists

  putSite(site: StoredSite): void {
    this.db.prepare("INSERT OR REPLACE INTO sites (id, json) VALUES (?, ?)").run(site.id, JSON.stringify(site));
  }

  /** A site by its id (case-insensitive, as Graph treats the GUIDs), or "root". */
  site(idOrRoot: string): StoredSite | undefined {
    const sites = (this.db.prepare("SELECT json FROM sites").all() as { json: string }[]).map((r) => JSON.parse(r.json) as StoredSite);
    return idOrRoot.toLowerCase() === "root" ? sites.find((s) => s.root) : sites.find((s) => s.id.toLowerCase() === idOrRoot.toLowerCase());
  }

  putList(list: StoredList): void {
    this.db
      .prepare("INSERT INTO lists (id, site_id, name, json) VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, json = excluded.json")
      .run(list.id, list.siteId, list.name, JSON.stringify(list));
  }

  lists(siteId: string): StoredList[] {
    return (this.db.prepare("SELECT json FROM lists WHERE site_id = ? ORDER BY rowid").all(siteId) as { json: string }[]).map((r) => JSON.parse(r.json) as StoredList);
  }

  /**
   * A list by id, name or display name, as Graph accepts any of them in the path: within a site, or
   * (for tests and the seed) in any site.
   */
  list(idOrName: string, siteId?: string): StoredList | undefined {
    const rows = (siteId ? this.db.prepare("SELECT json FROM lists WHERE site_id = ?").all(siteId) : this.db.prepare("SELECT json FROM lists").all()) as { json: string }[];
    const lists = rows.map((r) => JSON.parse(r.json) as StoredList);
    const wanted = idOrName.toLowerCase();
    return lists.find((l) => l.id.toLowerCase() === wanted) ?? lists.find((l) => l.name.toLowerCase() === wanted || l.displayName.toLowerCase() === wanted);
  }

  /** Takes the next item id of a list (ids are never reused, as in SharePoint). */
  nextListItemId(listId: string): number {
    const row = this.db.prepare("UPDATE lists SET next_item_id = next_item_id + 1 WHERE id = ? RETURNING next_item_id - 1 AS id").get(listId) as { id: number };
    return row.id;
  }

  /** The list's change number: every write to one of its items moves it on. */
  changeSeq(listId: string): number {
    return (this.db.prepare("SELECT change_seq FROM lists WHERE id = ?").get(listId) as { change_seq: number } | undefined)?.change_seq ?? 0;
  }

  private nextChangeSeq(listId: string): number {
    return (this.db.prepare("UPDATE lists SET change_seq = change_seq + 1 WHERE id = ? RETURNING change_seq").get(listId) as { change_seq: number }).change_seq;
  }

  putListItem(item: StoredListItem): void {
    this.db
      .prepare("INSERT OR REPLACE INTO list_items (list_id, id, version, seq, json) VALUES (?, ?, ?, ?, ?)")
      .run(item.listId, item.id, item.version, this.nextChangeSeq(item.listId), JSON.stringify(item.data));
  }

  listItem(listId: string, id: number): StoredListItem | undefined {
    const r = this.db.prepare("SELECT * FROM list_items WHERE list_id = ? AND id = ?").get(listId, id) as ListItemRow | undefined;
    return r ? toListItem(r) : undefined;
  }

  listItems(listId: string): StoredListItem[] {
    return (this.db.prepare("SELECT * FROM list_items WHERE list_id = ? ORDER BY id").all(listId) as ListItemRow[]).map(toListItem);
  }

  listItemCount(listId: string): number {
    return (this.db.prepare("SELECT COUNT(*) AS n FROM list_items WHERE list_id = ?").get(listId) as { n: number }).n;
  }

  /** Items written, and items deleted, after change `after` up to change `upTo`, in the order they happened. */
  listChanges(listId: string, after: number, upTo: number): (StoredListItem | ListItemTombstone)[] {
    const items = (this.db.prepare("SELECT * FROM list_items WHERE list_id = ? AND seq > ? AND seq <= ?").all(listId, after, upTo) as ListItemRow[]).map(toListItem);
    const gone = this.db.prepare("SELECT list_id AS listId, id, seq FROM list_item_tombstones WHERE list_id = ? AND seq > ? AND seq <= ?").all(listId, after, upTo) as ListItemTombstone[];
    return [...items, ...gone].sort((a, b) => a.seq! - b.seq!);
  }

  deleteListItem(listId: string, id: number): void {
    const { changes } = this.db.prepare("DELETE FROM list_items WHERE list_id = ? AND id = ?").run(listId, id);
    if (changes > 0) this.db.prepare("INSERT INTO list_item_tombstones (list_id, id, seq) VALUES (?, ?, ?)").run(listId, id, this.nextChangeSeq(listId));
  }
}

function toListItem(r: ListItemRow): StoredListItem {
  return { listId: r.list_id, id: r.id, version: r.version, seq: r.seq, data: JSON.parse(r.json) };
}

interface EventRow {
  id: string;
  owner_id: string;
  start_ms: number;
  end_ms: number;
  transaction_id: string | null;
  ical_uid: string;
  delivered_ms: number;
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
  seq: number;
  json: string;
}
