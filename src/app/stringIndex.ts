/**
 * A numbered set of strings (a case reference, a child's identifier → 0, 1, 2 …) in a few typed
 * arrays: a million keys take about 35 MB, where a Map of strings takes three times that and
 * keeps the garbage collector busy. Keys are stored as UTF-16 code units; an open-addressing hash
 * table (FNV-1a) finds them.
 */
export class StringIndex {
  private chars = new Uint16Array(1 << 16);
  private used = 0;
  private starts = new Int32Array(1 << 12);
  /** Each key's hash, by key number: growing the table places keys by it without reading them again, and a probe compares it before the characters. */
  private hashes = new Int32Array(1 << 12);
  private count = 0;
  /** Slots hold key number + 1; 0 is empty. Kept at most half full. */
  private slots = new Int32Array(1 << 13);

  get size(): number {
    return this.count;
  }

  /** The key's number, or -1 when it is not in the index. */
  indexOf(key: string): number {
    const h = hash(key);
    const mask = this.slots.length - 1;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return -1;
      if (this.hashes[entry - 1] === h && this.equals(entry - 1, key)) return entry - 1;
    }
  }

  /** The key's number: the one it has, or the next one if it is new. */
  add(key: string): number {
    const h = hash(key);
    const mask = this.slots.length - 1;
    let slot = h & mask;
    for (; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) break;
      if (this.hashes[entry - 1] === h && this.equals(entry - 1, key)) return entry - 1;
    }
    const index = this.count++;
    if (this.count + 1 > this.starts.length) this.starts = grow(this.starts, this.count + 1);
    if (this.count > this.hashes.length) this.hashes = grow(this.hashes, this.count);
    this.hashes[index] = h;
    if (this.used + key.length > this.chars.length) this.chars = grow(this.chars, this.used + key.length);
    for (let i = 0; i < key.length; i++) this.chars[this.used + i] = key.charCodeAt(i);
    this.starts[index] = this.used;
    this.used += key.length;
    this.starts[index + 1] = this.used;
    this.slots[slot] = index + 1;
    if (this.count * 2 > this.slots.length) this.rehash();
    return index;
  }

  keyAt(index: number): string {
    let key = "";
    for (let i = this.starts[index]!; i < this.starts[index + 1]!; i++) key += String.fromCharCode(this.chars[i]!);
    return key;
  }

  /** Whether key `index` is exactly text[start, end): read where it is in the text, no string cut. */
  keyIs(index: number, text: string, start: number, end: number): boolean {
    const at = this.starts[index]!;
    if (this.starts[index + 1]! - at !== end - start) return false;
    for (let i = 0; i < end - start; i++) if (this.chars[at + i] !== text.charCodeAt(start + i)) return false;
    return true;
  }

  private equals(index: number, key: string): boolean {
    return this.keyIs(index, key, 0, key.length);
  }

  private rehash(): void {
    const slots = new Int32Array(this.slots.length * 2);
    const mask = slots.length - 1;
    for (let index = 0; index < this.count; index++) {
      let slot = this.hashes[index]! & mask;
      while (slots[slot] !== 0) slot = (slot + 1) & mask;
      slots[slot] = index + 1;
    }
    this.slots = slots;
  }
}

/** FNV-1a over the UTF-16 code units, as a signed 32-bit number (as an Int32Array keeps it). */
function hash(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}

/**
 * A typed array twice as big (or as big as needed), keeping what it holds. Twice rather than half
 * as big again: each copy is memory the system maps page by page, and growing by half copies a
 * column three times its size on the way to it, by double two (an import of 100,000 children
 * touches about 6 MB less).
 */
export function grow<T extends Int32Array | Uint16Array>(array: T, atLeast: number): T {
  const bigger = new (array.constructor as new (length: number) => T)(Math.max(atLeast, array.length * 2));
  bigger.set(array);
  return bigger;
}
