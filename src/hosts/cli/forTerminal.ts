/** What a terminal must not be sent (see forTerminal). */
const UNSAFE = "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]";
const ANY_UNSAFE = new RegExp(UNSAFE);
const EVERY_UNSAFE = new RegExp(UNSAFE, "g");

/**
 * Text made safe to show in a terminal: no control characters (escape sequences can move the
 * cursor, rewrite earlier lines, retitle the window or worse), no C1 controls, and no bidirectional
 * overrides or isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source", CVE-2021-42574), which can
 * make a line read differently from what it holds. Tabs and line ends stay. Everything the CLI
 * prints comes from files and Microsoft 365, so everything goes through this.
 */
export function forTerminal(text: string): string {
  // Looked for first: nearly all text has none, and replacing copies the text even when it
  // removes nothing (a tenth of `iro-desk due`'s instructions for 100,000 cases).
  return ANY_UNSAFE.test(text) ? text.replace(EVERY_UNSAFE, "") : text;
}
