import { londonClock } from "../../adapters/clock/londonClock.js";
import { sandboxTokens } from "../../adapters/auth/sandboxTokens.js";
import { GraphCalendar } from "../../adapters/graph/graphCalendar.js";
import { GraphConnection } from "../../adapters/graph/graphClient.js";
import { GraphCaseStore } from "../../adapters/graph/graphCaseStore.js";
import { GraphDisputeStore } from "../../adapters/graph/graphDisputeStore.js";
import { GraphSettingsStore } from "../../adapters/graph/graphSettingsStore.js";
import { GraphMail } from "../../adapters/graph/graphMail.js";
import { DEFAULT_SETTINGS } from "../../app/serviceSettings.js";
import { parseIsoDate, type IsoDate } from "../../domain/calendar/isoDate.js";
import { instant } from "../../domain/calendar/londonTime.js";
import { CASE_REGISTER_LIST, DEMO_SITE, DISPUTES_LIST, SETTINGS_LIST } from "../../sandbox/demo/demoTenant.js";
import type { AppointmentForm } from "../../ports/Host.js";
import type { PaneEnv } from "../../ui/env.js";

export interface DemoUser {
  readonly upn: string;
  readonly displayName: string;
  readonly jobTitle: string;
  readonly roles: readonly string[];
  readonly fte: number | null;
  readonly mailbox: boolean;
}

/** The sandbox's demo users (GET /sandbox/users on the same origin). */
export async function demoUsers(): Promise<DemoUser[]> {
  const response = await fetch("/sandbox/users");
  if (!response.ok) throw new Error("The sandbox did not list its users.");
  return ((await response.json()) as { value: DemoUser[] }).value;
}

/**
 * The ports for a demo user against the sandbox on this page's origin: the same Graph adapter
 * Outlook uses, with the sandbox's base URL and token. ?today=YYYY-MM-DD and ?now=ISO pin the
 * clock (tests and screenshots); otherwise it is today in London.
 */
export function sandboxEnv(user: DemoUser, users: readonly DemoUser[], appointment: AppointmentForm | null, params = new URLSearchParams(location.search)): PaneEnv & { mail: GraphMail; serviceSettings: GraphSettingsStore } {
  const graph = new GraphConnection({ baseUrl: `${location.origin}/graph`, tokens: sandboxTokens(location.origin, user.upn) });
  const pinnedToday = parseIsoDate(params.get("today") ?? "");
  const pinnedNow = params.get("now") ? Date.parse(params.get("now")!) : Number.NaN;
  return {
    calendar: new GraphCalendar(graph),
    cases: new GraphCaseStore(graph, { site: DEMO_SITE, list: CASE_REGISTER_LIST }),
    disputes: new GraphDisputeStore(graph, { site: DEMO_SITE, list: DISPUTES_LIST }),
    serviceSettings: new GraphSettingsStore(graph, { site: DEMO_SITE, list: SETTINGS_LIST }),
    mail: new GraphMail(graph),
    appointment,
    me: { address: user.upn, name: user.displayName },
    settings: {
      ...DEFAULT_SETTINGS,
      feedbackUrl: "https://feedback.westmere.example/iro",
      // The demo service's staff and managers, as a real service lists them in its settings.
      staff: users.filter((u) => u.fte !== null).map((u) => ({ upn: u.upn, name: u.displayName, fte: u.fte!, cpChair: u.roles.includes("cp-chair") })),
      managers: users.filter((u) => u.roles.includes("manager")).map((u) => u.upn),
    },
    today: (): IsoDate => pinnedToday ?? londonClock.today(),
    now: () => instant(Number.isNaN(pinnedNow) ? Date.now() : pinnedNow),
  };
}
