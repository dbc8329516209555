import type { LadderStage } from "../domain/disputes/dispute.js";
import type { EmailTemplate } from "../domain/templates/emailTemplate.js";

/** What a manager edits: the template set and the dispute ladder, kept in the case store's site. */
export interface EditableSettings {
  readonly templates: readonly EmailTemplate[];
  readonly ladder: readonly LadderStage[];
}

export interface StoredSettings extends EditableSettings {
  readonly version: string;
}

export interface SettingsStore {
  /** The saved settings, or the defaults when nothing has been saved yet (version ""). */
  read(signal?: AbortSignal): Promise<StoredSettings>;
  /** Saves on `version` only; otherwise ConflictError and nothing is written. */
  save(settings: EditableSettings, version: string, signal?: AbortSignal): Promise<StoredSettings>;
}
