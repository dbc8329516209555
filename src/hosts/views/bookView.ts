import type { View } from "../root/view.js";

/** Book a review or conference: opens for an appointment being written. */
export const bookView: View = {
  id: "book",
  label: "Book",
  opensFor: (item) => item.appointment !== null,
  pane: "BookingPane",
  load: async () => (await import("../../ui/BookingPane.js")).BookingPane,
};
