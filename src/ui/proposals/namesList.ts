/** "Pam Parent, Pat Carer and Jo Marsh": names as a sentence says them. */
export function namesList(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? "nobody";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
