/**
 * Text made safe to show in a terminal: no control characters (escape sequences can move the
 * cursor, rewrite earlier lines, retitle the window or worse), no C1 controls, and no bidirectional
 * overrides or isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source", CVE-2021-42574), which can
 * make a line read differently from what it holds. Tabs and line ends stay. Everything the CLI
 * prints comes from files and Microsoft 365, so everything goes through this.
 */
export function forTerminal(text: string): string {
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
}
