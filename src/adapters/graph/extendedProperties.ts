/**
 * The single-value extended property that tags a calendar event with its case reference, so the
 * caseload finds a child's bookings with one $filter. The GUID is IRO Desk's own property set.
 */
export const CASE_REF_PROPERTY = "String {6b3f2c1a-8d4e-4f5a-9b7c-2e1d0a9f8c3b} Name IroDeskCaseRef";
/** Which statutory event a booking is for, e.g. "lac-review 3". */
export const EVENT_KIND_PROPERTY = "String {6b3f2c1a-8d4e-4f5a-9b7c-2e1d0a9f8c3b} Name IroDeskEvent";

/**
 * Where Outlook keeps an add-in's custom properties (item.loadCustomPropertiesAsync): one named
 * property per add-in, "cecp-" and the add-in's id from addin-manifest.xml, holding JSON. A booking
 * filled into an appointment through Office.js carries the case there, not in CASE_REF_PROPERTY.
 * (learn.microsoft.com/office/dev/add-ins/outlook/metadata-for-an-outlook-add-in, checked 2026-11)
 */
export const ADDIN_ID = "3f0c9a52-7d1e-4b6a-9c2f-5e8d1a7b4c36";
export const OUTLOOK_CUSTOM_PROPERTIES = `String {00020329-0000-0000-C000-000000000046} Name cecp-${ADDIN_ID}`;
