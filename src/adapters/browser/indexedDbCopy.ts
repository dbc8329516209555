import { holdersOf } from "../../domain/caseload/childCase.js";
import type { StoredCase, UnreadableCase } from "../../ports/CaseStore.js";
import type { CopyChange, CopyContents, Deletion, LoadedCopy, LocalCopy } from "../../ports/LocalCopy.js";
import { COPY_PREFIX } from "./copyName.js";
import { readGlance, removeGlance, sweepGlances, writeGlance } from "./localGlance.js";

const DAY_MS = 86_400_000;
/** Cases written per transaction when the whole register is replaced: no long task, even for 50,000 children. */
const CHUNK = 500;
/** The database's layout: 2 keeps each case with the sign-ins it belongs to (an index), so a person's own are read first. */
const VERSION = 2;
/** How long a deletion another window blocks is waited for before saying it is queued (ms). */
const BLOCKED_WAIT_MS = 1_500;

/** A register entry as kept: the case, and whose it is (its IRO's and its CP chair's sign-ins, in lower case). */
interface KeptCase {
  readonly id: string;
  readonly owners: readonly string[];
  readonly stored: StoredCase;
}

const kept = (stored: StoredCase): KeptCase => ({ id: stored.id, owners: holdersOf(stored.childCase), stored });

interface Meta extends Partial<Omit<CopyContents, "register">> {
  /** Null while the register is being replaced: a copy cut off half-written is not used. */
  readonly deltaLink: string | null;
  readonly usedAt: number;
  readonly keepDays: number;
}

/** The databases this device had as the page began to load (lookForCopies), for the first pane's load() to use. */
let listedAtStart: Promise<readonly IDBDatabaseInfo[]> | null = null;

/**
 * Asks the browser for its databases as a page starts, while Office or Teams is still starting,
 * so the first pane's load() knows at once whether this person has a copy (the answer takes
 * tens of milliseconds). Nothing is opened or read: whose copy to read is known only when the
 * host says who is signed in.
 */
export function lookForCopies(): void {
  if (typeof indexedDB !== "undefined" && typeof indexedDB.databases === "function") listedAtStart ??= indexedDB.databases().catch(() => []);
}

/** The databases on this device: the list asked for as the page started, once, else asked now. */
function databases(): Promise<readonly IDBDatabaseInfo[]> {
  const listed = listedAtStart ?? indexedDB.databases();
  listedAtStart = null;
  return listed;
}

/**
 * The local copy in the browser's IndexedDB (per origin: the Outlook, Teams or extension pages'
 * own; per browser profile), one database per person and tenant. A device whose browser refuses
 * IndexedDB (some private windows) simply keeps no copy: panes then read from Microsoft 365 each
 * time. `owner` is the person's sign-in: their own children are read first (an index), the rest
 * of the register after, so a pane shows their children without waiting for the service's
 * thousands to be read from disk; before either, the glance of their children (localGlance.ts) is
 * read at once. `now` is the clock for "days unused".
 */
export function indexedDbCopy(name: string, keepDays: number, owner: string, now: () => number = Date.now): LocalCopy {
  let db: Promise<IDBDatabase> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const open = () => (db ??= openCopy(name).catch((error: unknown) => ((db = undefined), Promise.reject(error))));
  /** Writes one after another, so a change never lands under a replacement begun before it. */
  const serial = <T>(work: () => Promise<T>): Promise<T> => {
    const next = queue.then(work, work);
    queue = next.catch(() => undefined);
    return next;
  };

  const forget = async () => {
    removeGlance(name);
    const open = db;
    db = undefined;
    await open?.then((d) => d.close(), () => undefined);
    return deleteDatabase(name);
  };

  return {
    async load(): Promise<LoadedCopy | null> {
      try {
        // No copy yet (a first open): said without creating the database, which takes tens of
        // milliseconds the pane's first request would wait for. (Firefox before 126 cannot list them.)
        if (typeof indexedDB.databases === "function" && !(await databases()).some((d) => d.name === name)) return null;
        const d = await open();
        const tx = d.transaction(["meta", "cases", "unreadable"], "readonly");
        const cases = tx.objectStore("cases");
        const mine = request<KeptCase[]>(cases.index("owners").getAll(owner.trim().toLowerCase()));
        const [meta, own, unreadable] = await Promise.all([request<Meta | undefined>(tx.objectStore("meta").get("copy")), mine, request<UnreadableCase[]>(tx.objectStore("unreadable").getAll())]);
        if (!meta) return null;
        if (meta.usedAt + meta.keepDays * DAY_MS < now()) {
          await forget();
          return null;
        }
        // Marked as used first, so any change saved after this open lands after it.
        void serial(() => put(d, { ...meta, usedAt: now() }));
        const { me, settings, bookings, checkedAt, deltaLink } = meta;
        if (!me || !settings || !bookings || checkedAt === undefined || deltaLink === null) return null;
        // The rest: every entry that is not one of the person's own, read once the pane has drawn
        // them (its next task: reading a service's thousands takes tens of milliseconds on the
        // page's thread). Entries a write puts here meanwhile are newer than these (PaneData keeps them).
        const ownIds = new Set(own.map((k) => k.id));
        const rest = new Promise<void>((after) => setTimeout(after, 0))
          .then(() => request<KeptCase[]>(d.transaction("cases", "readonly").objectStore("cases").getAll()))
          .then((all) => all.filter((k) => !ownIds.has(k.id)).map((k) => k.stored));
        return { me, settings, bookings, checkedAt, register: { cases: own.map((k) => k.stored), unreadable, deltaLink }, rest };
      } catch {
        return null;
      }
    },

    save(change) {
      return serial(async () => {
        try {
          await write(await open(), change, keepDays, now);
        } catch {
          // Storage full or refused: the copy is a cache, and the panes carry on without it.
        }
      });
    },

    glance: () => readGlance(name, now()),
    keepGlance: (glance, days) => writeGlance(name, glance, days, now()),

    forget: () => serial(forget),
  };
}

async function write(d: IDBDatabase, change: CopyChange, keepDays: number, now: () => number): Promise<void> {
  const old = (await request<Meta | undefined>(d.transaction("meta").objectStore("meta").get("copy"))) ?? { deltaLink: null, usedAt: now(), keepDays };
  const { register, ...parts } = change;
  const meta: Meta = { ...old, ...parts, keepDays: change.keepDays ?? old.keepDays ?? keepDays, usedAt: now() };
  if (!register) return put(d, meta);
  if (!register.full) {
    // A few changes: one transaction, so the copy is never half-changed.
    const tx = d.transaction(["meta", "cases", "unreadable"], "readwrite", { durability: "relaxed" });
    for (const id of register.removed) tx.objectStore("cases").delete(id), tx.objectStore("unreadable").delete(id);
    for (const c of register.cases) tx.objectStore("cases").put(kept(c)), tx.objectStore("unreadable").delete(c.id);
    for (const u of register.unreadable) tx.objectStore("unreadable").put(u), tx.objectStore("cases").delete(u.id);
    tx.objectStore("meta").put({ ...meta, deltaLink: register.deltaLink }, "copy");
    return done(tx);
  }
  // The whole register: marked unfinished, replaced a chunk at a time (each its own task), then finished.
  const start = d.transaction(["meta", "cases", "unreadable"], "readwrite", { durability: "relaxed" });
  start.objectStore("meta").put({ ...meta, deltaLink: null }, "copy");
  start.objectStore("cases").clear();
  start.objectStore("unreadable").clear();
  await done(start);
  for (let i = 0; i < register.cases.length; i += CHUNK) {
    const tx = d.transaction("cases", "readwrite", { durability: "relaxed" });
    for (const c of register.cases.slice(i, i + CHUNK)) tx.objectStore("cases").put(kept(c));
    await done(tx);
  }
  const end = d.transaction(["meta", "unreadable"], "readwrite", { durability: "relaxed" });
  for (const u of register.unreadable) end.objectStore("unreadable").put(u);
  end.objectStore("meta").put({ ...meta, deltaLink: register.deltaLink }, "copy");
  await done(end);
}

function put(d: IDBDatabase, meta: Meta): Promise<void> {
  const tx = d.transaction("meta", "readwrite", { durability: "relaxed" });
  tx.objectStore("meta").put(meta, "copy");
  return done(tx);
}

function openCopy(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name, VERSION);
    open.onupgradeneeded = () => {
      // A copy in an older layout is dropped (it is a cache): the next pane reads the register afresh.
      const d = open.result;
      for (const store of [...d.objectStoreNames]) d.deleteObjectStore(store);
      d.createObjectStore("meta");
      d.createObjectStore("cases", { keyPath: "id" }).createIndex("owners", "owners", { multiEntry: true });
      d.createObjectStore("unreadable", { keyPath: "id" });
    };
    open.onsuccess = () => resolve(closesForOthers(open.result));
    open.onerror = () => reject(open.error);
    open.onblocked = () => reject(new Error("the local copy is being deleted"));
  });
}

/**
 * A database as it is, without creating or upgrading its stores (another person's copy, to see when
 * it was last used). One deleted since it was listed (a sign-out in another window: this open waits
 * behind the deletion) is not made again, empty: an open with no version fires "upgradeneeded" only
 * for a database that does not exist, and aborting that upgrade creates nothing.
 */
function openAsItIs(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open(name);
    open.onupgradeneeded = () => open.transaction?.abort();
    open.onsuccess = () => resolve(closesForOthers(open.result));
    open.onerror = (e) => (e.preventDefault(), reject(open.error));
  });
}

/** A copy's meta (when it was used, how long it is kept), the connection closed after, read or not. */
async function lastUse(d: IDBDatabase): Promise<Meta | undefined> {
  try {
    return await request<Meta | undefined>(d.transaction("meta").objectStore("meta").get("copy"));
  } finally {
    d.close();
  }
}

function request<T>(r: IDBRequest): Promise<T> {
  return new Promise((resolve, reject) => {
    r.onsuccess = () => resolve(r.result as T);
    r.onerror = () => reject(r.error);
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
}

/**
 * Every connection IRO Desk opens closes when another window asks to delete or upgrade the
 * database (the "versionchange" event, MDN IDBDatabase: versionchange event), so a sign-out in
 * another pane deletes the copy at once instead of being blocked by this one. This pane then keeps
 * no copy (its writes fail quietly, as a cache's may) until it is opened again: it does not write
 * back the copy another pane has just deleted.
 */
function closesForOthers(d: IDBDatabase): IDBDatabase {
  d.onversionchange = () => d.close();
  return d;
}

/**
 * Deletes a database: "deleted" only on the request's success event, rejected on its error (MDN,
 * IDBFactory.deleteDatabase()). A connection still open elsewhere after the versionchange event
 * (a window of an older build, a developer tool) fires "blocked" (MDN, IDBOpenDBRequest: blocked
 * event): the request is not refused but waits, and the browser deletes the database once that
 * connection closes. Still blocked after a short wait, it is reported as queued, not as done.
 */
function deleteDatabase(name: string): Promise<Deletion> {
  return new Promise((resolve, reject) => {
    const r = indexedDB.deleteDatabase(name);
    r.onsuccess = () => resolve("deleted");
    r.onerror = () => reject(r.error);
    r.onblocked = () => setTimeout(() => resolve("when-other-windows-close"), BLOCKED_WAIT_MS);
  });
}

/**
 * Deletes every copy (and glance) on this device not used within its days (another person's, say,
 * who has not opened a pane here since), and with `all`, every copy (the extension's sign-out);
 * never `except` (the copy the pane running it uses: it is in use, and may be being written, which
 * a look at its last use would wait behind). Run after a pane's first content, never before it.
 * Browsers without indexedDB.databases() (Firefox before 126) keep other people's copies until
 * they next open a pane themselves.
 */
export async function sweepCopies(now: number, all = false, except?: string): Promise<Deletion> {
  sweepGlances(COPY_PREFIX, now, all);
  if (typeof indexedDB === "undefined" || typeof indexedDB.databases !== "function") return "deleted";
  const names = (await indexedDB.databases()).map((d) => d.name ?? "").filter((n) => n.startsWith(COPY_PREFIX) && n !== except);
  // With `all`, what the caller tells the person: every copy deleted, or some only when other windows close.
  if (all) return (await Promise.all(names.map(deleteDatabase))).find((d) => d !== "deleted") ?? "deleted";
  for (const name of names) {
    try {
      const meta = await lastUse(await openAsItIs(name));
      // A copy still being written (no meta yet) is someone's open pane: left alone.
      if (meta && meta.usedAt + meta.keepDays * DAY_MS < now) await deleteDatabase(name);
    } catch {
      // Being deleted or upgraded by another tab: left for next time.
    }
  }
  return "deleted";
}
