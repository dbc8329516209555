import { fromDayNumber, toDayNumber, type IsoDate } from "../domain/calendar/isoDate.js";

/** Text given to JsonBytes.ascii as its bytes, made once (the text must be ASCII: one byte a character). */
export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

const encoder = new TextEncoder();

/**
 * JSON gathered as UTF-8 bytes, written where it will be written from: `iro-desk import` writes
 * a register of a million children, and made as strings each child's JSON was joined, then
 * flattened and encoded again before it could be written. Fixed parts are copied from bytes made
 * once (asciiBytes), dates from their text made once a day; other text is encoded.
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
    const k = dayNumber - FIRST_KEPT_DAY;
    if (k < 0 || k >= KEPT_DAYS) return this.plainString(fromDayNumber(dayNumber));
    if (dayKept[k] === 0) keepDay(dayNumber);
    this.room(12);
    const b = this.bytes;
    let at = this.length;
    b[at++] = QUOTE;
    for (let i = k * 10; i < k * 10 + 10; i++) b[at++] = dayTexts[i]!;
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

/**
 * The ISO text of each day from 1900 to 2099 once it has been written (dayKept: 1), ten bytes a
 * day: a register's dates are a few thousand days met again and again (a million children have
 * six million dates), and copying ten bytes is several times quicker than working out the date.
 * Memory the system maps only when written: a few pages.
 */
const FIRST_KEPT_DAY = toDayNumber("1900-01-01" as IsoDate);
const KEPT_DAYS = toDayNumber("2100-01-01" as IsoDate) - FIRST_KEPT_DAY;
const dayTexts = new Uint8Array(KEPT_DAYS * 10);
const dayKept = new Uint8Array(KEPT_DAYS);

function keepDay(dayNumber: number): void {
  const k = dayNumber - FIRST_KEPT_DAY;
  const text = fromDayNumber(dayNumber);
  for (let i = 0; i < 10; i++) dayTexts[k * 10 + i] = text.charCodeAt(i);
  dayKept[k] = 1;
}
