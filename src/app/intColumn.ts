import { grow } from "./stringIndex.js";

/** A growing column of whole numbers: a million records' fields kept in one typed array, not a million objects. */
export class IntColumn {
  private data = new Int32Array(1024);
  length = 0;

  push(value: number): number {
    if (this.length === this.data.length) this.data = grow(this.data, this.length + 1);
    this.data[this.length] = value;
    return this.length++;
  }

  get(i: number): number {
    return this.data[i]!;
  }

  set(i: number, value: number): void {
    this.data[i] = value;
  }
}
