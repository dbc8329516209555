import { DEFAULT_LADDER, type LadderStage } from "../../domain/disputes/dispute.js";
import { DEFAULT_TEMPLATES } from "../../domain/templates/defaultTemplates.js";
import type { EmailTemplate } from "../../domain/templates/emailTemplate.js";
import type { EditableSettings, SettingsStore, StoredSettings } from "../../ports/SettingsStore.js";
import { graphCall, type GraphConnection } from "./graphClient.js";

/** One item ("iro-desk") in a Settings list: the templates and the ladder as JSON. */
export const SETTINGS_COLUMNS = ["Title", "Templates", "Ladder"] as const;
const KEY = "iro-desk";

interface Item {
  id: string;
  "@odata.etag"?: string;
  fields: Record<string, unknown>;
}

export class GraphSettingsStore implements SettingsStore {
  private readonly items: string;
  private itemId: string | null = null;

  constructor(private readonly graph: GraphConnection, location: { site: string; list: string }) {
    this.items = `/sites/${encodeURIComponent(location.site)}/lists/${encodeURIComponent(location.list)}/items`;
  }

  async read(signal?: AbortSignal): Promise<StoredSettings> {
    const page = await graphCall("The service settings", true, (call) =>
      this.graph.api(this.items).query({ $expand: "fields", $filter: `fields/Title eq '${KEY}'` }).middlewareOptions([call]).option("signal", signal).get() as Promise<{ value: Item[] }>,
    );
    const item = page.value[0];
    if (!item) return { templates: DEFAULT_TEMPLATES, ladder: DEFAULT_LADDER, version: "" };
    this.itemId = item.id;
    return {
      templates: parse<EmailTemplate[]>(item.fields.Templates, [...DEFAULT_TEMPLATES]),
      ladder: parse<LadderStage[]>(item.fields.Ladder, [...DEFAULT_LADDER]),
      version: String(item["@odata.etag"]),
    };
  }

  async save(settings: EditableSettings, version: string, signal?: AbortSignal): Promise<StoredSettings> {
    const fields = { Title: KEY, Templates: JSON.stringify(settings.templates), Ladder: JSON.stringify(settings.ladder) };
    if (version === "" || !this.itemId) {
      const item = await graphCall("The service settings", false, (call) => this.graph.api(this.items).middlewareOptions([call]).option("signal", signal).post({ fields }) as Promise<Item>);
      this.itemId = item.id;
      return { ...settings, version: String(item["@odata.etag"]) };
    }
    const id = this.itemId;
    const saved = await graphCall("The service settings", true, (call) =>
      this.graph.api(`${this.items}/${encodeURIComponent(id)}/fields`).header("If-Match", version).middlewareOptions([call]).option("signal", signal).patch(fields) as Promise<Record<string, unknown>>,
    );
    return { ...settings, version: String(saved["@odata.etag"]) };
  }
}

function parse<T>(value: unknown, fallback: T): T {
  try {
    return typeof value === "string" ? (JSON.parse(value) as T) : fallback;
  } catch {
    return fallback;
  }
}
