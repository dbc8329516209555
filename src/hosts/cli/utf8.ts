const encoder = new TextEncoder();

/**
 * The text as UTF-8, in one pass: a string given to a stream is measured, then encoded (two
 * passes), and the CLI writes hundreds of megabytes for a million cases. A UTF-16 code unit is at
 * most 3 bytes of UTF-8 (a surrogate pair, two units, is 4).
 */
export function utf8(text: string): Uint8Array {
  const bytes = Buffer.allocUnsafe(text.length * 3);
  return bytes.subarray(0, encoder.encodeInto(text, bytes).written);
}
