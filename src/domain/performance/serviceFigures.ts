import { workingDaysBetween } from "../calendar/workingDaysBetween.js";
import type { IsoDate } from "../calendar/isoDate.js";
import { formatUkDate } from "../calendar/ukDate.js";
import type { CaseRef } from "../caseload/caseRef.js";
import type { ChildCase, HeldReview, ParticipationCode } from "../caseload/childCase.js";
import { PARTICIPATION_CODES } from "../caseload/childCase.js";
import { CASELOAD_BAND, iroLoads, serviceLoad, type CountRule, type IroLoad } from "../caseload/iroLoad.js";
import type { StaffMember } from "../caseload/staffMember.js";
import { DEFAULT_LADDER, type Dispute, type LadderStage } from "../disputes/dispute.js";
import { assessTimescale, icpcAnchorDate, type HeldEvent, type TimescaleOptions } from "../timescales/assessTimescale.js";
import type { TimescaleCase } from "../timescales/timescaleCase.js";
import { childTimescales } from "../caseload/assessChild.js";
import { childrenProfile } from "./childrenProfile.js";
import { disputeResolution } from "./disputeResolution.js";
import { childrenRow, countWords, type Counted, type Figure, type FigureRow } from "./figure.js";
import { lookedAfterOn, onPlanOn } from "./openOn.js";
import type { ReportingPeriod } from "./reportingPeriod.js";
import { recordsSentInTime } from "./recordsSentInTime.js";

export interface FigureInputs {
  readonly children: readonly ChildCase[];
  readonly disputes: readonly Dispute[];
  readonly staff: readonly StaffMember[];
  readonly period: ReportingPeriod;
  readonly options: TimescaleOptions;
  readonly ladder?: readonly LadderStage[];
  readonly countRule?: CountRule;
  /** Documents not sent yet are judged on this day when it is before the period's end (default: the period's end). */
  readonly today?: IsoDate;
}

/** History does not depend on "today"; a day after every record keeps the past-dates check quiet. */
const ANY_DAY = "9999-12-31" as IsoDate;

const PN_WORDS: Readonly<Record<ParticipationCode, string>> = {
  PN0: "PN0 child under 4",
  PN1: "PN1 attended and spoke for self",
  PN2: "PN2 attended, an advocate spoke",
  PN3: "PN3 attended, conveyed views symbolically",
  PN4: "PN4 attended, did not speak",
  PN5: "PN5 did not attend, advocate briefed",
  PN6: "PN6 did not attend, views conveyed another way",
  PN7: "PN7 did not attend or convey views",
};

interface HeldInPeriod {
  readonly child: ChildCase;
  readonly event: HeldEvent;
  readonly record: HeldReview | undefined;
  readonly anchor: IsoDate;
}

/**
 * Every figure of the annual IRO report and the Corporate Parenting Board for a period (domain.md,
 * "Figures a service reports"), each with its definition and the children behind each number.
 * Reviews are counted in the period they were held; a child who left and came back into care in
 * the period has the reviews of both periods of care counted.
 */
export function serviceFigures(inputs: FigureInputs): Figure[] {
  const { period, options } = inputs;
  const inPeriod = (d: IsoDate) => d >= period.from && d <= period.to;
  const lacHeld: HeldInPeriod[] = [];
  const cpHeld: HeldInPeriod[] = [];
  const adoptionHeld: HeldInPeriod[] = [];
  const secureHeld: HeldInPeriod[] = [];
  for (const child of inputs.children) {
    if (child.lac) {
      const periods = [...child.lac.earlierPeriods, { periodStart: child.lac.periodStart, ended: child.lac.ended, shortBreaks: child.lac.shortBreaks, reviews: child.lac.reviews }];
      for (const p of periods) {
        const c: TimescaleCase = { track: p.shortBreaks ? "short-breaks" : "lac", nation: child.nation, periodStart: p.periodStart, reviews: p.reviews.map((r) => r.held), ended: p.ended };
        for (const event of assessTimescale(c, ANY_DAY, options).history) {
          if (inPeriod(event.held)) lacHeld.push({ child, event, record: p.reviews.find((r) => r.held === event.held), anchor: p.periodStart });
        }
      }
    }
    const episodes = childTimescales(child);
    if (child.cp && episodes.cp) {
      const cp = child.cp;
      // The census counts from the day the s.47 enquiry started; where the case does not give it, from the discussion that initiated it.
      const anchor = cp.transferIn ?? cp.s47Start ?? icpcAnchorDate(cp, "s47-strategy-discussion") ?? cp.strategyDiscussions[0]!;
      for (const event of assessTimescale(episodes.cp, ANY_DAY, options).history) if (inPeriod(event.held)) cpHeld.push({ child, event, record: cp.reviews.find((r) => r.held === event.held), anchor });
    }
    for (const track of ["adoption", "secure"] as const) {
      const placement = child[track];
      const c = episodes[track];
      if (!placement || !c) continue;
      for (const event of assessTimescale(c, ANY_DAY, options).history) {
        if (inPeriod(event.held)) (track === "adoption" ? adoptionHeld : secureHeld).push({ child, event, record: placement.reviews.find((r) => r.held === event.held), anchor: placement.placed });
      }
    }
  }
  // Reviews of a child placed for adoption are looked after children's reviews in the SSDA903 return: they count in participation.
  const reviewsOfLookedAfter = [...lacHeld, ...adoptionHeld];
  return [
    onRegister(inputs),
    ...childrenProfile(inputs.children, period),
    reviewTimeliness(lacHeld),
    icpcTimeliness(cpHeld.filter((h) => h.event.event === "icpc" || h.event.event === "pre-birth-conference"), options),
    transferInTimeliness(cpHeld.filter((h) => h.event.event === "transfer-in-conference"), options),
    conferenceTimeliness(cpHeld.filter((h) => h.event.event === "rcpc")),
    placementReviewTimeliness(adoptionHeld, secureHeld),
    participation(reviewsOfLookedAfter),
    seenBeforeReview(reviewsOfLookedAfter),
    ragFigures(inputs.children, period),
    disputeFigures(inputs.disputes, period, inputs.ladder ?? DEFAULT_LADDER),
    disputeResolution(inputs.disputes, inputs.children, period, options, inputs.ladder ?? DEFAULT_LADDER),
    caseloadFigures(inputs),
    lateReasons([...lacHeld, ...adoptionHeld, ...secureHeld], cpHeld),
    recordsSentInTime([...lacHeld, ...adoptionHeld, ...secureHeld], cpHeld, options, inputs.today && inputs.today < period.to ? inputs.today : period.to),
  ];
}

function onRegister({ children, period }: FigureInputs): Figure {
  const lac = children.filter((c) => lookedAfterOn(c, period.to));
  const cp = children.filter((c) => onPlanOn(c, period.to));
  return {
    id: "on-register",
    title: `Children on the register at ${formatUkDate(period.to)}`,
    definition: "Looked after children (short breaks excluded) whose period of care (the current one or an earlier one) had started and not ended by the last day of the period; children on a child protection plan (ICPC held, plan not ended) on that day; and the children who were both.",
    rows: [childrenRow("Looked after", lac), childrenRow("On a child protection plan", cp), childrenRow("Both looked after and on a plan", lac.filter((c) => cp.includes(c)))],
  };
}

function reviewTimeliness(held: readonly HeldInPeriod[]): Figure {
  const group = (label: string, pick: (h: HeldInPeriod) => boolean) => share(label, "reviews", held.filter(pick), (h) => h.event.inTime);
  return {
    id: "lac-reviews-in-timescale",
    title: "Looked after children's reviews held in timescale",
    definition: "Reviews held in the period, and how many were held by their due-by date: the first within 20 working days of the period of care starting, the second within 3 months of the first, later ones within 6 months of the previous (CPPCR Regulations 2010, reg. 33). Each deadline runs from the date the previous review was actually held.",
    rows: [
      group("All reviews in timescale", () => true),
      group("First reviews in timescale", (h) => h.event.number === 1),
      group("Second reviews in timescale", (h) => h.event.number === 2),
      group("Subsequent reviews in timescale", (h) => h.event.number >= 3),
    ],
  };
}

/**
 * ICPCs (pre-birth conferences among them, and on a line of their own) measured as the DfE's
 * children in need census measures them: working days from the s.47 enquiry's actual start
 * (S47ActualStartDate) to the conference (DateOfInitialCPC), within 15 and in its bands; and by the
 * due-by date the service's own anchor gives, which differs when its procedure counts from the last
 * strategy discussion or a case names a discussion before the enquiry started.
 */
function icpcTimeliness(held: readonly HeldInPeriod[], options: TimescaleOptions): Figure {
  const days = new Map(held.map((h) => [h, workingDaysBetween(options.calendarFor(h.child.nation), h.anchor, h.event.held)]));
  const within15 = (h: HeldInPeriod) => days.get(h)! <= 15;
  const band = (label: string, lo: number, hi: number) => share(label, "conferences", held, (h) => days.get(h)! >= lo && days.get(h)! <= hi);
  const preBirth = held.filter((h) => h.event.event === "pre-birth-conference");
  const anchorWords = options.icpcAnchor === "last-strategy-discussion" ? "the last strategy discussion" : "the strategy discussion that initiated the s.47 enquiry";
  return {
    id: "icpc-in-timescale",
    title: "Initial child protection conferences within 15 working days",
    definition:
      "ICPCs held in the period, pre-birth conferences included, counted as the children in need census counts them: working days from the day the s.47 enquiry started (or, where the case does not give it, the strategy discussion at which it was initiated) to the conference, in the census's bands. " +
      `Pre-birth conferences are also shown on their own line. The last line counts them against the due-by date from the service's anchor (${anchorWords}).`,
    rows: [
      share("Within 15 working days", "conferences", held, within15),
      band("0–10 working days", 0, 10),
      band("11–15 working days", 11, 15),
      band("16–20 working days", 16, 20),
      band("21 or more working days", 21, Infinity),
      share("Pre-birth conferences within 15 working days", "conferences", preBirth, within15),
      share(`By the due-by date from ${anchorWords}`, "conferences", held, (h) => h.event.inTime),
    ],
  };
}

/** Transfer-in conferences against the service's own timescale from the other authority's notice (local procedures). */
function transferInTimeliness(held: readonly HeldInPeriod[], options: TimescaleOptions): Figure {
  const n = options.local.transferInWorkingDays;
  return {
    id: "transfer-in-in-timescale",
    title: `Transfer-in conferences within ${n} working days`,
    definition: `Transfer-in conferences held in the period for children who moved into the area on another authority's child protection plan, and how many were held within ${n} working days of the other authority's notice (the service's transferInWorkingDays). They are not ICPCs and are not in the census's ICPC figure.`,
    rows: [share(`Within ${n} working days of the notice`, "conferences", held, (h) => h.event.inTime)],
  };
}

/** Adoption placement reviews (AAR 2005 reg. 36) and secure accommodation reviews (1991 reg. 15) against their own timescales. */
function placementReviewTimeliness(adoption: readonly HeldInPeriod[], secure: readonly HeldInPeriod[]): Figure {
  return {
    id: "placement-reviews-in-timescale",
    title: "Adoption and secure accommodation reviews in timescale",
    definition:
      "Reviews held in the period of children placed for adoption (the first within 4 weeks of the placement, the second within 3 months of the first, later ones within 6 months: Adoption Agencies Regulations 2005, reg. 36) and of children in secure accommodation (the nation's rules: in England within one month of the placement, then every 3 months, Children (Secure Accommodation) Regulations 1991, reg. 15), each deadline from the date the previous review was held.",
    rows: [
      share("Adoption reviews in timescale", "reviews", adoption, (h) => h.event.inTime),
      share("First adoption reviews in timescale", "reviews", adoption.filter((h) => h.event.number === 1), (h) => h.event.inTime),
      share("Secure accommodation reviews in timescale", "reviews", secure, (h) => h.event.inTime),
    ],
  };
}

function conferenceTimeliness(held: readonly HeldInPeriod[]): Figure {
  return {
    id: "rcpc-in-timescale",
    title: "Review child protection conferences in timescale",
    definition: "Review conferences held in the period: the first within 3 months of the ICPC, later ones within 6 months of the previous (Working Together).",
    rows: [share("All review conferences in timescale", "conferences", held, (h) => h.event.inTime), share("First review conferences in timescale", "conferences", held.filter((h) => h.event.number === 1), (h) => h.event.inTime)],
  };
}

function participation(held: readonly HeldInPeriod[]): Figure {
  const coded = held.filter((h) => h.record?.participation);
  const aged4 = coded.filter((h) => h.record!.participation !== "PN0");
  const took = (h: HeldInPeriod) => ["PN1", "PN2", "PN3", "PN4", "PN5", "PN6"].includes(h.record!.participation!);
  return {
    id: "participation",
    title: "How children took part in their reviews",
    definition: "Reviews held in the period by SSDA903 participation code. The participation rate is the share of reviews of children aged 4 or over (PN1–PN7) where the child took part or conveyed their views (PN1–PN6).",
    rows: [
      share("Participation rate", "reviews", aged4, took),
      ...PARTICIPATION_CODES.map((code) => share(PN_WORDS[code], "reviews", coded, (h) => h.record!.participation === code)),
      share("No code recorded", "reviews", held, (h) => !h.record?.participation),
    ],
  };
}

function seenBeforeReview(held: readonly HeldInPeriod[]): Figure {
  const recorded = held.filter((h) => h.record?.seenBeforeReview !== undefined);
  return {
    id: "seen-before-review",
    title: "Children seen by their IRO before the review",
    definition: "Reviews held in the period where the IRO saw or spoke to the child beforehand, of the reviews where this was recorded.",
    rows: [share("Seen before the review", "reviews", recorded, (h) => h.record!.seenBeforeReview === true)],
  };
}

function ragFigures(children: readonly ChildCase[], period: ReportingPeriod): Figure {
  const latest = children
    .map((c) => ({ c, entries: c.rag.filter((r) => r.date <= period.to).sort((a, b) => (a.date < b.date ? -1 : 1)) }))
    .filter((x) => x.entries.length > 0);
  const last = (x: (typeof latest)[number]) => x.entries[x.entries.length - 1]!;
  const prev = (x: (typeof latest)[number]) => x.entries[x.entries.length - 2];
  const score = { red: 0, amber: 1, green: 2 } as const;
  const withPrev = latest.filter((x) => prev(x));
  const total = latest.length;
  return {
    id: "rag",
    title: "RAG ratings of care plans",
    definition: "Each child's latest RAG rating on or before the end of the period (Red: delay seriously affecting the plan; Amber: a specific concern, plan progressing; Green: progressing well), and the change since their rating before that.",
    rows: [
      childrenRow("Red", latest.filter((x) => last(x).rating === "red").map((x) => x.c), total),
      childrenRow("Amber", latest.filter((x) => last(x).rating === "amber").map((x) => x.c), total),
      childrenRow("Green", latest.filter((x) => last(x).rating === "green").map((x) => x.c), total),
      childrenRow("Better than the rating before", withPrev.filter((x) => score[last(x).rating] > score[prev(x)!.rating]).map((x) => x.c), withPrev.length),
      childrenRow("Same as the rating before", withPrev.filter((x) => score[last(x).rating] === score[prev(x)!.rating]).map((x) => x.c), withPrev.length),
      childrenRow("Worse than the rating before", withPrev.filter((x) => score[last(x).rating] < score[prev(x)!.rating]).map((x) => x.c), withPrev.length),
    ],
  };
}

function disputeFigures(disputes: readonly Dispute[], period: ReportingPeriod, ladder: readonly LadderStage[]): Figure {
  const inPeriod = (d: IsoDate) => d >= period.from && d <= period.to;
  const raised = disputes.filter((d) => inPeriod(d.history[0]!.at));
  const resolution = (d: Dispute) => d.history.find((e) => e.action === "resolved");
  const resolved = disputes.filter((d) => resolution(d) && inPeriod(resolution(d)!.at));
  const openAtEnd = disputes.filter((d) => d.history[0]!.at <= period.to && (!resolution(d) || resolution(d)!.at > period.to));
  const count = (label: string, list: readonly Dispute[], of?: number): FigureRow => ({ label, value: list.length, ...(of !== undefined ? { of } : {}), counted: "disputes", children: unique(list.map((d) => d.caseRef)) });
  const themes = [...new Set(raised.map((d) => d.theme))].sort();
  return {
    id: "disputes",
    title: "Disputes (Dispute Resolution Protocol)",
    definition: "Disputes raised in the period, resolved in the period by the stage they were resolved at, open at the end of the period, and raised by theme.",
    rows: [
      count("Raised", raised),
      ...ladder.map((stage, i) => count(`Resolved at stage ${i + 1}: ${stage.name}`, resolved.filter((d) => resolution(d)!.stage === i), resolved.length)),
      count("Open at the end of the period", openAtEnd),
      ...themes.map((t) => count(`Theme: ${t}`, raised.filter((d) => d.theme === t), raised.length)),
    ],
  };
}

function caseloadFigures({ children, staff, countRule, period }: FigureInputs): Figure {
  const line = (label: string, load: IroLoad): FigureRow => ({ label: `${label} (${countWords(load.counted, "children")} at ${load.fte} FTE)`, value: load.perFte ?? 0, counted: "children per FTE", children: load.children });
  return {
    id: "caseload",
    title: `Caseload per IRO FTE, against the guidance of ${CASELOAD_BAND.min}–${CASELOAD_BAND.max}`,
    definition: `Each IRO's looked after children (as IRO) and child protection plans (as chair) open on the last day of the period, per full-time equivalent (FTE) from the service's staff settings, against ${CASELOAD_BAND.min}–${CASELOAD_BAND.max} children per full-time IRO (IRO Handbook 2010); ${countRule === "each-episode" ? "a child on both counts twice" : "a child on both counts once"}. The register holds each child's IRO now, so for a past period the children are those open then, with the IRO they have now.`,
    rows: [
      line("All IROs", serviceLoad(children, staff, period.to, countRule)),
      ...iroLoads(children, staff, period.to, countRule).map((load, i) => line(staff[i]!.name, load)),
    ],
  };
}

function lateReasons(lac: readonly HeldInPeriod[], cp: readonly HeldInPeriod[]): Figure {
  const late = [...lac, ...cp].filter((h) => !h.event.inTime);
  const reasonOf = (h: HeldInPeriod) =>
    h.record?.lateReason ?? h.child.lateReasons.find((r) => r.event === `${h.event.event} ${h.event.number}`)?.reason ?? "No reason recorded";
  const reasons = [...new Set(late.map(reasonOf))].sort();
  return {
    id: "late-reasons",
    title: "Why reviews and conferences were out of timescale",
    definition: "Reviews and conferences held in the period after their due-by date, by the reason recorded.",
    rows: reasons.map((r) => share(r, "reviews and conferences", late, (h) => reasonOf(h) === r)),
  };
}

/** Reviews or conferences held (`items`) and how many of them `yes`: counts events, names the children behind them. */
function share<T extends HeldInPeriod>(label: string, counted: Counted, items: readonly T[], yes: (item: T) => boolean): FigureRow {
  const hits = items.filter(yes);
  return { label, value: hits.length, of: items.length, counted, children: unique(hits.map((h) => h.child.ref)) };
}

function unique(refs: readonly CaseRef[]): CaseRef[] {
  return [...new Set(refs)];
}

