import { readSettings } from "../../app/readSettings.js";
import { RequestError, SettingsError } from "../../ports/errors.js";
import type { EditableSettings, SettingsChange, SettingsStore, StoredSettings } from "../../ports/SettingsStore.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { itemsPath, updateItemFields, versionOf, type GraphListItem, type ListLocation } from "./listItems.js";

/** The one settings item's Title: provisioning creates it, and the store reads only it. */
export const SETTINGS_ITEM_TITLE = "iro-desk";

/** The settings list's columns: the item's Title and one multi-line text column per part. */
export const SETTINGS_COLUMNS = ["Title", "Service", "Templates", "Ladder"] as const;

/** Which column of the settings item holds which part, each as JSON text. */
const COLUMN = { service: "Service", templates: "Templates", ladder: "Ladder" } as const satisfies Record<keyof EditableSettings, string>;

/** The part of the settings item that is text: each part of EditableSettings as JSON in its column. */
export function settingsFields(change: SettingsChange): Record<string, string> {
  return Object.fromEntries(Object.entries(COLUMN).flatMap(([part, column]) => (change[part as keyof EditableSettings] === undefined ? [] : [[column, JSON.stringify(change[part as keyof EditableSettings])]])));
}

/**
 * The service's settings: ONE item in the settings list, created by `iro-desk provision`. Read by
 * its Title, an indexed column (SharePoint refuses a $filter on a column that is not indexed: see
 * src/sandbox/graph/listQuery.ts), and if an earlier version left more than one, always the oldest
 * (lowest id), so every surface reads the same item. A save changes that item on the version read,
 * and never creates one.
 */
export class GraphSettingsStore implements SettingsStore {
  private readonly items: string;

  constructor(private readonly graph: GraphConnection, location: ListLocation) {
    this.items = itemsPath(location);
  }

  async read(signal?: AbortSignal): Promise<StoredSettings> {
    const item = await this.item(signal);
    const { version, fields } = await versionOf(this.graph, this.items, item, "The service settings", signal);
    return { ...checked(fields), version };
  }

  async save(change: SettingsChange, version: string, signal?: AbortSignal): Promise<StoredSettings> {
    const fields = settingsFields(change);
    const { errors } = readSettings({ service: fields.Service, templates: fields.Templates, ladder: fields.Ladder });
    if (errors.length > 0) throw new RequestError(400, `Nothing was saved: ${errors.join("; ")}.`);
    const item = await this.item(signal);
    const saved = await updateItemFields(this.graph, this.items, item.id, version, fields, "The service settings", signal);
    return { ...checked({ ...item.fields, ...saved.fields, ...fields }), version: saved.version };
  }

  private async item(signal?: AbortSignal): Promise<GraphListItem> {
    let page: { value: GraphListItem[] };
    try {
      page = await graphCall("The service settings", true, (call) =>
        this.graph.api(this.items).query({ $expand: "fields", $filter: `fields/Title eq '${SETTINGS_ITEM_TITLE}'` }).middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: GraphListItem[] }>,
      );
    } catch (error) {
      // A site set up by hand, or by an older version: SharePoint will not look the item up by Title until it is indexed.
      if (error instanceof RequestError && error.status === 400 && /not indexed/.test(error.message)) throw new SettingsError("the settings list's Title column is not indexed, so SharePoint will not find the settings item by it");
      throw error;
    }
    const oldest = [...page.value].sort((a, b) => Number(a.id) - Number(b.id))[0];
    if (!oldest) throw new SettingsError(`the settings list has no "${SETTINGS_ITEM_TITLE}" item`);
    return oldest;
  }
}

function checked(fields: Readonly<Record<string, unknown>>): EditableSettings {
  const { settings, errors } = readSettings({ service: fields[COLUMN.service], templates: fields[COLUMN.templates], ladder: fields[COLUMN.ladder] });
  if (errors.length > 0) throw new SettingsError(errors.join("; "));
  return settings;
}
