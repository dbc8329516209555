import { app, nestedAppAuth } from "@microsoft/teams-js";

/**
 * teams-js inside Teams. app.initialize() never settles outside Teams (no host answers), so it is
 * raced against a timeout: null means "not in Teams", and the page says where to open it.
 */
export async function initTeams(timeoutMs = 4_000): Promise<app.Context | null> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const outcome = await Promise.race([app.initialize().then(() => "ready" as const), new Promise<"timeout">((done) => (timer = setTimeout(() => done("timeout"), timeoutMs)))]);
    return outcome === "ready" ? await app.getContext() : null;
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
  }
}

/** Teams' theme names as IRO Desk's. */
function teamsTheme(theme: string | undefined): "light" | "dark" | "contrast" {
  return theme === "dark" ? "dark" : theme === "contrast" ? "contrast" : "light";
}

/** Follows the Teams theme live: the user can switch while the panel is open. */
export function followTeamsTheme(context: app.Context): void {
  document.documentElement.dataset.theme = teamsTheme(context.app.theme);
  app.registerOnThemeChangeHandler((theme) => void (document.documentElement.dataset.theme = teamsTheme(theme)));
}

/** Teams offers nested app authentication (MSAL signs in through the host, no popup). */
export const naaRecommended = (): boolean => nestedAppAuth.isNAAChannelRecommended();
