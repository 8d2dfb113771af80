import { catalogs } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/config";
import { apiLocale } from "@/lib/http/request-locale";

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

/** The error's JSON, in the caller's language (also written by scripts/serve.ts, before the app). */
export function apiErrorBody(locale: Locale, code: ApiErrorCode, fields?: Record<string, string>) {
  return { error: { code, message: catalogs.api[locale][code], ...(fields ? { fields } : {}) } };
}

export function apiError(request: Request, status: number, code: ApiErrorCode, fields?: Record<string, string>): Response {
  return Response.json(apiErrorBody(apiLocale(new URL(request.url), request.headers.get("accept-language")), code, fields), { status });
}
