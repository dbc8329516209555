/**
 * The single-value extended property that tags a calendar event with its case reference, so the
 * caseload finds a child's bookings with one $filter. The GUID is IRO Desk's own property set.
 */
export const CASE_REF_PROPERTY = "String {6b3f2c1a-8d4e-4f5a-9b7c-2e1d0a9f8c3b} Name IroDeskCaseRef";
/** Which statutory event a booking is for, e.g. "lac-review 3". */
export const EVENT_KIND_PROPERTY = "String {6b3f2c1a-8d4e-4f5a-9b7c-2e1d0a9f8c3b} Name IroDeskEvent";
