import { DEFAULT_LADDER } from "../domain/disputes/dispute.js";
import { DEFAULT_TEMPLATES } from "../domain/templates/defaultTemplates.js";
import { SettingsError } from "../ports/errors.js";
import type { SettingsStore, StoredSettings } from "../ports/SettingsStore.js";
import type { ListSpec, SiteAdmin, SiteList } from "../ports/SiteAdmin.js";
import { DEFAULT_SETTINGS, type ServiceSettings } from "./serviceSettings.js";

export interface ListReport {
  readonly name: string;
  /** True when the list was not there and has been created. */
  readonly created: boolean;
  readonly columnsFound: number;
  readonly columnsAdded: readonly string[];
  readonly indexesAdded: readonly string[];
  /** What cannot be put right without losing data (a column of another type): an administrator decides. */
  readonly problems: readonly string[];
}

export interface ProvisionReport {
  readonly site: { readonly id: string; readonly displayName: string; readonly webUrl: string };
  readonly lists: readonly ListReport[];
  /** What happened to the one settings item. */
  readonly settings: "created" | "found" | "service settings written" | "service settings already as given";
  /** Settings items besides the one in use (left by an older version): reported, never deleted. */
  readonly extraSettingsItems: readonly string[];
  /** Whether anything in the site was changed. */
  readonly changed: boolean;
}

/**
 * Sets up (or checks and completes) a service's SharePoint site: every list IRO Desk needs, every
 * column with its type, the indexes the queries need, and the one settings item. Running it again
 * changes nothing and reports what it found. A column that exists with another type is reported,
 * not changed: that could lose a council's data. `service` (from `--settings`) is written into the
 * settings item; without it a new item starts from IRO Desk's defaults and an existing one is kept.
 */
export async function provisionSite(
  ports: { readonly admin: SiteAdmin; readonly settings: SettingsStore },
  lists: readonly ListSpec[],
  service: ServiceSettings | null,
  signal?: AbortSignal,
): Promise<ProvisionReport> {
  const { admin } = ports;
  const site = await admin.describeSite(signal);
  const reports: ListReport[] = [];
  let settingsList: SiteList | null = null;
  for (const spec of lists) {
    const found = await admin.findList(spec.name, signal);
    const list = found ?? (await admin.createList(spec, signal));
    const columnsAdded: string[] = [];
    const indexesAdded: string[] = [];
    const problems: string[] = [];
    for (const column of spec.columns) {
      const existing = list.columns.find((c) => c.name.toLowerCase() === column.name.toLowerCase());
      if (!existing) {
        await admin.addColumn(list.id, column, signal);
        columnsAdded.push(column.name);
        continue;
      }
      if (existing.kind !== column.kind) {
        problems.push(`column ${column.name} is ${describe(existing.kind)}, IRO Desk needs ${describe(column.kind)}: change or rename it in SharePoint, then run this again`);
        continue;
      }
      if (column.indexed && !existing.indexed) {
        await admin.indexColumn(list.id, existing.id, signal);
        indexesAdded.push(column.name);
      }
    }
    reports.push({ name: spec.name, created: !found, columnsFound: found ? spec.columns.length - columnsAdded.length : 0, columnsAdded: found ? columnsAdded : [], indexesAdded, problems });
    if (spec.holdsSettings) settingsList = list;
  }

  let settings: ProvisionReport["settings"] = "found";
  let extraSettingsItems: readonly string[] = [];
  if (settingsList) {
    const items = await admin.settingsItems(settingsList.id, signal);
    extraSettingsItems = items.slice(1).map((i) => i.id);
    if (items.length === 0) {
      await admin.createSettingsItem(settingsList.id, { service: service ?? DEFAULT_SETTINGS, templates: DEFAULT_TEMPLATES, ladder: DEFAULT_LADDER }, signal);
      settings = "created";
    } else if (service) {
      let current: StoredSettings | null = null;
      try {
        current = await ports.settings.read(signal);
      } catch (error) {
        // Settings that cannot be read are what --settings is run to put right.
        if (!(error instanceof SettingsError)) throw error;
      }
      if (current && JSON.stringify(current.service) === JSON.stringify(service)) settings = "service settings already as given";
      else {
        await ports.settings.save({ service }, current?.version ?? items[0]!.version, signal);
        settings = "service settings written";
      }
    }
  }
  const changed = reports.some((r) => r.created || r.columnsAdded.length > 0 || r.indexesAdded.length > 0) || settings === "created" || settings === "service settings written";
  return { site, lists: reports, settings, extraSettingsItems, changed };
}

function describe(kind: string): string {
  return { text: "single-line text", note: "multi-line text", number: "a number", boolean: "yes/no", other: "another type" }[kind] ?? kind;
}
