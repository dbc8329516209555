import { toRegisterFields } from "../../adapters/graph/caseRegisterFields.js";
import { CASE_REF_PROPERTY, EVENT_KIND_PROPERTY } from "../../adapters/graph/extendedProperties.js";
import { toDisputeFields } from "../../adapters/graph/disputeFields.js";
import { GraphSettingsStore } from "../../adapters/graph/graphSettingsStore.js";
import { GraphSiteAdmin } from "../../adapters/graph/graphSiteAdmin.js";
import { iroDeskLists } from "../../adapters/graph/listDefinitions.js";
import { provisionSite } from "../../app/provisionSite.js";
import type { ServiceSettings } from "../../app/serviceSettings.js";
import { DEFAULT_LADDER, escalate, raiseDispute, type LadderStage } from "../../domain/disputes/dispute.js";
import { addCalendarMonths } from "../../domain/calendar/addCalendarMonths.js";
import { addWorkingDays } from "../../domain/calendar/addWorkingDays.js";
import { addDays, isoWeekday, toDayNumber, type IsoDate } from "../../domain/calendar/isoDate.js";
import { formatClock, londonTimeToInstant } from "../../domain/calendar/londonTime.js";
import { isWorkingDay, workingCalendar, workingDays } from "../../domain/calendar/workingCalendar.js";
import type { CaseRef } from "../../domain/caseload/caseRef.js";
import type { CaseContact, ChildCase, HeldReview, ParticipationCode, RagEntry, RagRating } from "../../domain/caseload/childCase.js";
import { assessTimescale } from "../../domain/timescales/assessTimescale.js";
import { EVENT_NAMES } from "../../domain/timescales/ruleSets.js";
import { ragEntry } from "../../domain/rag/ragEntry.js";
import type { TimescaleCase } from "../../domain/timescales/timescaleCase.js";
import { timescaleOptions } from "../../app/timescaleOptions.js";
import { DEFAULT_SETTINGS } from "../../app/serviceSettings.js";
import type { MinutesSent } from "../../domain/records/meetingRecords.js";
import { dispatch } from "../graph/router.js";
import type { Role, SandboxUser, Store } from "../store.js";
import { CASE_REGISTER_LIST, DEMO_DOMAIN, DEMO_SITE, DISPUTES_LIST, SETTINGS_LIST } from "./demoTenant.js";
import { inProcessGraph } from "../inProcessGraph.js";
import { builtInColumns } from "../graph/sites.js";
import { FIRST_NAMES, SURNAMES } from "./names.js";
import { Random } from "./random.js";
import { withDemoTracks } from "./demoTracks.js";


const england = workingCalendar("england");
/** Every demo child is in England; the service's default settings. */
const options = timescaleOptions(DEFAULT_SETTINGS);
const FULL_WEEK = ["monday", "tuesday", "wednesday", "thursday", "friday"];

/** The IROs and CP chairs of the demo service: some part-time, four also chairing CP conferences. */
const IROS: readonly { name: string; fte: number; cpChair: boolean }[] = [
  { name: "Sam Okafor", fte: 1, cpChair: false },
  { name: "Rachel Greenwood", fte: 1, cpChair: false },
  { name: "Tom Whitfield", fte: 0.8, cpChair: false },
  { name: "Nadia Hussain", fte: 1, cpChair: true },
  { name: "Claire Dunmore", fte: 0.6, cpChair: false },
  { name: "Marcus Bell", fte: 1, cpChair: true },
  { name: "Helen Achebe", fte: 1, cpChair: true },
  { name: "Owen Pritchard", fte: 0.5, cpChair: true },
];

/**
 * Builds the demo service around `today`: staff and partners, about 360 looked after children
 * and 200 on child protection plans with review histories (some late, some overdue now), RAG
 * histories, a few open disputes, and calendars with a working week already partly booked.
 * Deterministic: the same `today` gives the same service. Its SharePoint site is set up by the same
 * provisioning a council runs (`iro-desk provision`), through the Graph adapter, as its manager.
 */
export async function seedDemo(store: Store, today: IsoDate): Promise<void> {
  const random = new Random(20_260_105);
  const users = store.transaction(() => seedUsers(store, random));
  await provisionDemoSite(store, users, today);
  store.transaction(() => seedService(store, random, users, today));
}

async function provisionDemoSite(store: Store, users: readonly SandboxUser[], today: IsoDate): Promise<void> {
  const created = new Date(londonTimeToInstant(addDays(today, -400), 9 * 60)).toISOString();
  store.putSite({ id: DEMO_SITE, name: "iro-service", displayName: "Westmere IRO service", webUrl: "https://westmere.sharepoint.example/sites/iro-service", root: true, createdDateTime: created });
  // Every SharePoint site starts with its document library; provisioning must leave it alone.
  store.putList({ id: "b4a1c7e0-2f3d-4e5a-9b6c-7d8e9f0a1b2c", siteId: DEMO_SITE, name: "Shared Documents", displayName: "Documents", template: "documentLibrary", createdDateTime: created, columns: builtInColumns() });
  const manager = users.find((u) => u.roles.includes("manager"))!;
  const graph = inProcessGraph(store, manager);
  const settings = new GraphSettingsStore(graph, { site: DEMO_SITE, list: SETTINGS_LIST });
  const report = await provisionSite(
    { admin: new GraphSiteAdmin(graph, DEMO_SITE), settings },
    iroDeskLists({ register: CASE_REGISTER_LIST, disputes: DISPUTES_LIST, settings: SETTINGS_LIST }),
    demoServiceSettings(users),
  );
  const problems = report.lists.flatMap((l) => l.problems);
  if (problems.length > 0) throw new Error(`demo seed: provisioning the demo site: ${problems.join("; ")}`);
  // The demo council names who its later ladder stages write to, as a manager would in the managers' view.
  await settings.save({ ladder: demoLadder(users) }, (await settings.read()).version);
}

/**
 * A demo service kept from an older build: its site gets what this build's lists have and it lacks
 * (new register columns), by the same provisioning a council runs after an upgrade. Nothing else
 * changes; the service's settings item is kept.
 */
export async function upgradeDemoSite(store: Store): Promise<void> {
  const manager = store.users().find((u) => u.roles.includes("manager"));
  if (!manager || !store.list(CASE_REGISTER_LIST, DEMO_SITE)) return;
  const graph = inProcessGraph(store, manager);
  const report = await provisionSite(
    { admin: new GraphSiteAdmin(graph, DEMO_SITE), settings: new GraphSettingsStore(graph, { site: DEMO_SITE, list: SETTINGS_LIST }) },
    iroDeskLists({ register: CASE_REGISTER_LIST, disputes: DISPUTES_LIST, settings: SETTINGS_LIST }),
    null,
  );
  const problems = report.lists.flatMap((l) => l.problems);
  if (problems.length > 0) throw new Error(`the demo site from an older build cannot be brought up to date (${problems.join("; ")}): start with --reset`);
}

/** The demo service's own settings: its IROs and CP chairs with their hours, its managers, its feedback questionnaire. */
function demoServiceSettings(users: readonly SandboxUser[]): ServiceSettings {
  return {
    ...DEFAULT_SETTINGS,
    feedbackUrl: "https://feedback.westmere.example/iro",
    staff: users.filter((u) => u.fte !== undefined).map((u) => ({ upn: u.userPrincipalName, name: u.displayName, fte: u.fte!, cpChair: u.roles.includes("cp-chair") })),
    managers: users.filter((u) => u.roles.includes("manager")).map((u) => u.userPrincipalName),
  };
}

function seedService(store: Store, random: Random, users: readonly SandboxUser[], today: IsoDate): void {
  const iros = users.filter((u) => u.roles.includes("iro"));
  const chairs = users.filter((u) => u.roles.includes("cp-chair"));
  const teamManagers = users.filter((u) => u.roles.includes("team-manager"));
  const socialWorkers = users.filter((u) => u.roles.includes("social-worker"));

  const children: ChildCase[] = [];
  const usedRefs = new Set<number>();
  const newRef = (): CaseRef => {
    let n: number;
    do n = random.int(100_000, 199_999);
    while (usedRefs.has(n));
    usedRefs.add(n);
    return String(n) as CaseRef;
  };
  // IROs carry looked after children in proportion to their hours; CP chairs also take the CP plans.
  const iroByLoad = iros.flatMap((u) => Array.from({ length: Math.round((u.fte ?? 1) * (u.roles.includes("cp-chair") ? 3 : 10)) }, () => u));
  for (let i = 0; i < 548; i++) {
    const hasLac = i < 360;
    const hasCp = i >= 348; // twelve children both looked after and on a plan
    const socialWorker = random.pick(socialWorkers);
    const teamManager = teamManagers[socialWorkers.indexOf(socialWorker) % teamManagers.length]!;
    const ageYears = random.weighted([[0, 6], [2, 8], [5, 12], [9, 14], [13, 20], [15, 16], [17, 6]] as const) + random.int(0, 1);
    const dateOfBirth = addDays(today, -(ageYears * 365 + random.int(0, 364)));
    const lac = hasLac ? lacEpisode(random, today, dateOfBirth) : null;
    const cp = hasCp ? cpEpisode(random, today, dateOfBirth, random.pick(chairs).userPrincipalName) : null;
    const rag = ragHistory(random, [...(lac?.reviews ?? []), ...(cp?.reviews ?? [])]);
    children.push({
      ref: newRef(),
      childName: `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`,
      dateOfBirth,
      nation: "england",
      iro: hasLac ? random.pick(iroByLoad).userPrincipalName : cp!.chair,
      socialWorker: socialWorker.userPrincipalName,
      teamManager: teamManager.userPrincipalName,
      lac,
      cp,
      contacts: contacts(random, hasLac),
      rag,
      lateReasons: [],
    });
  }
  const now = new Date(londonTimeToInstant(today, 9 * 60)).toISOString();
  const register = store.list(CASE_REGISTER_LIST, DEMO_SITE)!;
  children.splice(0, children.length, ...withDemoTracks(children, today, (track, held) => demoMinutes(track, held, today)));
  for (const child of children) {
    const id = store.nextListItemId(register.id);
    store.putListItem({ listId: register.id, id, version: 1, data: { createdDateTime: now, lastModifiedDateTime: now, createdBy: `priya.shah@${DEMO_DOMAIN}`, fields: toRegisterFields(child) } });
  }
  seedDisputes(store, children, today, now);
  seedInbox(store, users, children);
  seedCalendars(store, random, users, today);
  seedBookings(store, random, users, children, today);
  seedTodaysReview(store, users, children, today);
  store.setMeta("seeded", today);
}

/** The default ladder with the demo council's senior managers and Cafcass office named for the stages the case does not hold. */
function demoLadder(users: readonly SandboxUser[]): LadderStage[] {
  const named = (title: string) => {
    const u = users.find((x) => x.jobTitle === title)!;
    return { address: u.userPrincipalName, name: u.displayName };
  };
  const to = [undefined, undefined, named("Head of Service, Children in Care"), named("Assistant Director, Children's Social Care"), named("Director of Children's Services"), { address: "westmere.fpl@cafcass.example", name: "Cafcass, Westmere team" }];
  return DEFAULT_LADDER.map((stage, i) => (to[i] ? { ...stage, letterTo: to[i] } : stage));
}

function seedUsers(store: Store, random: Random): SandboxUser[] {
  const users: SandboxUser[] = [];
  const add = (name: string, roles: Role[], jobTitle: string, extra: Partial<SandboxUser> = {}) => {
    const [givenName, ...rest] = name.split(" ");
    const surname = rest.join(" ");
    const upn = `${givenName!.toLowerCase()}.${surname.toLowerCase().replace(/[^a-z]/g, "")}@${extra.mailbox === false ? "partners.example" : DEMO_DOMAIN}`;
    const user: SandboxUser = {
      id: `${String(users.length + 1).padStart(8, "0")}-0000-4000-8000-${String(users.length + 1).padStart(12, "0")}`,
      userPrincipalName: upn,
      displayName: name,
      givenName: givenName!,
      surname,
      jobTitle,
      department: "Children's Services",
      roles,
      mailbox: true,
      workingHours: { daysOfWeek: FULL_WEEK, startTime: "09:00", endTime: "17:00" },
      ...extra,
    };
    users.push(user);
    store.putUser(user);
  };
  add("Priya Shah", ["manager"], "IRO Service Manager");
  add("Daniel Hughes", ["manager"], "Head of Safeguarding and Quality Assurance");
  for (const iro of IROS) {
    const days = FULL_WEEK.slice(0, Math.max(1, Math.round(iro.fte * 5)));
    add(iro.name, iro.cpChair ? ["iro", "cp-chair"] : ["iro"], iro.cpChair ? "Independent Reviewing Officer and CP Chair" : "Independent Reviewing Officer", {
      fte: iro.fte,
      workingHours: { daysOfWeek: days, startTime: "09:00", endTime: "17:00" },
    });
  }
  const used = new Set(users.map((u) => u.displayName));
  const fresh = () => {
    let name: string;
    do name = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
    while (used.has(name));
    used.add(name);
    return name;
  };
  for (let i = 0; i < 6; i++) add(fresh(), ["team-manager"], "Team Manager, Children in Care");
  for (let i = 0; i < 30; i++) add(fresh(), ["social-worker"], "Social Worker");
  // Seeded after everyone picked at random, so the rest of the demo service is as it was.
  add("Ruth Adeyemi", ["senior-manager"], "Head of Service, Children in Care");
  add("Martin Cole", ["senior-manager"], "Assistant Director, Children's Social Care");
  add("Helen Frost", ["senior-manager"], "Director of Children's Services");
  add("Jo Marsh", ["partner"], "Designated Teacher, Westmere Academy", { mailbox: false, department: "Westmere Academy" });
  add("Dr Ade Bankole", ["partner"], "Designated Doctor for Looked After Children", { mailbox: false, department: "Westmere NHS Trust" });
  add("Kim Li", ["partner"], "Advocate, Voice for Children", { mailbox: false, department: "Voice for Children" });
  add("Sgt Lauren Price", ["partner"], "Public Protection Unit", { mailbox: false, department: "Westmere Police" });
  return users;
}

function lacEpisode(random: Random, today: IsoDate, dateOfBirth: IsoDate): NonNullable<ChildCase["lac"]> {
  // Some children came into care in the last few weeks: their first review is the next thing due.
  const recent = random.chance(0.08);
  const earliest = dateOfBirth > addDays(today, -2900) ? dateOfBirth : addDays(today, -2900);
  const span = Math.max(1, toDayNumber(today) - toDayNumber(earliest));
  const periodStart = recent ? addDays(today, -random.int(1, 30)) : addDays(earliest, random.int(0, Math.max(0, span - 40)));
  const legalStatus = random.weighted([["C2", 60], ["V2", 18], ["E1", 8], ["J2", 3], ["D1", 6], ["C1", 5]] as const);
  const reviews = heldReviews(random, { track: "lac", nation: "england", periodStart, reviews: [] }, today, dateOfBirth);
  return { periodStart, legalStatus, shortBreaks: false, reviews, ended: null, earlierPeriods: [] };
}

function cpEpisode(random: Random, today: IsoDate, dateOfBirth: IsoDate, chair: string): NonNullable<ChildCase["cp"]> {
  const awaiting = random.chance(0.08);
  const discussion = awaiting ? addDays(today, -random.int(1, 18)) : addDays(today, -random.int(20, 700));
  const strategyDiscussions = random.chance(0.2) ? [addDays(discussion, -random.int(2, 9)), discussion] : [discussion];
  if (awaiting) return { chair, strategyDiscussions, icpc: null, category: category(random), reviews: [], ended: null };
  // Working Together 2023: the ICPC runs from the strategy discussion that started the s.47 enquiry, the first.
  const due = addWorkingDays(england, strategyDiscussions[0]!, workingDays(15));
  const icpc = random.chance(0.82) ? addDays(due, -random.int(0, 8)) : addWorkingDays(england, due, workingDays(random.int(1, 8)));
  const held = heldReviews(random, { track: "cp", nation: "england", strategyDiscussions, icpc: null, reviews: [] }, today, dateOfBirth, icpc);
  return { chair, strategyDiscussions, icpc, icpcMinutes: demoMinutes("cp", icpc, today), category: category(random), reviews: held, ended: null };
}

function category(random: Random): string {
  return random.weighted([["Neglect", 50], ["Emotional abuse", 36], ["Physical abuse", 8], ["Sexual abuse", 4], ["Multiple", 2]] as const);
}

/**
 * Reviews as a real service holds them: most a little before they are due, some late, and for a
 * few children the latest one not yet held (overdue today).
 */
function heldReviews(random: Random, start: TimescaleCase, today: IsoDate, dateOfBirth: IsoDate, icpc?: IsoDate): HeldReview[] {
  const reviews: HeldReview[] = [];
  const skipLast = random.chance(0.05);
  for (let n = 0; n < 40; n++) {
    const dates = reviews.map((r) => r.held);
    const c: TimescaleCase = start.track === "cp" ? { ...start, icpc: icpc!, reviews: dates } : { ...start, reviews: dates };
    const next = assessTimescale(c, today, options).next;
    if (!next) break;
    const late = random.chance(0.08);
    let held = late ? addDays(next.dueBy, random.int(1, 25)) : addDays(next.dueBy, -random.int(0, 20));
    while (!isWorkingDay(england, held)) held = addDays(held, -1);
    if (held >= today || (skipLast && addCalendarMonths(held, 3) >= today)) break;
    const under4 = addCalendarMonths(dateOfBirth, 48) > held;
    const participation: ParticipationCode = under4 ? "PN0" : random.weighted([["PN1", 45], ["PN2", 8], ["PN3", 6], ["PN4", 5], ["PN5", 10], ["PN6", 18], ["PN7", 8]] as const);
    reviews.push({
      held,
      participation,
      seenBeforeReview: random.chance(0.86),
      ...demoMinutes(start.track === "cp" ? "cp" : "lac", held, today),
      ...(late ? { lateReason: random.pick(["Social worker unavailable", "Family requested a later date", "Chair unavailable", "Reports not ready", "Placement move"]) } : {}),
    });
  }
  return reviews;
}

/**
 * When a meeting's decisions and record went out, as services manage it: mostly in time, some late,
 * the latest ones not yet. Drawn from the meeting's own date, so the rest of the demo is unchanged.
 */
function demoMinutes(track: "lac" | "cp", held: IsoDate, today: IsoDate): MinutesSent {
  const random = new Random(toDayNumber(held) * 31 + (track === "cp" ? 7 : 3));
  const deadlines = DEFAULT_SETTINGS.recordDeadlines[track];
  const sent = (deadline: number) => {
    const day = addWorkingDays(england, held, workingDays(random.chance(0.85) ? random.int(0, deadline) : deadline + random.int(1, 10)));
    return day <= today ? day : undefined;
  };
  const decisionsSent = sent(deadlines.decisions);
  const recordSent = sent(deadlines.record);
  return { ...(decisionsSent ? { decisionsSent } : {}), ...(recordSent ? { recordSent } : {}) };
}

function ragHistory(random: Random, reviews: readonly HeldReview[]): RagEntry[] {
  const reasons: Record<RagRating, readonly string[]> = {
    green: ["The plan is progressing well.", "Actions from the last review are complete."],
    amber: ["Education plan (PEP) is overdue.", "Health assessment is overdue.", "Contact arrangements are unclear.", "Life story work has not started."],
    red: ["Permanence plan has drifted for over six months.", "Placement stability at risk with no plan.", "Care plan actions not progressed since the last review."],
  };
  let rating: RagRating = "green";
  return [...reviews]
    .sort((a, b) => (a.held < b.held ? -1 : 1))
    .map((r) => {
      rating = random.weighted(rating === "red" ? [["red", 4], ["amber", 4], ["green", 2]] : rating === "amber" ? [["amber", 4], ["green", 5], ["red", 1]] : [["green", 8], ["amber", 2], ["red", 0.4]]);
      const reason = random.pick(reasons[rating]);
      // Red and Amber carry an agreed action with a response date, as the IRO records them.
      return ragEntry(england, r.held, rating, reason, rating === "green" ? [] : [{ action: `Resolve: ${reason.replace(/\.$/, "").toLowerCase()}`, owner: "Team manager", dueInWorkingDays: rating === "red" ? 5 : 10 }]);
    });
}

function contacts(random: Random, lookedAfter: boolean): CaseContact[] {
  const list: CaseContact[] = [];
  const person = () => `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`;
  const email = (name: string, domain: string) => `${name.toLowerCase().replace(/[^a-z]+/g, ".")}@${domain}`;
  if (lookedAfter) {
    const carer = person();
    list.push({ role: "carer", name: carer, email: email(carer, "carers.example"), organisation: random.pick(["Westmere Fostering", "Independent fostering agency", "Kinship carer"]) });
  }
  const parent = person();
  list.push({ role: "parent", name: parent, email: email(parent, "family.example") });
  if (random.chance(0.6)) list.push({ role: "partner", name: "Jo Marsh", email: "jo.marsh@partners.example", organisation: "Westmere Academy" });
  if (random.chance(0.3)) list.push({ role: "partner", name: "Dr Ade Bankole", email: "ade.bankole@partners.example", organisation: "Westmere NHS Trust" });
  return list;
}

function seedDisputes(store: Store, children: readonly ChildCase[], today: IsoDate, now: string): void {
  const themes = ["Placement", "Permanence", "Contact", "Education", "Care plan drift"];
  const red = children.filter((c) => c.rag[c.rag.length - 1]?.rating === "red" && c.iro).slice(0, 4);
  const list = store.list(DISPUTES_LIST)!;
  red.forEach((child, i) => {
    const raisedOn = addWorkingDays(england, addDays(today, -30), workingDays(i * 3));
    const id = store.nextListItemId(list.id);
    let dispute = raiseDispute({ id: `DRP-${String(id).padStart(4, "0")}`, caseRef: child.ref, theme: themes[i % themes.length]!, issue: child.rag[child.rag.length - 1]!.reason, by: child.iro!, on: raisedOn });
    for (let stage = 1; stage <= i % 3; stage++) dispute = escalate(dispute, child.iro!, addWorkingDays(england, raisedOn, workingDays(5 * stage)));
    store.putListItem({ listId: list.id, id, version: 1, data: { createdDateTime: now, lastModifiedDateTime: now, createdBy: child.iro!, fields: toDisputeFields(dispute) } });
  });
}

/** A few emails from social workers in each IRO's inbox, about children whose plans are drifting: disputes start from these. */
function seedInbox(store: Store, users: readonly SandboxUser[], children: readonly ChildCase[]): void {
  const concerns = ["the permanence plan has not moved since the last review", "the placement may end and no alternative is identified", "contact arrangements have stopped without a decision", "the PEP has not been updated this term"];
  for (const iro of users.filter((u) => u.roles.includes("iro"))) {
    const theirs = children.filter((c) => c.iro === iro.userPrincipalName && c.socialWorker && c.lac && c.rag[c.rag.length - 1]?.rating !== "green").slice(0, 3);
    theirs.forEach((child, i) => {
      const worker = users.find((u) => u.userPrincipalName === child.socialWorker)!;
      call(store, worker, "POST", "/me/sendMail", {
        message: {
          subject: `Ref ${child.ref}: update on the care plan`,
          body: { contentType: "html", content: `<p>Hello ${iro.givenName},</p><p>An update on ref ${child.ref}: ${concerns[i % concerns.length]}. I have raised it with my team manager.</p><p>${worker.displayName}</p>` },
          toRecipients: [{ emailAddress: { address: iro.userPrincipalName, name: iro.displayName } }],
        },
        saveToSentItems: true,
      });
    });
  }
}

/** A realistic working week: meetings on most days, some tentative, some annual leave. */
function seedCalendars(store: Store, random: Random, users: readonly SandboxUser[], today: IsoDate): void {
  const subjects = ["Team meeting", "Supervision", "Strategy discussion", "Core group", "Home visit", "Court", "Training", "Panel", "Case discussion", "Travel"];
  for (const user of users) {
    if (!user.mailbox) continue;
    const leaveStart = addDays(today, random.int(3, 40));
    const leaveDays = random.chance(0.5) ? random.int(2, 5) : 0;
    for (let day = addDays(today, -14); day <= addDays(today, 60); day = addDays(day, 1)) {
      const weekday = isoWeekday(day);
      if (weekday > 5 || !isWorkingDay(england, day)) continue;
      if (!user.workingHours.daysOfWeek.includes(FULL_WEEK[weekday - 1]!)) continue;
      if (leaveDays > 0 && day >= leaveStart && day < addDays(leaveStart, leaveDays + 2)) {
        addEvent(store, user, day, 9 * 60, 17 * 60, "Annual leave", "oof");
        continue;
      }
      for (let n = random.int(0, 3); n > 0; n--) {
        const start = 9 * 60 + random.int(0, 14) * 30;
        const length = random.pick([30, 60, 60, 90, 120]);
        addEvent(store, user, day, start, Math.min(start + length, 17 * 60), random.pick(subjects), random.chance(0.12) ? "tentative" : "busy");
      }
    }
  }
}

function addEvent(store: Store, user: SandboxUser, day: IsoDate, startMinutes: number, endMinutes: number, subject: string, showAs: string): void {
  call(store, user, "POST", "/me/events", {
    subject,
    showAs,
    start: { dateTime: `${day}T${formatClock(startMinutes)}:00`, timeZone: "Europe/London" },
    end: { dateTime: `${day}T${formatClock(endMinutes)}:00`, timeZone: "Europe/London" },
  });
}

/** Bookings already made: about half the reviews due in the next six weeks, tagged with the case reference. */
function seedBookings(store: Store, random: Random, users: readonly SandboxUser[], children: readonly ChildCase[], today: IsoDate): void {
  for (const child of children) {
    if (!child.lac || !child.iro || !random.chance(0.5)) continue;
    const next = assessTimescale({ track: "lac", nation: "england", periodStart: child.lac.periodStart, reviews: child.lac.reviews.map((r) => r.held), ended: null }, today, options).next;
    if (!next || next.dueBy < today || next.dueBy > addDays(today, 42)) continue;
    const iro = users.find((u) => u.userPrincipalName === child.iro)!;
    let day = addDays(next.dueBy, -random.int(1, 8));
    while (!isWorkingDay(england, day) || day <= today) day = addDays(day, 1);
    const start = random.pick([10 * 60, 13 * 60 + 30, 15 * 60]);
    // Placed for adoption: their next review is the adoption review, not booked here (the draws above keep the rest of the demo as it was).
    if (child.adoption && !child.adoption.ended) continue;
    call(store, iro, "POST", "/me/events", {
      subject: `${EVENT_NAMES[next.event]} ${next.number} – ref ${child.ref}`,
      sensitivity: "private",
      isOnlineMeeting: true,
      onlineMeetingProvider: "teamsForBusiness",
      start: { dateTime: `${day}T${formatClock(start)}:00`, timeZone: "Europe/London" },
      end: { dateTime: `${day}T${formatClock(start + 90)}:00`, timeZone: "Europe/London" },
      attendees: [child.socialWorker, child.teamManager].filter(Boolean).map((address) => ({ emailAddress: { address }, type: "required" })),
      singleValueExtendedProperties: [
        { id: CASE_REF_PROPERTY, value: child.ref },
        { id: EVENT_KIND_PROPERTY, value: `${next.event} ${next.number}` },
      ],
    });
  }
}

/** Sam Okafor chairs a Teams review this afternoon, so the Teams preview has a meeting to open. */
function seedTodaysReview(store: Store, users: readonly SandboxUser[], children: readonly ChildCase[], today: IsoDate): void {
  const sam = users.find((u) => u.userPrincipalName === `sam.okafor@${DEMO_DOMAIN}`)!;
  const taken = new Set(store.allEvents(sam.id).flatMap((e) => ((e.data.singleValueExtendedProperties ?? []) as { value: string }[]).map((p) => p.value)));
  const child = children
    .filter((c) => c.iro === sam.userPrincipalName && c.lac && !c.cp && !taken.has(c.ref) && c.socialWorker && c.teamManager)
    .map((c) => ({ c, next: assessTimescale({ track: "lac", nation: "england", periodStart: c.lac!.periodStart, reviews: c.lac!.reviews.map((r) => r.held), ended: null }, today, options).next! }))
    .filter((x) => x.next.dueBy >= today)
    .sort((a, b) => (a.next.dueBy < b.next.dueBy ? -1 : 1))[0];
  if (!child) return;
  call(store, sam, "POST", "/me/events", {
    subject: `${EVENT_NAMES[child.next.event]} ${child.next.number} – ref ${child.c.ref}`,
    sensitivity: "private",
    isOnlineMeeting: true,
    start: { dateTime: `${today}T14:00:00`, timeZone: "Europe/London" },
    end: { dateTime: `${today}T15:30:00`, timeZone: "Europe/London" },
    attendees: [child.c.socialWorker, child.c.teamManager].map((address) => ({ emailAddress: { address }, type: "required" })),
    singleValueExtendedProperties: [
      { id: CASE_REF_PROPERTY, value: child.c.ref },
      { id: EVENT_KIND_PROPERTY, value: `${child.next.event} ${child.next.number}` },
    ],
  });
}

function call(store: Store, user: SandboxUser, method: string, path: string, body: unknown): void {
  const response = dispatch({ method, path, query: new URLSearchParams(), headers: {}, body }, { user, store, graphBase: "http://localhost/graph/v1.0", now: Date.now });
  if (response.status >= 400) throw new Error(`demo seed: ${method} ${path} failed: ${JSON.stringify(response.body)}`);
}

