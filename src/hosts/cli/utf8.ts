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
 * Text gathered as UTF-8 into pieces of about `size` bytes, each string encoded as it is added.
 * A piece gathered as one long string is a tree of thousands of short ones, walked and copied
 * (out of the processor's cache) before it can be encoded. Each piece is a new buffer, so one
 * given to a stream may still be being written while the next is gathered (`iro-desk due`'s
 * output; the register `iro-desk import` writes synchronously reuses one: JsonBytes).
 */
export class Utf8Pieces {
  private bytes: Buffer;
  private used = 0;

  constructor(private readonly size: number) {
    this.bytes = Buffer.allocUnsafe(size);
  }

  /** Adds the text; returns the piece gathered before it when the text did not fit (to be written). */
  add(text: string): Uint8Array | undefined {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    const room = text.length * 3;
    const full = this.used + room > this.bytes.length ? this.take() : undefined;
    if (room > this.bytes.length) this.bytes = Buffer.allocUnsafe(room);
    this.used += this.bytes.write(text, this.used);
    return full;
  }

  /** What is gathered (a new piece starts). */
  take(): Uint8Array {
    const piece = this.bytes.subarray(0, this.used);
    this.bytes = Buffer.allocUnsafe(this.size);
    this.used = 0;
    return piece;
  }
}
