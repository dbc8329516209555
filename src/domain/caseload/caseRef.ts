/** A case reference (the council's child or carer identifier): never a name, and not any string. */
declare const caseRefBrand: unique symbol;
export type CaseRef = string & { readonly [caseRefBrand]: true };

/** A case reference is 1–40 letters, digits, spaces, '-', '_', '/' or '.', starting with a letter or digit; undefined otherwise. */
export function parseCaseRef(text: string): CaseRef | undefined {
  const trimmed = text.trim();
  // Character codes rather than a regular expression: an import reads a million references.
  if (trimmed.length === 0 || trimmed.length > 40 || !isLetterOrDigit(trimmed.charCodeAt(0))) return undefined;
  for (let i = 1; i < trimmed.length; i++) {
    const c = trimmed.charCodeAt(i);
    // space - _ / .
    if (!isLetterOrDigit(c) && c !== 32 && c !== 45 && c !== 95 && c !== 47 && c !== 46) return undefined;
  }
  return trimmed as CaseRef;
}

/** A-Z, a-z or 0-9 (ASCII only). */
function isLetterOrDigit(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}
