// What every server action returns: data, or an error the UI can show in the user's language.
// `message` is a key of the `common` catalog (or of the action's own namespace, as documented
// beside the action); `fieldErrors` maps form fields to catalog keys, as zod issues carry them.
export type ActionError = {
  code: "invalid" | "forbidden" | "not_found" | "conflict" | "unavailable" | "rate_limited";
  message: string;
  fieldErrors?: Record<string, string>;
};
export type ActionResult<T> = { ok: true; data: T } | { ok: false; error: ActionError };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function fail(code: ActionError["code"], message: string, fieldErrors?: Record<string, string>): ActionResult<never> {
  return { ok: false, error: { code, message, ...(fieldErrors ? { fieldErrors } : {}) } };
}
