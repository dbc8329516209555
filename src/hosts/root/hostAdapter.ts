import type { IsoDate } from "../../domain/calendar/isoDate.js";
import type { Instant } from "../../domain/calendar/londonTime.js";
import type { Clipboard } from "../../ports/Clipboard.js";
import type { DraftStore } from "../../ports/DraftStore.js";
import type { HostItem } from "../../ports/Host.js";
import type { TokenProvider } from "../../ports/TokenProvider.js";
import type { HostConfig } from "./hostConfig.js";

export interface Person {
  readonly address: string;
  readonly name: string;
}

/**
 * What one surface (Outlook, Teams, the extension, a sandbox preview) gives the composition root.
 * Everything else a pane needs is built from the configuration in one place (composeEnv), so a
 * preview differs from Outlook only here: its item is a stand-in appointment, compose box, inbox
 * or meeting, and its tokens are the sandbox's.
 */
export interface HostAdapter {
  /** Who is signed in, when the host says so without a network call (Outlook's mailbox profile); null asks Graph's /me. */
  readonly user: Person | null;
  /**
   * Who signs in, as the host knows it before any network call (a sign-in name, not necessarily
   * the mailbox address): it names this person's copy on the device. Null: no copy is kept.
   */
  readonly account: string | null;
  /** Graph tokens for this configuration: the sandbox's for a demo user, or the host's Microsoft 365 sign-in. */
  tokens(config: HostConfig): TokenProvider;
  /** What the user has open now (an appointment being written, an email, a meeting), read again on every change. */
  item(): HostItem;
  /** Calls back when the user moves to another item (a pinned Outlook pane); returns the unsubscribe. */
  onItemChanged?(listener: () => void): () => void;
  /** Drafts kept on this device, per user. */
  readonly drafts: DraftStore;
  /** The host's page shows a pane's kept picture on the next open (Outlook's task pane: ui/keptPicture.ts); elsewhere none is kept. */
  readonly showsPictures?: boolean;
  /** The clipboard, where the host has its own (by default the page's). */
  readonly clipboard?: Clipboard;
  /** A fixed clock (previews and tests pin the day); by default today in London. */
  readonly clock?: { readonly today: () => IsoDate; readonly now: () => Instant };
}
