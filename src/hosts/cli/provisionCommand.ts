import type { Command } from "./command.js";
/** What an administrator consents to for provisioning (learn.microsoft.com/graph/api/list-create: Sites.Manage.All). */
export const PROVISION_SCOPE = "https://graph.microsoft.com/Sites.Manage.All";

export const provisionCommand: Command = {
  name: "provision",
  summary: "create (or check and complete) the service's lists, columns, indexes and settings item in its SharePoint site",
  usage: `iro-desk provision --site SITE [--list CaseRegister] [--disputes-list Disputes] [--settings-list IroDeskSettings]
                   [--settings SERVICE.json] [--format text|json]
                   (--tenant TENANT --client-id APP [--scope SCOPE] | --sandbox URL --as UPN)

Creates in the SharePoint site SITE (its Graph site id "host,GUID,GUID", or "root") the case
register, disputes and settings lists IRO Desk needs, with every column and the indexes its queries
need, and the service's one settings item; on a site that has them, adds only what is missing.
Running it again changes nothing and says what it found. A column that exists with another type is
reported, not changed. --settings writes the service settings (staff, managers, holidays…) from
SERVICE.json into the settings item, after checking them.

Sign-in: --tenant and --client-id sign in an administrator with a code shown here (the app
registration must allow public client flows); IRO_DESK_GRAPH_TOKEN uses a token you already have;
--sandbox and --as set up a site in the local sandbox.

Exit code: 0 done, 1 something needs an administrator (see the report), 2 bad options or files, or
Microsoft 365 could not be reached or refused.`,

  /**
   * A file of its own (scripts/build.mjs), loaded only when this command runs: the Graph adapter
   * and sign-in it needs would otherwise slow every other command's start.
   */
  async run(args, io) {
    const { runProvision } = await import("./provisionRun.js");
    return runProvision(args, io);
  },
};
