// Errors that domain functions throw and actions show. Kept apart from lib/action.ts so that lib/ modules
// (and their integration tests) need not load Auth.js to refuse something.

/** An expected refusal: its message is shown to the person as it is. */
export class ActionError extends Error {}

/** Answered exactly like an id that does not exist, so another tenant's ids reveal nothing. */
export class NotFoundError extends ActionError {
  constructor() {
    super("Not found. It may have been removed, or you may not have access to it.");
  }
}

/** A refusal about one field of the form: shown next to that field (and as the form's message). */
export class FieldError extends ActionError {
  constructor(readonly field: string, message: string) {
    super(message);
  }
}
