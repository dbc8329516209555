/** A case reference (the council's child or carer identifier): never a name, and not any string. */
declare const caseRefBrand: unique symbol;
export type CaseRef = string & { readonly [caseRefBrand]: true };

/** A case reference is 1–40 letters, digits, spaces, '-', '_', '/' or '.', starting with a letter or digit; undefined otherwise. */
export function parseCaseRef(text: string): CaseRef | undefined {
  const trimmed = text.trim();
  return /^[A-Za-z0-9][A-Za-z0-9 \-_/.]{0,39}$/.test(trimmed) ? (trimmed as CaseRef) : undefined;
}
