/**
 * An error whose message is written for the person using IRO Desk: what went wrong and what to do,
 * in the service's words. The rules, the use cases and the ports throw these, and a pane shows the
 * message as it is; any other error is not shown raw (it may say nothing useful, or too much).
 */
export class ErrorForPeople extends Error {
  constructor(message?: string) {
    super(message);
    this.name = new.target.name;
  }
}
