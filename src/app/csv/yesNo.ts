/**
 * A yes/no cell as spreadsheets and exports write it: Y, yes, true or N, no, false in any case, an
 * empty cell being no; undefined for anything else (never guessed).
 */
export function yesNo(text: string): boolean | undefined {
  const word = text.trim().toLowerCase();
  if (word === "" || word === "n" || word === "no" || word === "false") return false;
  if (word === "y" || word === "yes" || word === "true") return true;
  return undefined;
}
