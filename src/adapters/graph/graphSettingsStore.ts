import { readSettings } from "../../app/readSettings.js";
import { RequestError, SettingsError } from "../../ports/errors.js";
import type { EditableSettings, SettingsChange, SettingsStore, StoredSettings } from "../../ports/SettingsStore.js";
import type { GraphConnection } from "./graphClient.js";
import { SERVICE_COLUMN, settingsItem } from "./graphServiceSettings.js";
import { itemsPath, updateItemFields, versionOf, type ListLocation } from "./listItems.js";

/** The settings list's columns: the item's Title and one multi-line text column per part. */
export const SETTINGS_COLUMNS = ["Title", "Service", "Templates", "Ladder"] as const;

/** Which column of the settings item holds which part, each as JSON text. */
const COLUMN = { service: SERVICE_COLUMN, templates: "Templates", ladder: "Ladder" } as const satisfies Record<keyof EditableSettings, string>;

/** The part of the settings item that is text: each part of EditableSettings as JSON in its column. */
export function settingsFields(change: SettingsChange): Record<string, string> {
  return Object.fromEntries(Object.entries(COLUMN).flatMap(([part, column]) => (change[part as keyof EditableSettings] === undefined ? [] : [[column, JSON.stringify(change[part as keyof EditableSettings])]])));
}

/**
 * The service's settings: ONE item in the settings list, created by `iro-desk provision`, found as
 * settingsItem finds it (graphServiceSettings.ts). A save changes that item on the version read,
 * and never creates one.
 */
export class GraphSettingsStore implements SettingsStore {
  private readonly items: string;

  constructor(private readonly graph: GraphConnection, location: ListLocation) {
    this.items = itemsPath(location);
  }

  async read(signal?: AbortSignal): Promise<StoredSettings> {
    const item = await settingsItem(this.graph, this.items, signal);
    const { version, fields } = await versionOf(this.graph, this.items, item, "The service settings", signal);
    return { ...checked(fields), version };
  }

  async save(change: SettingsChange, version: string, signal?: AbortSignal): Promise<StoredSettings> {
    const fields = settingsFields(change);
    const { errors } = readSettings({ service: fields.Service, templates: fields.Templates, ladder: fields.Ladder });
    if (errors.length > 0) throw new RequestError(400, `Nothing was saved: ${errors.join("; ")}.`);
    const item = await settingsItem(this.graph, this.items, signal);
    const saved = await updateItemFields(this.graph, this.items, item.id, version, fields, "The service settings", signal);
    return { ...checked({ ...item.fields, ...saved.fields, ...fields }), version: saved.version };
  }
}

function checked(fields: Readonly<Record<string, unknown>>): EditableSettings {
  const { settings, errors } = readSettings({ service: fields[COLUMN.service], templates: fields[COLUMN.templates], ladder: fields[COLUMN.ladder] });
  if (errors.length > 0) throw new SettingsError(errors.join("; "));
  return settings;
}
