import { ErrorForPeople } from "../domain/errorForPeople.js";

/**
 * What can go wrong talking to the tenant, as the app layer sees it: each error says in plain
 * words what happened and whether trying again later can help.
 */
export class PortError extends ErrorForPeople {
  constructor(message: string, readonly retryable: boolean) {
    super(message);
  }
}

/** Someone else changed the record since it was read: reload and redo the change; nothing was overwritten. */
export class ConflictError extends PortError {
  constructor(what: string) {
    super(`${what} was changed by someone else since you opened it. Reload to see their change, then make yours again: nothing has been overwritten.`, false);
  }
}

export class NotFoundError extends PortError {
  constructor(what: string) {
    super(`${what} could not be found: it may have been deleted.`, false);
  }
}

/** Not signed in, or the sign-in has expired. */
export class AuthError extends PortError {
  constructor(detail: string) {
    super(`Sign-in needed: ${detail}`, false);
  }
}

/** Microsoft 365 kept asking us to slow down, or was unavailable, after every retry. */
export class BusyError extends PortError {
  constructor(attempts: number) {
    super(`Microsoft 365 is busy and did not answer after ${attempts} tries. Nothing was saved twice; try again in a minute.`, true);
  }
}

/** No answer in time, on a request that is not safe to repeat: it may or may not have happened. */
export class UncertainError extends PortError {
  constructor(what: string) {
    super(`No answer came in time for ${what}. It may have gone through: check before trying again.`, false);
  }
}

/** The request itself was refused (bad data): the message is Graph's. */
export class RequestError extends PortError {
  constructor(readonly status: number, message: string) {
    super(message, false);
  }
}

/**
 * Microsoft 365 refused this person, or IRO Desk for them, what was asked (403): they are not yet
 * a member of the IRO service's site, or IRO Desk's permissions are not consented to. Trying again
 * will not help; an administrator can put it right.
 */
export class AccessError extends RequestError {
  constructor(what: string, graphSays: string) {
    super(403, `${what}: Microsoft 365 refused you access${graphSays ? ` ("${graphSays}")` : ""}, so nothing was read or changed. Your IRO Desk or Microsoft 365 administrator can give you access to the IRO service's site, or consent to IRO Desk's permissions for your organisation.`);
  }
}

/** The service's settings item is missing or cannot be used: an administrator has to put it right. */
export class SettingsError extends PortError {
  constructor(detail: string) {
    super(`The service's settings cannot be used: ${detail}. An administrator runs "iro-desk provision" for the site (or fixes the settings item) to put this right.`, false);
  }
}

/**
 * Microsoft 365, or the sandbox standing in for it, could not be reached at all (no network, the
 * sandbox not running): not a sign-in problem, and not an answer.
 */
export class UnreachableError extends PortError {
  constructor(message: string) {
    super(message, true);
  }
}
