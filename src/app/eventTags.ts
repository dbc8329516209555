/**
 * What a tagged calendar event is, from its event-kind tag (the IroDeskEvent extended property):
 * a booking ("lac-review 3"), a hold for a proposed time ("hold lac-review 3 #2"), or a reminder
 * in the chair's calendar ("reminder record lac-review 3"). All three carry the case reference,
 * so one calendar read finds everything about a child; only bookings count as booked.
 */
export type EventTag =
  | { readonly role: "booking"; readonly eventKind: string }
  | { readonly role: "hold"; readonly eventKind: string; readonly option: number }
  | { readonly role: "reminder"; readonly kind: "hold-expiry" | "record"; readonly eventKind: string };

export const holdTag = (eventKind: string, option: number): string => `hold ${eventKind} #${option}`;
export const reminderTag = (kind: "hold-expiry" | "record", eventKind: string): string => `reminder ${kind} ${eventKind}`;

export function parseEventTag(tag: string | null): EventTag | null {
  if (tag === null) return null;
  const hold = /^hold (.+) #(\d)$/.exec(tag);
  if (hold) return { role: "hold", eventKind: hold[1]!, option: Number(hold[2]) };
  const reminder = /^reminder (hold-expiry|record) (.+)$/.exec(tag);
  if (reminder) return { role: "reminder", kind: reminder[1] as "hold-expiry" | "record", eventKind: reminder[2]! };
  return { role: "booking", eventKind: tag };
}
