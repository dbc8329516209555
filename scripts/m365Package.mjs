// The Microsoft 365 app package (unified manifest): the Outlook add-in and the Teams tabs in one
// app. Nothing is written twice: the add-in part (its id, buttons, panes, icons, requirement sets,
// permission) is derived from the XML manifest as built (addin-manifest.xml with its URLs set), and
// the app-level fields and Teams tabs come from assets/m365/app.json. Mapping from XML to JSON:
// learn.microsoft.com/office/dev/add-ins/develop/json-manifest-overview (checked 2026-11).
import { zipSync } from "fflate";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { parseStringPromise } from "xml2js";

/**
 * addin-manifest.xml as deployed: its URLs where dist/web is served (the source says
 * https://localhost:3000) and its version package.json's.
 */
export function addinXmlFor(source, baseUrl, version) {
  return source.replaceAll("https://localhost:3000", baseUrl).replace(/<Version>[^<]*<\/Version>/, `<Version>${version}.0</Version>`);
}

/** The newest schema @microsoft/app-manifest ships (v1.22+ carries NAA's token prefetch). */
export const MANIFEST_VERSION = "1.30";

// Where each XML command surface puts its buttons, as the unified manifest names it.
const CONTEXTS = {
  AppointmentOrganizerCommandSurface: "meetingDetailsOrganizer",
  AppointmentAttendeeCommandSurface: "meetingDetailsAttendee",
  MessageComposeCommandSurface: "mailCompose",
  MessageReadCommandSurface: "mailRead",
};
// The add-in's item permission as the unified manifest's resource-specific permission.
const PERMISSIONS = {
  Restricted: "MailboxItem.Restricted.User",
  ReadItem: "MailboxItem.Read.User",
  ReadWriteItem: "MailboxItem.ReadWrite.User",
  ReadWriteMailbox: "Mailbox.ReadWrite.User",
};

/**
 * The unified manifest for the built XML manifest and app.json. `entra` (client id) adds
 * webApplicationInfo: the app registration admins consent to, and `nestedAppAuthInfo`, the token
 * Teams and Outlook prefetch for nested app authentication before the pane asks for it, with the
 * scopes in the order MSAL asks for them (learn.microsoft.com/microsoft-365/extensibility/schema/
 * root-web-application-info-nested-app-auth-info).
 */
export async function unifiedManifest({ addinXml, appJson, baseUrl, version, entra, scopes }) {
  const app = (await parseStringPromise(addinXml, { explicitArray: true })).OfficeApp;
  const value = (element) => element?.[0]?.$?.DefaultValue;
  const host = new URL(baseUrl).host;
  const shell = JSON.parse(appJson.replaceAll("{{BASE_URL}}", baseUrl));
  const permission = PERMISSIONS[app.Permissions[0]];
  if (!permission) throw new Error(`addin-manifest.xml: no unified-manifest permission for ${app.Permissions[0]}`);
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${MANIFEST_VERSION}/MicrosoftTeams.schema.json`,
    manifestVersion: MANIFEST_VERSION,
    version,
    // The add-in's id: Outlook names the add-in's custom properties on items after it.
    id: app.Id[0],
    localizationInfo: { defaultLanguageTag: app.DefaultLocale[0].toLowerCase() },
    ...shell,
    icons: { color: "color.png", outline: "outline.png" },
    validDomains: [host, ...(app.AppDomains?.[0]?.AppDomain ?? []).map((d) => new URL(d).host)],
    ...(entra
      ? { webApplicationInfo: { id: entra.clientId, nestedAppAuthInfo: [{ redirectUri: `brk-multihub://${host}`, scopes: [...scopes] }] } }
      : {}),
    authorization: { permissions: { resourceSpecific: [{ name: permission, type: "Delegated" }] } },
    extensions: [outlookExtension(app, value)],
  };
}

/** The XML's VersionOverrides 1.1 as one extension: a ribbon per command surface, a runtime per task pane. */
function outlookExtension(app, value) {
  const overrides = app.VersionOverrides[0].VersionOverrides[0];
  const resources = overrides.Resources[0];
  const byId = (list, tag) => new Map((list?.[0]?.[tag] ?? []).map((e) => [e.$.id, e.$.DefaultValue]));
  const images = byId(resources["bt:Images"], "bt:Image");
  const urls = byId(resources["bt:Urls"], "bt:Url");
  const strings = new Map([...byId(resources["bt:ShortStrings"], "bt:String"), ...byId(resources["bt:LongStrings"], "bt:String")]);
  const text = (element) => must(strings, element[0].$.resid);
  const commandSets = overrides.Requirements[0]["bt:Sets"][0];
  const commandRequirements = { capabilities: commandSets["bt:Set"].map((s) => ({ name: s.$.Name, minVersion: s.$.MinVersion ?? commandSets.$.DefaultMinVersion })) };
  const runtimes = new Map();
  const ribbons = [];
  for (const host of overrides.Hosts[0].Host) {
    for (const point of host.DesktopFormFactor[0].ExtensionPoint) {
      const type = point.$["xsi:type"];
      const context = CONTEXTS[type];
      if (!context) throw new Error(`addin-manifest.xml: ${type} has no unified-manifest context here`);
      const tabs = point.OfficeTab.map((tab) => ({
        builtInTabId: tab.$.id,
        groups: tab.Group.map((group) => ({
          id: group.$.id,
          label: text(group.Label),
          controls: group.Control.map((control) => {
            const action = control.Action[0];
            if (control.$["xsi:type"] !== "Button" || action.$["xsi:type"] !== "ShowTaskpane") throw new Error(`addin-manifest.xml: ${control.$.id} is not a task pane button`);
            const page = must(urls, action.SourceLocation[0].$.resid);
            const runtime = runtimes.get(page) ?? { requirements: commandRequirements, id: `pane${runtimes.size + 1}`, type: "general", code: { page }, lifetime: "short", actions: [] };
            runtime.actions.push({ id: control.$.id, type: "openPage", pinnable: action.SupportsPinning?.[0] === "true" });
            runtimes.set(page, runtime);
            return {
              id: control.$.id,
              type: "button",
              label: text(control.Label),
              icons: control.Icon[0]["bt:Image"].map((image) => ({ size: Number(image.$.size), url: must(images, image.$.resid) })),
              supertip: { title: text(control.Supertip[0].Title), description: text(control.Supertip[0].Description) },
              actionId: control.$.id,
            };
          }),
        })),
      }));
      ribbons.push({ requirements: commandRequirements, contexts: [context], tabs });
    }
  }
  return {
    requirements: { scopes: ["mail"], capabilities: app.Requirements[0].Sets[0].Set.map((s) => ({ name: s.$.Name, minVersion: s.$.MinVersion })) },
    runtimes: [...runtimes.values()],
    ribbons,
    // The add-in's own icons (64 px and 128 px), as Microsoft's sample declares them (both "size": 64).
    alternates: [{ alternateIcons: { icon: { size: 64, url: value(app.IconUrl) }, highResolutionIcon: { size: 64, url: value(app.HighResolutionIconUrl) } } }],
  };
}

function must(map, id) {
  const found = map.get(id);
  if (found === undefined) throw new Error(`addin-manifest.xml: resid ${id} is not defined`);
  return found;
}

/** Writes dist/m365/manifest.json and the app package dist/m365/iro-desk-app.zip (manifest, colour and outline icons). */
export async function packageM365(options) {
  const manifest = JSON.stringify(await unifiedManifest({ ...options, appJson: await readFile("assets/m365/app.json", "utf8") }), null, 2);
  await mkdir("dist/m365", { recursive: true });
  await writeFile("dist/m365/manifest.json", manifest);
  const zip = zipSync({
    "manifest.json": new TextEncoder().encode(manifest),
    // Microsoft asks for a 192×192 colour icon and a 32×32 white outline on transparent.
    "color.png": await readFile("assets/icons/icon-192.png"),
    "outline.png": await readFile("assets/icons/outline-32.png"),
  });
  await writeFile("dist/m365/iro-desk-app.zip", zip);
}
