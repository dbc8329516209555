/** A true-or-false setting: the value given, else the default; anything else is named in `errors`. */
export function readSettingFlag(input: Readonly<Record<string, unknown>>, key: string, fallback: boolean, errors: string[]): boolean {
  const value = input[key];
  if (value === undefined) return fallback;
  if (typeof value === "boolean") return value;
  errors.push(`settings.${key} should be true or false`);
  return fallback;
}
