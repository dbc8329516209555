/** A row that could not be used, said so a person can find and fix it. */
export interface ImportProblem {
  readonly file: string;
  /** The line in the file (the header is line 1). */
  readonly row: number;
  readonly column: string;
  readonly reason: string;
}

export interface CsvFile {
  readonly name: string;
  readonly text: string;
}
