import { NotFoundError } from "../../ports/errors.js";
import type { EditableSettings } from "../../ports/SettingsStore.js";
import type { ColumnSpec, ListSpec, SiteAdmin, SiteColumn, SiteList } from "../../ports/SiteAdmin.js";
import { graphCall, type GraphConnection } from "./graphClient.js";
import { SETTINGS_ITEM_TITLE } from "./graphServiceSettings.js";
import { settingsFields } from "./graphSettingsStore.js";
import { etagOf, type GraphListItem } from "./listItems.js";

/** Graph's columnDefinition, the parts IRO Desk reads. */
interface ColumnDefinition {
  id: string;
  name: string;
  indexed?: boolean;
  text?: { allowMultipleLines?: boolean };
  number?: object;
  boolean?: object;
}

/**
 * Setting up a service's site through Graph: lists (POST /sites/{id}/lists), their columns
 * (POST …/columns, with the column's type facet) and indexes (PATCH …/columns/{id} {"indexed": true}).
 * Graph asks for Sites.Manage.All (or Sites.FullControl.All) for these
 * (learn.microsoft.com/graph/api/list-create, /list-post-columns, /columndefinition-update, checked 2026-11).
 * Creates are not repeated after a timeout (they have no transaction id); running provisioning
 * again finds what did land.
 */
export class GraphSiteAdmin implements SiteAdmin {
  private readonly siteBase: string;

  constructor(private readonly graph: GraphConnection, site: string) {
    this.siteBase = `/sites/${encodeURIComponent(site)}`;
  }

  async describeSite(signal?: AbortSignal) {
    const site = await graphCall("The SharePoint site", true, (call) => this.graph.api(this.siteBase).middlewareOptions([call]).option("signal", signal).get() as Promise<{ id: string; displayName: string; webUrl: string }>);
    return { id: site.id, displayName: site.displayName, webUrl: site.webUrl };
  }

  async findList(name: string, signal?: AbortSignal): Promise<SiteList | null> {
    try {
      const list = await graphCall(`The list ${name}`, true, (call) => this.graph.api(`${this.siteBase}/lists/${encodeURIComponent(name)}`).middlewareOptions([call]).option("signal", signal).get() as Promise<{ id: string }>);
      return { id: list.id, name, columns: await this.columns(list.id, signal) };
    } catch (error) {
      if (error instanceof NotFoundError) return null;
      throw error;
    }
  }

  /** A new generic list with every column but Title (which every list has already). */
  async createList(spec: ListSpec, signal?: AbortSignal): Promise<SiteList> {
    const body = { displayName: spec.name, description: spec.description, columns: spec.columns.filter((c) => c.name !== "Title").map(columnDefinition), list: { template: "genericList" } };
    const list = await graphCall(`The list ${spec.name}`, false, (call) => this.graph.api(`${this.siteBase}/lists`).middlewareOptions([call]).option("signal", signal).post(body) as Promise<{ id: string }>);
    return { id: list.id, name: spec.name, columns: await this.columns(list.id, signal) };
  }

  async addColumn(listId: string, column: ColumnSpec, signal?: AbortSignal): Promise<void> {
    await graphCall(`The column ${column.name}`, false, (call) => this.graph.api(`${this.siteBase}/lists/${encodeURIComponent(listId)}/columns`).middlewareOptions([call]).option("signal", signal).post(columnDefinition(column)));
  }

  async indexColumn(listId: string, columnId: string, signal?: AbortSignal): Promise<void> {
    await graphCall("The column's index", true, (call) => this.graph.api(`${this.siteBase}/lists/${encodeURIComponent(listId)}/columns/${encodeURIComponent(columnId)}`).middlewareOptions([call]).option("signal", signal).patch({ indexed: true }));
  }

  async settingsItems(listId: string, signal?: AbortSignal) {
    const page = await graphCall("The settings list", true, (call) =>
      this.graph.api(`${this.siteBase}/lists/${encodeURIComponent(listId)}/items`).query({ $expand: "fields", $filter: `fields/Title eq '${SETTINGS_ITEM_TITLE}'` }).middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: GraphListItem[] }>,
    );
    return [...page.value].sort((a, b) => Number(a.id) - Number(b.id)).map((item) => ({ id: item.id, version: etagOf(item) ?? "" }));
  }

  async createSettingsItem(listId: string, settings: EditableSettings, signal?: AbortSignal): Promise<void> {
    await graphCall("The settings item", false, (call) =>
      this.graph.api(`${this.siteBase}/lists/${encodeURIComponent(listId)}/items`).middlewareOptions([call]).option("signal", signal).post({ fields: { Title: SETTINGS_ITEM_TITLE, ...settingsFields(settings) } }),
    );
  }

  private async columns(listId: string, signal?: AbortSignal): Promise<SiteColumn[]> {
    const page = await graphCall("The list's columns", true, (call) => this.graph.api(`${this.siteBase}/lists/${encodeURIComponent(listId)}/columns`).middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: ColumnDefinition[] }>);
    return page.value.map((c) => ({ id: c.id, name: c.name, indexed: c.indexed === true, kind: c.text ? (c.text.allowMultipleLines ? "note" : "text") : c.number ? "number" : c.boolean ? "boolean" : "other" }));
  }
}

/** A columnDefinition to create: the name, the type facet, and the index. */
function columnDefinition(column: ColumnSpec): Record<string, unknown> {
  const facet = {
    text: { text: { allowMultipleLines: false, maxLength: 255 } },
    note: { text: { allowMultipleLines: true, linesForEditing: 6, textType: "plain" } },
    number: { number: {} },
    boolean: { boolean: {} },
  }[column.kind];
  return { name: column.name, displayName: column.name, indexed: column.indexed, ...facet };
}
