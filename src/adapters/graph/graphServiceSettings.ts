import { readServiceSettingsPart } from "../../app/readServiceSettings.js";
import { RequestError, SettingsError } from "../../ports/errors.js";
import type { ServiceSettingsItem } from "../../ports/SettingsStore.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { itemsPath, versionOf, type GraphListItem, type ListLocation } from "./listItems.js";

/** The one settings item's Title: provisioning creates it, and the store reads only it. */
export const SETTINGS_ITEM_TITLE = "iro-desk";

/** The settings item's column holding the service settings (as JSON text). */
export const SERVICE_COLUMN = "Service";

/**
 * The service's settings item, in its list: read by its Title, an indexed column (SharePoint
 * refuses a $filter on a column that is not indexed: see src/sandbox/graph/listQuery.ts), and if an
 * earlier version left more than one, always the oldest (lowest id), so every surface reads the
 * same item.
 */
export async function settingsItem(graph: GraphConnection, items: string, signal?: AbortSignal): Promise<GraphListItem> {
  let page: { value: GraphListItem[] };
  try {
    page = await graphCall("The service settings", true, (call) =>
      graph.api(items).query({ $expand: "fields", $filter: `fields/Title eq '${SETTINGS_ITEM_TITLE}'` }).middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: GraphListItem[] }>,
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

/**
 * The service settings a pane draws with, checked as GraphSettingsStore checks them (a SettingsError
 * names every problem): one request, and none of the templates' and ladder's code in a pane's first
 * download. The panes that use the templates or the ladder read the whole item (GraphSettingsStore),
 * and say so there when those cannot be used.
 */
export async function readServiceSettingsItem(graph: GraphConnection, location: ListLocation, signal?: AbortSignal): Promise<ServiceSettingsItem> {
  const items = itemsPath(location);
  const { version, fields } = await versionOf(graph, items, await settingsItem(graph, items, signal), "The service settings", signal);
  const { settings, errors } = readServiceSettingsPart(fields[SERVICE_COLUMN]);
  if (errors.length > 0) throw new SettingsError(errors.join("; "));
  return { service: settings, version };
}
