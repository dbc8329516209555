/**
 * The legal status codes of the children looked after return (SSDA903, field LS), in the words of
 * the DfE's guidance for the return, for tables a board reads. A code the list does not know is
 * shown as itself.
 */
const LEGAL_STATUS_WORDS: Readonly<Record<string, string>> = {
  C1: "Interim care order",
  C2: "Full care order",
  D1: "Freeing order granted",
  E1: "Placement order granted",
  J1: "Remanded to local authority or youth detention accommodation",
  J2: "Placed in local authority accommodation under the Police and Criminal Evidence Act 1984",
  J3: "Sentenced to a youth rehabilitation order with a residence or fostering requirement",
  L1: "Under police protection and in local authority accommodation",
  L2: "Emergency protection order",
  L3: "Under a child assessment order and in local authority accommodation",
  V2: "Single period of accommodation under section 20 (Children Act 1989)",
  V3: "Agreed series of short-term breaks (individual episodes recorded)",
  V4: "Agreed series of short-term breaks (agreements recorded)",
};

/** "C2 Full care order"; an unknown code as itself, an empty one as "Not recorded". */
export function legalStatusWords(code: string): string {
  if (code.trim() === "") return "Not recorded";
  const words = LEGAL_STATUS_WORDS[code];
  return words ? `${code} ${words}` : code;
}
