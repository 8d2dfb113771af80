import { isLocale, type Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/server";

// One error shape for every API answer: a stable code for programs, a message for people.
export type ApiErrorCode =
  | "unauthorized"
  | "forbidden"
  | "chat_disabled"
  | "not_found"
  | "invalid"
  | "malformed_json"
  | "too_large"
  | "conflict"
  | "idempotency_key_reused"
  | "rate_limited"
  | "unavailable"
  | "internal";

/** The caller's language: ?lang=, else Accept-Language, else Arabic. */
function requestLocale(request: Request): Locale {
  const fromQuery = new URL(request.url).searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  const accept = request.headers.get("accept-language") ?? "";
  return /^\s*en\b/i.test(accept) ? "en" : "ar";
}

export function apiError(request: Request, status: number, code: ApiErrorCode, fields?: Record<string, string>): Response {
  const t = translatorFor(requestLocale(request), "api");
  return Response.json({ error: { code, message: t(code), ...(fields ? { fields } : {}) } }, { status });
}
