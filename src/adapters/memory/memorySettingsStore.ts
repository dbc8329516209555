import { DEFAULT_LADDER } from "../../domain/disputes/dispute.js";
import { DEFAULT_TEMPLATES } from "../../domain/templates/defaultTemplates.js";
import { ConflictError } from "../../ports/errors.js";
import type { EditableSettings, SettingsStore, StoredSettings } from "../../ports/SettingsStore.js";

/** The SettingsStore port in memory, with version checks. */
export class MemorySettingsStore implements SettingsStore {
  private stored: StoredSettings = { templates: DEFAULT_TEMPLATES, ladder: DEFAULT_LADDER, version: "" };

  async read(): Promise<StoredSettings> {
    return this.stored;
  }

  async save(settings: EditableSettings, version: string): Promise<StoredSettings> {
    if (version !== this.stored.version) throw new ConflictError("The service settings");
    this.stored = { ...settings, version: `v${Number(version.slice(1) || 0) + 1}` };
    return this.stored;
  }
}
