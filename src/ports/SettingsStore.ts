import type { ServiceSettings } from "../app/serviceSettings.js";
import type { LadderStage } from "../domain/disputes/dispute.js";
import type { EmailTemplate } from "../domain/templates/emailTemplate.js";

/**
 * Everything a service decides for itself, kept in ONE settings item in its own site (created by
 * `iro-desk provision`): the service settings (staff, managers, holidays…), the email templates and
 * the dispute ladder. Every surface in the tenant reads the same item.
 */
export interface EditableSettings {
  readonly service: ServiceSettings;
  readonly templates: readonly EmailTemplate[];
  readonly ladder: readonly LadderStage[];
}

/**
 * The service settings part of the settings item, with the item's version: what every pane works
 * its figures out with (staff, managers, holidays, timescales…). The templates and the dispute
 * ladder are read by the panes that use them.
 */
export interface ServiceSettingsItem {
  readonly service: ServiceSettings;
  /** The item's version (its ETag). */
  readonly version: string;
}

export interface StoredSettings extends EditableSettings {
  /** The item's version (its ETag): a save names it and is refused if the item changed since. */
  readonly version: string;
}

/** A save changes only the parts given; the rest of the item stays as it is. */
export type SettingsChange = Partial<EditableSettings>;

export interface SettingsStore {
  /**
   * The service's settings, checked: a SettingsError names every problem (no settings item, an
   * unreadable or invalid part) rather than running the service on defaults it did not choose.
   */
  read(signal?: AbortSignal): Promise<StoredSettings>;
  /** Saves on `version` only; otherwise ConflictError and nothing is written. Never creates a second item. */
  save(change: SettingsChange, version: string, signal?: AbortSignal): Promise<StoredSettings>;
}
