import { civilFromDayNumber, fromDayNumber } from "../domain/calendar/isoDate.js";

/** Text given to JsonBytes.ascii as its bytes, made once (the text must be ASCII: one byte a character). */
export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

const encoder = new TextEncoder();

/**
 * JSON gathered as UTF-8 bytes, written where it will be written from: `iro-desk import` writes
 * a register of a million children, and made as strings each child's JSON was joined, then
 * flattened and encoded again before it could be written. Fixed parts are copied from bytes made
 * once (asciiBytes), dates written digit by digit from their day numbers; other text is encoded.
 */
export class JsonBytes {
  private bytes: Uint8Array;
  private length = 0;

  /** `capacity`: bytes held before the buffer must grow. */
  constructor(capacity = 1 << 12) {
    this.bytes = new Uint8Array(capacity);
  }

  /** Bytes gathered so far. */
  get size(): number {
    return this.length;
  }

  /** What is gathered: a view of the bytes, not a copy, good until they are cleared. */
  view(): Uint8Array {
    return this.bytes.subarray(0, this.length);
  }

  /** Starts again, in the same buffer (a buffer new each time would be new memory the system must map). */
  clear(): void {
    this.length = 0;
  }

  /** Any text (JSON made by JSON.stringify, say) as UTF-8. */
  text(text: string): void {
    // A UTF-16 code unit is at most 3 bytes of UTF-8.
    this.room(text.length * 3);
    this.length += encoder.encodeInto(text, this.bytes.subarray(this.length)).written;
  }

  /** Bytes made by asciiBytes: the fixed parts of the JSON (keys, punctuation, codes), copied whole. */
  ascii(bytes: Uint8Array): void {
    this.room(bytes.length);
    this.bytes.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** A string JSON.stringify writes as it is between quotes: ASCII, no quote, backslash or control character. */
  plainString(text: string): void {
    this.room(text.length + 2);
    this.bytes[this.length++] = QUOTE;
    for (let i = 0; i < text.length; i++) this.bytes[this.length++] = text.charCodeAt(i);
    this.bytes[this.length++] = QUOTE;
  }

  /** A day number as JSON.stringify writes its ISO date (fromDayNumber): "2026-01-05", quoted. */
  isoDay(dayNumber: number): void {
    const { year, month, day } = civilFromDayNumber(dayNumber);
    // Years of four digits are written digit by digit; any other (none a return can hold) as fromDayNumber writes it.
    if (year < 0 || year > 9999) return this.plainString(fromDayNumber(dayNumber));
    this.room(12);
    const b = this.bytes;
    let at = this.length;
    b[at++] = QUOTE;
    b[at++] = digit((year / 1000) | 0);
    b[at++] = digit((year / 100) | 0);
    b[at++] = digit((year / 10) | 0);
    b[at++] = digit(year);
    b[at++] = HYPHEN;
    b[at++] = digit((month / 10) | 0);
    b[at++] = digit(month);
    b[at++] = HYPHEN;
    b[at++] = digit((day / 10) | 0);
    b[at++] = digit(day);
    b[at++] = QUOTE;
    this.length = at;
  }

  /** Room for `count` more bytes. */
  private room(count: number): void {
    if (this.length + count <= this.bytes.length) return;
    const bigger = new Uint8Array(Math.max(this.bytes.length * 2, this.length + count));
    bigger.set(this.view());
    this.bytes = bigger;
  }
}

const QUOTE = 34;
const HYPHEN = 45;

/** The last decimal digit of a whole number, as its character code (whole numbers kept as such: | 0, not Math.floor, whose remainder is a floating-point one and several times slower). */
function digit(n: number): number {
  return 48 + (n % 10);
}
