import { readFile } from "node:fs/promises";
import { parseArgs } from "node:util";
import { deviceCodeTokens } from "../../adapters/auth/deviceCodeTokens.js";
import { sandboxTokens } from "../../adapters/auth/sandboxTokens.js";
import { GraphConnection } from "../../adapters/graph/graphClient.js";
import { GraphSettingsStore } from "../../adapters/graph/graphSettingsStore.js";
import { GraphSiteAdmin } from "../../adapters/graph/graphSiteAdmin.js";
import { iroDeskLists } from "../../adapters/graph/listDefinitions.js";
import { provisionSite, type ProvisionReport } from "../../app/provisionSite.js";
import { readServiceSettings } from "../../app/readServiceSettings.js";
import type { ServiceSettings } from "../../app/serviceSettings.js";
import { PortError } from "../../ports/errors.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";
import { UsageError, type CommandIo } from "./command.js";
import { PROVISION_SCOPE } from "./provisionCommand.js";

/** `iro-desk provision`: see provisionCommand.ts for what it does and its options. */
export async function runProvision(args: readonly string[], io: CommandIo): Promise<number> {
  const { values } = parseArgs({
    args: [...args],
    options: {
      site: { type: "string" }, list: { type: "string", default: "CaseRegister" }, "disputes-list": { type: "string", default: "Disputes" },
      "settings-list": { type: "string", default: "IroDeskSettings" }, settings: { type: "string" }, format: { type: "string", default: "text" },
      tenant: { type: "string" }, "client-id": { type: "string" }, scope: { type: "string", default: PROVISION_SCOPE }, sandbox: { type: "string" }, as: { type: "string" },
    },
  });
  if (!values.site) throw new UsageError("name the SharePoint site: --site host,GUID,GUID (or root)");
  if (!["text", "json"].includes(values.format!)) throw new UsageError(`--format must be text or json, not "${values.format}"`);
  const service = values.settings ? await readSettingsFile(values.settings) : null;
  const { baseUrl, tokens } = signIn(values, (message) => io.stderr(`${message}\n`));
  const graph = new GraphConnection({ baseUrl, tokens });
  let report: ProvisionReport;
  try {
    report = await provisionSite(
      { admin: new GraphSiteAdmin(graph, values.site), settings: new GraphSettingsStore(graph, { site: values.site, list: values["settings-list"]! }) },
      iroDeskLists({ register: values.list!, disputes: values["disputes-list"]!, settings: values["settings-list"]! }),
      service,
    );
  } catch (error) {
    if (!(error instanceof PortError)) throw error;
    io.stderr(`iro-desk provision: ${error.message}\n`);
    return 2;
  }
  io.stdout(values.format === "json" ? `${JSON.stringify(report, null, 2)}\n` : describeReport(report));
  return report.lists.some((l) => l.problems.length > 0) ? 1 : 0;
}

async function readSettingsFile(path: string): Promise<ServiceSettings> {
  let raw: unknown;
  try {
    raw = JSON.parse(await readFile(path, "utf8"));
  } catch {
    throw new UsageError(`${path}: cannot be read as JSON`);
  }
  const { settings, errors } = readServiceSettings(raw);
  if (errors.length > 0) throw new UsageError(`${path}: ${errors.join("; ")}`);
  return settings;
}

function signIn(values: { tenant?: string; "client-id"?: string; scope?: string; sandbox?: string; as?: string }, prompt: (message: string) => void): { baseUrl: string; tokens: TokenProvider } {
  if (values.sandbox) {
    if (!values.as) throw new UsageError("--sandbox needs --as UPN: the demo user who sets up the site");
    return { baseUrl: `${values.sandbox.replace(/\/+$/, "")}/graph`, tokens: sandboxTokens(values.sandbox, values.as) };
  }
  const given = process.env.IRO_DESK_GRAPH_TOKEN;
  if (given) return { baseUrl: "https://graph.microsoft.com", tokens: { getToken: async () => given } };
  if (!values.tenant || !values["client-id"]) throw new UsageError("sign in with --tenant and --client-id (or set IRO_DESK_GRAPH_TOKEN, or use --sandbox URL --as UPN)");
  return { baseUrl: "https://graph.microsoft.com", tokens: deviceCodeTokens({ tenant: values.tenant, clientId: values["client-id"], scopes: [values.scope!], prompt }) };
}

/** The report in words: what was there, what was added, what needs a person. */
function describeReport(report: ProvisionReport): string {
  const lines = [`Site: ${report.site.displayName} (${report.site.webUrl})`];
  for (const list of report.lists) {
    const what = list.created ? "created with every column" : `found, ${list.columnsFound} columns already there`;
    lines.push(`List ${list.name}: ${what}`);
    if (list.columnsAdded.length > 0) lines.push(`  added columns: ${list.columnsAdded.join(", ")}`);
    if (list.indexesAdded.length > 0) lines.push(`  indexed: ${list.indexesAdded.join(", ")}`);
    for (const problem of list.problems) lines.push(`  NEEDS AN ADMINISTRATOR: ${problem}`);
  }
  lines.push(`Settings item: ${report.settings}`);
  if (report.extraSettingsItems.length > 0) lines.push(`  other settings items (not used; left as they are): ${report.extraSettingsItems.join(", ")}`);
  lines.push(report.changed ? "The site has been set up as above." : "Nothing needed changing.");
  return `${lines.join("\n")}\n`;
}
