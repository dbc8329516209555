/** What a terminal must not be sent (see forTerminal). */
const UNSAFE = "[\\u0000-\\u0008\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u202a-\\u202e\\u2066-\\u2069]";
const ANY_UNSAFE = new RegExp(UNSAFE);
const EVERY_UNSAFE = new RegExp(UNSAFE, "g");

/**
 * Text made safe to show in a terminal: no control characters (escape sequences can move the
 * cursor, rewrite earlier lines, retitle the window or worse), no C1 controls, and no bidirectional
 * overrides or isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source", CVE-2021-42574), which can
 * make a line read differently from what it holds. Tabs and line ends stay. Everything the CLI
 * prints comes from files and Microsoft 365, so everything goes through this (or forTerminalBytes).
 */
export function forTerminal(text: string): string {
  // Looked for first: nearly all text has none, and replacing copies the text even when it
  // removes nothing (a tenth of `iro-desk due`'s instructions for 100,000 cases).
  return ANY_UNSAFE.test(text) ? text.replace(EVERY_UNSAFE, "") : text;
}

/**
 * forTerminal for text already encoded as UTF-8 (what `iro-desk due` writes): the same characters
 * removed, in place. Output made as bytes row by row is never one long string, which V8 must copy
 * flat before a regex can read it (for a million cases, that copy and the regex took a sixth of
 * the run); this reads each byte at most once, most of them four at a time.
 */
export function forTerminalBytes(bytes: Uint8Array): Uint8Array {
  const n = bytes.length;
  let i = firstUnsafe(bytes);
  if (i === n) return bytes;
  let kept = i;
  while (i < n) {
    const b = bytes[i]!;
    const unsafe = b >= 0x20 && b < 0x7f ? 0 : unsafeAt(bytes, i);
    if (unsafe > 0) i += unsafe;
    else bytes[kept++] = bytes[i++]!;
  }
  return bytes.subarray(0, kept);
}

/**
 * Where the first character forTerminal removes starts, or the length when there is none (nearly
 * always). Printable ASCII, nearly every byte, is passed over a 32-bit word at a time where the
 * words are aligned; any other byte is looked at on its own.
 */
function firstUnsafe(bytes: Uint8Array): number {
  const n = bytes.length;
  // Bytes before the first 4-byte boundary are looked at one by one.
  const lead = (4 - (bytes.byteOffset & 3)) & 3;
  const words = n - lead >= 4 ? new Uint32Array(bytes.buffer, bytes.byteOffset + lead, (n - lead) >> 2) : new Uint32Array(0);
  let i = 0;
  while (i < n) {
    if (i >= lead && ((i - lead) & 3) === 0) {
      let w = (i - lead) >> 2;
      while (w < words.length && printableAscii(words[w]!)) w++;
      i = lead + w * 4;
      if (i >= n) break;
    }
    const b = bytes[i]!;
    if ((b < 0x20 || b >= 0x7f) && unsafeAt(bytes, i) > 0) return i;
    i++;
  }
  return n;
}

/**
 * Whether all four bytes of a word are printable ASCII (0x20–0x7E): a byte below 0x20 borrows into
 * its top bit when 0x20 is taken from it, one of 0x7F or more has it set or sets it when 1 is
 * added. A carry or borrow between bytes starts only at a byte that is itself not printable.
 */
function printableAscii(word: number): boolean {
  return ((word - 0x20202020) | (word + 0x01010101) | word) & 0x80808080 ? false : true;
}

/** How many bytes at `i` are one character forTerminal removes (0: none), as UTF-8 writes them. */
function unsafeAt(bytes: Uint8Array, i: number): number {
  const b = bytes[i]!;
  if (b < 0x20) return b === 0x09 || b === 0x0a || b === 0x0d ? 0 : 1;
  if (b === 0x7f) return 1;
  const next = bytes[i + 1];
  // U+0080–U+009F (C1 controls): C2 80–C2 9F.
  if (b === 0xc2) return next !== undefined && next >= 0x80 && next <= 0x9f ? 2 : 0;
  // U+061C (Arabic letter mark): D8 9C.
  if (b === 0xd8) return next === 0x9c ? 2 : 0;
  if (b !== 0xe2) return 0;
  const last = bytes[i + 2];
  if (last === undefined) return 0;
  // U+200E, U+200F: E2 80 8E–8F; U+202A–U+202E: E2 80 AA–AE; U+2066–U+2069: E2 81 A6–A9.
  if (next === 0x80) return last === 0x8e || last === 0x8f || (last >= 0xaa && last <= 0xae) ? 3 : 0;
  return next === 0x81 && last >= 0xa6 && last <= 0xa9 ? 3 : 0;
}
