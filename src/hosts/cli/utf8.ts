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

/**
 * Text gathered as UTF-8 into pieces of about `size` bytes, each given to `write` once full (and
 * the last by `flush`). A piece gathered as one long string is a tree of thousands of short ones,
 * walked and copied (out of the processor's cache) before it can be encoded; here each string is
 * encoded as it is added. Each piece is a new buffer, so one given to a stream may still be being
 * written while the next is gathered (`iro-desk due`'s output; the register `iro-desk import`
 * writes synchronously reuses one: JsonBytes). A string is never split between two pieces.
 */
export class Utf8Pieces {
  private bytes: Buffer;
  private used = 0;

  constructor(private readonly size: number, private readonly write: (piece: Uint8Array) => void) {
    this.bytes = Buffer.allocUnsafe(size);
  }

  /**
   * Adds the text. Short ASCII text (a CSV row's cells) is copied code unit by code unit: a call
   * into the runtime to encode a dozen bytes costs more than the copy, and a row written cell by
   * cell is never made into a string of its own.
   */
  add(text: string): void {
    const n = text.length;
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    this.makeRoom(n * 3);
    if (n <= 32) {
      const bytes = this.bytes;
      let at = this.used;
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) return void (this.used += bytes.write(text, this.used));
        bytes[at++] = c;
      }
      this.used = at;
    } else this.used += this.bytes.write(text, this.used);
  }

  /** Adds a whole number's digits (a minus sign first when it is negative), as String(n) writes them, without making that string. */
  addInteger(n: number): void {
    if (!Number.isSafeInteger(n)) return this.add(String(n));
    this.makeRoom(17);
    if (n < 0) {
      this.bytes[this.used++] = 0x2d;
      n = -n;
    }
    let digits = 1;
    for (let power = 10; power <= n; power *= 10) digits++;
    for (let at = this.used + digits - 1; at >= this.used; at--) {
      this.bytes[at] = 0x30 + (n % 10);
      n = Math.floor(n / 10);
    }
    this.used += digits;
  }

  /** Adds text already encoded (a cell written on many rows is encoded once). */
  addBytes(bytes: Uint8Array): void {
    this.makeRoom(bytes.length);
    this.bytes.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Gives what is gathered to `write` (nothing when nothing is); a new piece starts. */
  flush(): void {
    if (this.used === 0) return;
    const piece = this.bytes.subarray(0, this.used);
    this.bytes = Buffer.allocUnsafe(this.size);
    this.used = 0;
    this.write(piece);
  }

  /** Room for `room` more bytes: what is gathered is written first when they would not fit. */
  private makeRoom(room: number): void {
    if (this.used + room > this.bytes.length) this.flush();
    if (room > this.bytes.length) this.bytes = Buffer.allocUnsafe(room);
  }
}
