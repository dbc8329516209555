/**
 * The timescales a service sets for itself, where the regulations and statutory guidance leave the
 * number to local procedure (domain.md). The defaults are the common ones; every service can
 * change each (service settings).
 */
export interface LocalTimescales {
  /**
   * An early review (CPPCR (England) Regulations 2010 reg. 33(3): the IRO asks, a placement is
   * ending; reg. 32(2): a significant change to the care plan) is due this many working days after
   * the request or event is recorded. The regulations say "before" the usual time, not how soon.
   */
  readonly earlyReviewWorkingDays: number;
  /**
   * After a pre-birth initial conference, the first review conference is due 3 months after it or
   * this many working days after the birth, whichever is sooner (local procedures, e.g.
   * Liverpool's: 20 working days after the birth).
   */
  readonly preBirthReviewWorkingDays: number;
  /** A transfer-in conference is due this many working days after the notice from the other authority (commonly 15). */
  readonly transferInWorkingDays: number;
  /** When the decisions and the full record of each meeting are due, in working days after it. */
  readonly records: RecordDeadlines;
}

/** Decisions to those present, and the full record (minutes), per kind of meeting. */
export interface RecordDeadlines {
  /** Looked after children's reviews (and the other reviews the IRO chairs). */
  readonly lac: { readonly decisions: number; readonly record: number };
  /** Child protection conferences. */
  readonly cp: { readonly decisions: number; readonly record: number };
}

/**
 * The common defaults (domain.md): LAC decisions within 5 working days and the record within 20;
 * CP decisions within 1 working day and the record within 15.
 */
export const COMMON_LOCAL_TIMESCALES: LocalTimescales = {
  earlyReviewWorkingDays: 10,
  preBirthReviewWorkingDays: 20,
  transferInWorkingDays: 15,
  records: { lac: { decisions: 5, record: 20 }, cp: { decisions: 1, record: 15 } },
};
