import { later } from "./later.js";

/**
 * Booking one child (attendees, free times, the invitation), fetched when a child is chosen: the
 * panes' first content is the list of children, and this is most of the rest of their code.
 */
export const BookChildLater = later(() => import("./BookChild.js").then((m) => m.BookChild));
