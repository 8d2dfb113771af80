import type { DomainErrorCode, ErrorKey } from "@/lib/errors";

// What every server action returns: data, or an error the UI can show in the user's language.
// `message` is a key of the domain's error vocabulary (lib/errors.ts; the client turns it into
// words with useActionError); `fieldErrors` maps form fields to keys of the form's catalog, as zod
// issues carry them. "internal" and "unavailable" are the server's failures (nothing was wrong
// with the input: the user may try the same again); the others are answers about the input or the caller.
export type ActionError = {
  code: DomainErrorCode;
  message: ErrorKey;
  fieldErrors?: Record<string, string>;
};
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(code: DomainErrorCode, message: ErrorKey, fieldErrors?: Record<string, string>): ActionResult<never> {
  return { ok: false, error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
}

/** A failure of the server, not an answer about the input: the same request may succeed if tried again. */
export function isServerFailure(error: ActionError): boolean {
  return error.code === "internal" || error.code === "unavailable";
}
