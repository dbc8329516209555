import { BookingPane } from "../../ui/BookingPane.js";
import type { View } from "../root/view.js";

/** Book a review or conference: opens for an appointment being written. In the first download of the Outlook task pane. */
export const bookView: View = {
  id: "book",
  label: "Book",
  opensFor: (item) => item.appointment !== null,
  load: async () => BookingPane,
};
