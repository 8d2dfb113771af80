import type { IncomingHttpHeaders } from "node:http";
import { catalogs } from "@/lib/i18n/catalogs";
import { cookieLocale } from "./request-locale";

const FORM_CONTENT_TYPE = /^\s*(?:application\/x-www-form-urlencoded|multipart\/form-data)\b/i;

/**
 * A server action posted from another site (the Origin's host is not the one the request came
 * to). Next refuses these too, as "Invalid Server Actions request", but answers 500; checked first,
 * the refusal is what it is: 403, in the user's language. An action is a POST with Next's
 * `Next-Action` header (sent by JavaScript), or a form's POST to a page (a form that works before
 * JavaScript loads names its action in a `$ACTION_ID_…` field of the body): Next runs every
 * multipart POST to a page as a possible action (and, in 16, ignores urlencoded ones); both are
 * refused from another origin, by their content type, so the body is not read.
 * The headers are as believed (lib/http/forwarded.ts): X-Forwarded-Host only from a trusted proxy.
 */
export function isCrossOriginServerAction(method: string | undefined, url: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (method !== "POST" || !headers.origin) return false;
  const isForm = FORM_CONTENT_TYPE.test(headers["content-type"] ?? "") && !(url ?? "").startsWith("/api/");
  if (!headers["next-action"] && !isForm) return false;
  const host = [headers["x-forwarded-host"] ?? headers.host].flat()[0]?.split(",")[0]?.trim();
  try {
    return new URL(headers.origin).host !== host;
  } catch {
    return true; // "null" or garbage: not the panel
  }
}

/** The refusal's text, in the language the user's cookie names. */
export function crossOriginRefusal(headers: IncomingHttpHeaders): string {
  return catalogs.common[cookieLocale(headers.cookie)].forbidden;
}
