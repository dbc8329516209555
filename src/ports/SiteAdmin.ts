import type { EditableSettings } from "./SettingsStore.js";

/** The column types IRO Desk's lists use: single-line text, multi-line text (JSON), number, yes/no. */
export type ColumnKind = "text" | "note" | "number" | "boolean";

/** A column a list needs: its internal name, its type, and whether the queries need it indexed. */
export interface ColumnSpec {
  readonly name: string;
  readonly kind: ColumnKind;
  readonly indexed: boolean;
}

/** A list IRO Desk needs in the service's site. `name` is what the configuration names it by. */
export interface ListSpec {
  readonly name: string;
  readonly description: string;
  readonly columns: readonly ColumnSpec[];
  /** The settings list holds the service's one settings item. */
  readonly holdsSettings: boolean;
}

/** A column as the site has it. `kind` is "other" for a type IRO Desk does not use. */
export interface SiteColumn {
  readonly id: string;
  readonly name: string;
  readonly kind: ColumnKind | "other";
  readonly indexed: boolean;
}

export interface SiteList {
  readonly id: string;
  readonly name: string;
  readonly columns: readonly SiteColumn[];
}

/**
 * What setting up a service's site needs (an administrator's rights on that site): find, create and
 * complete lists, columns and indexes, and the one settings item.
 */
export interface SiteAdmin {
  /** The site's name and address, or NotFoundError. */
  describeSite(signal?: AbortSignal): Promise<{ readonly id: string; readonly displayName: string; readonly webUrl: string }>;
  findList(name: string, signal?: AbortSignal): Promise<SiteList | null>;
  createList(spec: ListSpec, signal?: AbortSignal): Promise<SiteList>;
  addColumn(listId: string, column: ColumnSpec, signal?: AbortSignal): Promise<void>;
  indexColumn(listId: string, columnId: string, signal?: AbortSignal): Promise<void>;
  /** The settings items in the list (the service's one item, or more left by an older version), oldest first. */
  settingsItems(listId: string, signal?: AbortSignal): Promise<readonly { readonly id: string; readonly version: string }[]>;
  createSettingsItem(listId: string, settings: EditableSettings, signal?: AbortSignal): Promise<void>;
}
