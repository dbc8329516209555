import type { Instant } from "../domain/calendar/londonTime.js";
import type { Booking, Calendar } from "../ports/Calendar.js";
import type { CaseChangeFeed, CaseChanges, CasePage, StoredCase, UnreadableCase } from "../ports/CaseStore.js";
import type { IsoDate } from "../domain/calendar/isoDate.js";
import type { Deletion, Glance, GlanceRow, KeptPicture, LoadedCopy, LocalCopy } from "../ports/LocalCopy.js";
import type { ServiceSettingsItem } from "../ports/SettingsStore.js";

export interface Person {
  readonly address: string;
  readonly name: string;
}

/** Where a pane's data comes from in Microsoft 365. Read together, so a batching Graph connection sends them as one request. */
export interface PaneSources {
  /** The register's changes: Graph's delta query on its items. */
  readonly register: CaseChangeFeed;
  readonly calendar: Pick<Calendar, "bookingsBetween">;
  /** The service settings (the templates and the ladder are read by the panes that use them). */
  readonly settings: { read(signal?: AbortSignal): Promise<ServiceSettingsItem> };
  /** Who is signed in: the host says so (Outlook), or Graph's /me answers. */
  readonly me: Person | ((signal?: AbortSignal) => Promise<Person>);
  /** The sign-in the host gives before /me answers (the extension, the previews), for a first open to ask for the person's own entries by. */
  readonly signIn?: string | null;
}

/** The register and the chair's bookings as a pane can show them now. */
export interface RegisterView {
  readonly cases: readonly StoredCase[];
  readonly unreadable: readonly UnreadableCase[];
  /** The chair's tagged bookings in the caseload's window (cancelled ones included, marked). */
  readonly bookings: readonly Booking[];
  /** All of the register; false while a first read is still coming in, page after page, or while only the person's own entries are read from the copy. */
  readonly complete: boolean;
  /** Only the signed-in person's own entries so far, from this device's copy or (a first open, checkedAt null) from Microsoft 365: what their own caseload and child picker show; the rest follow. */
  readonly ownFirst: boolean;
  /** How many entries have arrived (during a first read). */
  readonly read: number;
  /** Brought up to date with Microsoft 365 since this pane opened (false: this device's copy, still being checked). */
  readonly current: boolean;
  /** When what is shown was last checked with Microsoft 365 (ms since 1970). */
  readonly checkedAt: number | null;
  /** Why it could not be brought up to date (what is shown is then this device's copy). */
  readonly problem: unknown;
}

/**
 * A pane's data, as soon as it can be had: this device's copy first (shown before the network
 * answers), then brought up to date with Microsoft 365 in one round trip (the register's delta,
 * the chair's bookings, the settings and, where the host does not say, who is signed in: asked
 * together), then kept in the copy for next time. Before the copy is read, the glance of the
 * person's children (ready at once). Without a copy, the person's own entries (asked for with the
 * settings and bookings), or else the register's first page, are shown while the rest arrive. The
 * copy is a cache, never the source of truth: writes go to Microsoft 365 (with their ETag) through
 * the adapters, and what they return is put here.
 */
export class PaneData {
  private register: Map<string, StoredCase> = new Map();
  private unreadable: Map<string, UnreadableCase> = new Map();
  private bookings: readonly Booking[] = [];
  private deltaLink: string | null = null;
  private shown: RegisterView | null = null;
  /** The register or bookings changed since the last view was made (a view reuses the last one's lists otherwise, so a screen need not work its caseload out again). */
  private dirty = true;
  private readonly listeners = new Set<(view: RegisterView) => void>();
  private readonly settingsListeners = new Set<() => void>();
  private refreshing: Promise<void> | null = null;
  private me_: Person | null = null;
  private forgotten = false;
  private settings_: ServiceSettingsItem | null = null;
  /** The rest of the copy's register (after the person's own): true once in, false when it could not be read (the register is then read whole from Microsoft 365). */
  private rest: Promise<boolean> | null = null;

  /** This device's copy, once read and shown (null: none). */
  private readonly copyRead: Promise<LoadedCopy | null>;
  /** The person's children as their picker last showed them (this device's), until the copy or Microsoft 365 answers. */
  private readonly glance_: Glance | null;
  /** The panes' pictures kept with the glance (the glance's as read, then as last kept). */
  private pictures: readonly KeptPicture[];

  /** Resolves with who is signed in and the service's settings: the glance's or copy's at once when there is one, else Microsoft 365's. */
  readonly ready: Promise<{ me: Person; settings: ServiceSettingsItem }>;

  constructor(
    private readonly sources: PaneSources,
    private readonly copy: LocalCopy | null,
    /** The caseload's bookings window. */
    private readonly window: { readonly from: Instant; readonly to: Instant },
    private readonly now: () => number = Date.now,
  ) {
    this.glance_ = copy?.glance() ?? null;
    this.pictures = this.glance_?.pictures ?? [];
    this.copyRead = this.readCopy();
    const opened = this.open();
    if (!this.glance_) this.ready = opened;
    else {
      // Who and the settings from the glance, so the pane draws it now; the copy is read behind it
      // (a failure to read anything then shows as the view's problem, not here).
      this.me_ = typeof sources.me === "function" ? this.glance_.me : sources.me;
      this.settings_ = this.glance_.settings;
      this.ready = Promise.resolve({ me: this.me_, settings: this.settings_ });
      opened.catch(() => undefined);
    }
  }

  get me(): Person {
    return this.me_!;
  }

  get settings(): ServiceSettingsItem {
    return this.settings_!;
  }

  /** The register as it can be shown now, or null before any of it has arrived. */
  view(): RegisterView | null {
    return this.shown;
  }

  /** This device's glance of the person's children, worked out on `day`; null when there is none for that day. */
  glance(day: IsoDate): Glance | null {
    return this.glance_?.day === day ? this.glance_ : null;
  }

  /**
   * Keeps the person's picker as it is drawn now, up to date, worked out on `day`, for the next pane
   * to open with; with the pane's picture, when it gives one, beside the other views' pictures
   * (each view's and kind of item's latest; none past its day).
   */
  keepGlance(day: IsoDate, rows: readonly GlanceRow[], picture?: KeptPicture): void {
    const view = this.shown;
    const days = this.settings_?.service.localCopyDays ?? 0;
    if (!view?.current || view.checkedAt === null || days === 0 || !this.me_ || !this.settings_) return;
    const others = this.pictures.filter((p) => !picture || p.view !== picture.view || p.item !== picture.item);
    this.pictures = (picture ? [picture, ...others] : others).filter((p) => p.until > this.now());
    this.keep()?.keepGlance({ me: this.me_, settings: this.settings_, day, checkedAt: view.checkedAt, rows, pictures: this.pictures }, days);
  }

  /** Calls back with each new view of the register (the copy, pages as they come, up to date); returns the unsubscribe. */
  subscribe(listener: (view: RegisterView) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Calls back when Microsoft 365's settings or name differ from the copy's. */
  onSettings(listener: () => void): () => void {
    this.settingsListeners.add(listener);
    return () => this.settingsListeners.delete(listener);
  }

  /** Brings the register, bookings and settings up to date: one round trip with a delta link. Joins one already under way. */
  refresh(): Promise<void> {
    // After the copy is read: its delta link is where the changes start (a pane drawn from the glance may ask sooner).
    this.refreshing ??= this.copyRead.then(() => this.bringUpToDate()).finally(() => (this.refreshing = null));
    return this.refreshing;
  }

  /** The register brought up to date now (for a screen that must not work on an old copy: figures, import). */
  async current(): Promise<RegisterView> {
    await this.refresh();
    const view = this.shown;
    if (!view?.current) throw view?.problem ?? new Error("The case register could not be read.");
    return view;
  }

  /**
   * A case as Microsoft 365 returned it from a write: kept at once (the copy, and the next view),
   * but not shown until the pane asks (reload): a pane in the middle of its own flow (a record
   * just saved, a booking just made) is not drawn again under the person's feet.
   */
  putCase(stored: StoredCase): void {
    this.register.set(stored.id, stored);
    this.unreadable.delete(stored.id);
    this.dirty = true;
    if (this.deltaLink) void this.keep()?.save({ register: { full: false, cases: [stored], unreadable: [], removed: [], deltaLink: this.deltaLink } });
  }

  /** A booking as Microsoft 365 returned it (made, moved or cancelled), or its id when it is gone: kept at once, shown when the pane asks. */
  putBooking(booking: Booking | { readonly id: string; readonly gone: true }): void {
    const others = this.bookings.filter((b) => b.id !== booking.id);
    const within = "start" in booking && booking.start < this.window.to && booking.end > this.window.from && booking.caseRef !== null;
    this.bookings = within ? [...others, booking as Booking] : others;
    this.dirty = true;
    void this.keep()?.save({ bookings: { ...this.window, list: this.bookings } });
  }

  /** Deletes this device's copy (signing out); nothing more is kept in it from this pane. Says what the browser did (none kept: nothing to delete). */
  async forget(): Promise<Deletion> {
    this.forgotten = true;
    return (await this.copy?.forget()) ?? "deleted";
  }

  /** The copy to write to: none once signed out. */
  private keep(): LocalCopy | null {
    return this.forgotten ? null : this.copy;
  }

  /** This device's copy, read and shown (null: there is none to show). */
  private async readCopy(): Promise<LoadedCopy | null> {
    const copied = (await this.copy?.load().catch(() => null)) ?? null;
    if (copied) this.fromCopy(copied);
    return copied;
  }

  private async open(): Promise<{ me: Person; settings: ServiceSettingsItem }> {
    const copied = await this.copyRead;
    if (copied) {
      // Brought up to date behind what is shown; a failure is shown beside the copy.
      void this.refresh();
      return { me: this.me_!, settings: this.settings_! };
    }
    const refreshed = this.refresh();
    // Without a copy the pane waits for its settings and name only: the register follows, page by page.
    await Promise.race([this.identified(), refreshed]);
    if (!this.me_ || !this.settings_) await refreshed;
    if (!this.me_ || !this.settings_) throw this.shown?.problem ?? new Error("Microsoft 365 did not answer.");
    return { me: this.me_, settings: this.settings_ };
  }

  private fromCopy(copied: LoadedCopy): void {
    const me = typeof this.sources.me === "function" ? copied.me : this.sources.me;
    // Drawn from the glance already: the pane hears of it if the copy says otherwise.
    if (this.glance_) this.identify(me, copied.settings);
    else (this.me_ = me), (this.settings_ = copied.settings);
    this.register = new Map(copied.register.cases.map((c) => [c.id, c]));
    this.unreadable = new Map(copied.register.unreadable.map((u) => [u.id, u]));
    this.deltaLink = copied.register.deltaLink;
    // Bookings read for another window (another day) are not this window's: the refresh reads them.
    const sameWindow = copied.bookings.from === this.window.from && copied.bookings.to === this.window.to;
    this.bookings = sameWindow ? copied.bookings.list : copied.bookings.list.filter((b) => b.start < this.window.to && b.end > this.window.from);
    this.dirty = true;
    this.show({ complete: copied.rest === null, ownFirst: copied.rest !== null, current: false, checkedAt: copied.checkedAt, problem: null });
    this.rest =
      copied.rest?.then(
        (others) => {
          // Entries a write has put here meanwhile are newer than the copy's.
          for (const c of others) if (!this.register.has(c.id) && !this.unreadable.has(c.id)) this.register.set(c.id, c);
          this.dirty = true;
          this.show({ complete: true, ownFirst: false });
          return true;
        },
        () => false,
      ) ?? null;
  }

  private waitingForIdentity: (() => void) | null = null;
  private identified(): Promise<void> {
    return new Promise((resolve) => (this.waitingForIdentity = resolve));
  }

  private async bringUpToDate(): Promise<void> {
    const { sources, window } = this;
    const link = this.deltaLink;
    // With nothing better to show (no copy): the person's own entries, where the host says who is
    // signing in, are asked for with the settings and bookings and shown as soon as they and the
    // bookings are in (their caseload whole); the register is read after them (its first page would
    // make that first answer twice as long), and its first page is shown instead where they cannot be
    // had. Later pages only count up until the register is whole (so a screen works its caseload out
    // twice, not once a page).
    let firstPage: CasePage | null = null;
    let held: CasePage | null = null;
    let read = 0;
    let bookingsIn = false;
    const showFirst = () => {
      // (Never over the whole register, once it is shown.)
      if (link !== null || !bookingsIn || this.shown?.complete) return;
      if (held) this.showFirstPage(held, read, true);
      else if (firstPage) this.showFirstPage(firstPage, read, false);
    };
    const onPage = (page: CasePage, first: boolean) => {
      if (first) (firstPage = page), (read = 0);
      read += page.cases.length + page.unreadable.length;
      if (link !== null || !bookingsIn) return;
      if (first && !held) showFirst();
      else this.show({ read });
    };
    // Started in the same turn: a batching connection sends them to Graph as one request.
    const me = typeof sources.me === "function" ? sources.me() : Promise.resolve(sources.me);
    const settings = sources.settings.read();
    const who = typeof sources.me === "function" ? sources.signIn : sources.me.address;
    // A failure, or nobody's (a sign-in that is not the address the register holds), is no failure: the first page is shown.
    const heldRead = link === null && who ? sources.register.heldBy(who).then((page) => void (page.cases.length + page.unreadable.length > 0 && ((held = page), showFirst())), () => undefined) : Promise.resolve();
    const changes = heldRead.then(() => sources.register.changes(link, undefined, onPage));
    const bookings = sources.calendar.bookingsBetween(window.from, window.to).then((list) => {
      bookingsIn = true;
      if (JSON.stringify(list) !== JSON.stringify(this.bookings)) (this.bookings = list), (this.dirty = true);
      showFirst();
      return list;
    });
    const [meRead, settingsRead, changesFromLink, bookingsRead] = await Promise.allSettled([
      me.then((m) => this.identify(m, undefined)),
      settings.then((s) => this.identify(undefined, s)),
      changes,
      bookings,
    ]);
    // The copy's own entries came first: the changes are laid over the whole copy, once the rest is
    // in; a rest that could not be read from the device means the register is read whole instead.
    const restRead = this.rest === null || (await this.rest);
    this.rest = null;
    const [changesRead] = restRead ? [changesFromLink] : await Promise.allSettled([sources.register.changes(null)]);
    const problem = [meRead, settingsRead, changesRead, bookingsRead].find((r) => r.status === "rejected")?.reason;
    if (changesRead.status === "fulfilled") this.apply(changesRead.value);
    const checkedAt = this.now();
    if (problem !== undefined) {
      this.show({ complete: changesRead.status === "fulfilled" || this.shown?.complete === true, current: false, problem });
      this.waitingForIdentity?.();
      return;
    }
    this.show({ complete: true, ownFirst: false, current: true, checkedAt, problem: null });
    const c = changesRead.status === "fulfilled" ? changesRead.value : null;
    // A service that keeps no copies on devices (localCopyDays 0): any there is goes.
    if (this.settings_!.service.localCopyDays === 0) return void this.keep()?.forget();
    void this.keep()?.save({
      me: this.me_!,
      settings: this.settings_!,
      register: c ? { full: c.full, cases: c.cases, unreadable: c.unreadable, removed: c.removed, deltaLink: c.deltaLink } : undefined,
      bookings: { ...window, list: bookingsRead.status === "fulfilled" ? bookingsRead.value : this.bookings },
      checkedAt,
      keepDays: this.settings_!.service.localCopyDays,
    });
  }

  /** Who is signed in and the settings, as Microsoft 365 says: tells the pane when they differ from the copy's. */
  private identify(me: Person | undefined, settings: ServiceSettingsItem | undefined): void {
    const changed = (me !== undefined && this.me_ !== null && (me.address !== this.me_.address || me.name !== this.me_.name)) || (settings !== undefined && this.settings_ !== null && settings.version !== this.settings_.version);
    if (me) this.me_ = me;
    if (settings) this.settings_ = settings;
    if (this.me_ && this.settings_) this.waitingForIdentity?.();
    if (changed) for (const listener of this.settingsListeners) listener();
  }

  private apply(changes: CaseChanges): void {
    this.dirty ||= changes.full || changes.cases.length + changes.unreadable.length + changes.removed.length > 0;
    if (changes.full) {
      this.register = new Map(changes.cases.map((c) => [c.id, c]));
      this.unreadable = new Map(changes.unreadable.map((u) => [u.id, u]));
    } else {
      for (const id of changes.removed) this.register.delete(id), this.unreadable.delete(id);
      for (const c of changes.cases) this.register.set(c.id, c), this.unreadable.delete(c.id);
      for (const u of changes.unreadable) this.unreadable.set(u.id, u), this.register.delete(u.id);
    }
    this.deltaLink = changes.deltaLink;
  }

  /** A first open's first view: the register's first page, or (`own`) the person's own entries. */
  private showFirstPage(page: CasePage, read: number, own: boolean): void {
    this.register = new Map(page.cases.map((c) => [c.id, c]));
    this.unreadable = new Map(page.unreadable.map((u) => [u.id, u]));
    this.dirty = true;
    this.show({ complete: false, ownFirst: own, current: false, read });
  }

  private show(change: Partial<Omit<RegisterView, "cases" | "unreadable" | "bookings">>): void {
    const before = this.shown;
    const same = before !== null && !this.dirty;
    this.dirty = false;
    this.shown = {
      cases: same ? before.cases : [...this.register.values()],
      unreadable: same ? before.unreadable : [...this.unreadable.values()],
      bookings: same ? before.bookings : this.bookings,
      complete: change.complete ?? before?.complete ?? false,
      ownFirst: change.ownFirst ?? before?.ownFirst ?? false,
      read: change.read ?? this.register.size + this.unreadable.size,
      current: change.current ?? before?.current ?? false,
      checkedAt: change.checkedAt ?? before?.checkedAt ?? null,
      problem: "problem" in change ? change.problem : (before?.problem ?? null),
    };
    for (const listener of this.listeners) listener(this.shown);
  }
}
