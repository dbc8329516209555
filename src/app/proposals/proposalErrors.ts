import { ErrorForPeople } from "../../domain/errorForPeople.js";
import { formatUkDate } from "../../domain/calendar/ukDate.js";
import type { IsoDate } from "../../domain/calendar/isoDate.js";

/** Something about proposed times the IRO has to put right; the message says what, and nothing has been done. */
export class ProposalError extends ErrorForPeople {
  constructor(message: string) {
    super(message);
  }
}

/** The holds ran out: a time cannot be confirmed from them without proposing again. */
export class HoldsExpired extends ProposalError {
  constructor(expiresOn: IsoDate) {
    super(`These times were held until ${formatUkDate(expiresOn)} and have expired: propose times again to book one. Nothing has been booked.`);
  }
}

/** Someone said they cannot come at the time chosen: the IRO is asked before it is confirmed. */
export class DeclinedTime extends ProposalError {
  constructor(readonly who: readonly string[]) {
    super(`${who.join(", ")} said they cannot come at this time. Confirm it anyway?`);
  }
}
