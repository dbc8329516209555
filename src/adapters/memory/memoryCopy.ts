import { isHeldBy } from "../../domain/caseload/childCase.js";
import type { CopyContents, CopyChange, Deletion, Glance, LoadedCopy, LocalCopy } from "../../ports/LocalCopy.js";

/**
 * The LocalCopy port in memory, with the same rules as the device's (whole or nothing, days unused,
 * the owner's entries first and the rest after): for app-layer tests. `rest` holds the rest back
 * until the test lets it go.
 */
export class MemoryCopy implements LocalCopy {
  contents: Partial<CopyContents> & { keepDays: number; usedAt: number } = { keepDays: 14, usedAt: 0 };
  /** Every change saved, in order: tests check what was kept. */
  readonly saved: CopyChange[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly owner: string | null = null,
    private readonly rest: Promise<void> = Promise.resolve(),
  ) {}

  async load(): Promise<LoadedCopy | null> {
    const { me, settings, register, bookings, checkedAt, keepDays, usedAt } = this.contents;
    if (usedAt + keepDays * 86_400_000 < this.now()) {
      await this.forget();
      return null;
    }
    this.contents.usedAt = this.now();
    if (!me || !settings || !register || !bookings || checkedAt === undefined) return null;
    if (this.owner === null) return { me, settings, register, bookings, checkedAt, rest: null };
    const owner = this.owner.toLowerCase();
    const own = (c: (typeof register.cases)[number]) => isHeldBy(c.childCase, owner);
    return { me, settings, register: { ...register, cases: register.cases.filter(own) }, bookings, checkedAt, rest: this.rest.then(() => register.cases.filter((c) => !own(c))) };
  }

  async save(change: CopyChange): Promise<void> {
    this.saved.push(change);
    const { register, ...parts } = change;
    const old = this.contents.register;
    const next = register && (register.full || !old ? { cases: register.cases, unreadable: register.unreadable } : applied(old, register));
    this.contents = { ...this.contents, ...parts, ...(next ? { register: { ...next, deltaLink: register!.deltaLink } } : {}), keepDays: change.keepDays ?? this.contents.keepDays, usedAt: this.now() };
  }

  /** The glance kept, and when (its days run from then). */
  kept: { glance: Glance; keptAt: number; keepDays: number } | null = null;

  glance(): Glance | null {
    if (this.kept && this.kept.keptAt + this.kept.keepDays * 86_400_000 < this.now()) this.kept = null;
    return this.kept?.glance ?? null;
  }

  keepGlance(glance: Glance, keepDays: number): void {
    this.kept = { glance, keptAt: this.now(), keepDays };
  }

  async forget(): Promise<Deletion> {
    this.contents = { keepDays: 14, usedAt: 0 };
    this.kept = null;
    return "deleted";
  }
}

function applied(old: CopyContents["register"], change: NonNullable<CopyChange["register"]>): Pick<CopyContents["register"], "cases" | "unreadable"> {
  const gone = new Set([...change.removed, ...change.cases.map((c) => c.id), ...change.unreadable.map((u) => u.id)]);
  return { cases: [...old.cases.filter((c) => !gone.has(c.id)), ...change.cases], unreadable: [...old.unreadable.filter((u) => !gone.has(u.id)), ...change.unreadable] };
}
