import type { IsoDate } from "../domain/calendar/isoDate.js";

/** Where "today" comes from. The domain never reads a clock; hosts pass today in through this port. */
export interface Clock {
  /** Today's calendar date in Europe/London, whatever the machine's own zone. */
  today(): IsoDate;
}
