// Its own module, so that use cases (and the scripts that run them, e.g. scripts/bench/undo.ts)
// can throw it without loading the auth stack that define-action.ts needs.

/** Thrown by a use case for an outcome the user should be told about (not found, conflict…). */
export class ActionFailure extends Error {
  constructor(
    readonly code: "not_found" | "conflict" | "invalid" | "forbidden" | "rate_limited",
    message: string,
    readonly fieldErrors?: Record<string, string>,
  ) {
    super(message);
  }
}
