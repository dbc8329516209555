import type { IsoDate } from "../domain/calendar/isoDate.js";
import type { Instant } from "../domain/calendar/londonTime.js";
import type { ChildStatus } from "../domain/caseload/assessChild.js";
import type { NextEvent } from "../domain/timescales/assessTimescale.js";
import type { Booking } from "./Calendar.js";
import type { ItemKind } from "./Host.js";
import type { StoredCase, UnreadableCase } from "./CaseStore.js";
import type { ServiceSettingsItem } from "./SettingsStore.js";

/**
 * What the panes keep on this device for ONE person in ONE tenant, so the next pane opens at once:
 * the register entries they may see (as the panes use them: the case, its version, nothing else
 * the list holds), their tagged bookings in the caseload's window, their name and the service's
 * settings. It is a cache, never the source of truth: every write goes to Microsoft 365 with its
 * ETag, and each open brings the copy up to date (Graph's delta query on the register).
 */
export interface CopyContents {
  readonly me: { readonly address: string; readonly name: string };
  readonly settings: ServiceSettingsItem;
  readonly register: {
    readonly cases: readonly StoredCase[];
    readonly unreadable: readonly UnreadableCase[];
    /** Where Graph's delta query continues from. */
    readonly deltaLink: string;
  };
  readonly bookings: { readonly from: Instant; readonly to: Instant; readonly list: readonly Booking[] };
  /** When it was last brought up to date with Microsoft 365 (ms since 1970). */
  readonly checkedAt: number;
}

/** A change to the copy: any part, or none. */
export interface CopyChange {
  readonly me?: CopyContents["me"];
  readonly settings?: ServiceSettingsItem;
  /** The register's changes since the copy's delta link (removed: item ids), or all of it (`full`). */
  readonly register?: {
    readonly full: boolean;
    readonly cases: readonly StoredCase[];
    readonly unreadable: readonly UnreadableCase[];
    readonly removed: readonly string[];
    readonly deltaLink: string;
  };
  readonly bookings?: CopyContents["bookings"];
  readonly checkedAt?: number;
  /** Deleted after this many days unused (the service's `localCopyDays`). */
  readonly keepDays?: number;
}

/**
 * The copy as a pane opens it: the person's own register entries (their caseload, their child
 * picker) at once, the rest of the register as `rest` (read after them: a service's thousands take
 * longer to read from disk), or null when `register` already holds all of it.
 */
export interface LoadedCopy extends CopyContents {
  readonly rest: Promise<readonly StoredCase[]> | null;
}

/**
 * The person's own children as their child picker last showed them, up to date with Microsoft 365
 * then, with who they are and the service's settings: kept beside the copy where a page reads it at
 * once (synchronously), so the picker is drawn the moment the host says who is signed in, before
 * the copy's register is read. Only what the picker shows; worked out on `day` (statuses change
 * with the day, so another day's glance is not shown).
 */
export interface Glance {
  readonly me: CopyContents["me"];
  readonly settings: ServiceSettingsItem;
  /** The London day the statuses and due-by dates were worked out on. */
  readonly day: IsoDate;
  /** When what it shows was last checked with Microsoft 365 (ms since 1970). */
  readonly checkedAt: number;
  readonly rows: readonly GlanceRow[];
  /** Panes as they were drawn (one per view and kind of item), for the page to show before its code has run (ui/keptPicture.ts). */
  readonly pictures?: readonly KeptPicture[];
}

/**
 * A pane as it was drawn, up to date, with nothing chosen or typed: its HTML as the browser made
 * it from the pane's own components (every value escaped then), and which view it is. The task
 * pane's inline script shows it, inert, the moment Office says who is signed in; the pane's code
 * takes its place once it shows its own data.
 */
export interface KeptPicture {
  readonly view: string;
  /** The kind of item the pane was open on (its heading and actions differ): shown only on the same kind. */
  readonly item: ItemKind;
  readonly html: string;
  /** When it stops being true (ms since 1970): the end of the London day it was worked out on. */
  readonly until: number;
}

/** One child in the picker: its register entry's id, reference, name, status and next event. */
export interface GlanceRow {
  readonly id: string;
  readonly ref: string;
  readonly childName: string;
  readonly status: ChildStatus;
  readonly next: Pick<NextEvent, "event" | "number" | "dueBy"> | null;
}

export interface LocalCopy {
  /** The copy, marked as used now; null when there is none, it is not whole, or it went unused too long (then it is deleted). */
  load(): Promise<LoadedCopy | null>;
  save(change: CopyChange): Promise<void>;
  /** The glance kept with the copy, at once; null when there is none or it went unused too long (then it is deleted). */
  glance(): Glance | null;
  keepGlance(glance: Glance, keepDays: number): void;
  /** Deletes this person's copy from the device (signing out, or the service keeps none), its glance too: what the browser did. */
  forget(): Promise<Deletion>;
}

/**
 * What deleting a copy came to: deleted, or queued because a window still holds the copy open (the
 * browser deletes it as soon as that window lets go: closes the copy or is closed). Rejected when
 * the browser could not delete it.
 */
export type Deletion = "deleted" | "when-other-windows-close";
