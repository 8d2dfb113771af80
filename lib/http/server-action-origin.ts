import type { IncomingHttpHeaders } from "node:http";
import { catalogs } from "@/lib/i18n/catalogs";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";

/**
 * A server action posted from another site (the Origin's host is not the one the request came
 * to). Next refuses these too, as "Invalid Server Actions request", but answers 500; checked first,
 * the refusal is what it is: 403, in the user's language.
 */
export function isCrossOriginServerAction(method: string | undefined, headers: IncomingHttpHeaders): boolean {
  if (method !== "POST" || !headers["next-action"] || !headers.origin) return false;
  const host = [headers["x-forwarded-host"] ?? headers.host].flat()[0]?.split(",")[0]?.trim();
  try {
    return new URL(headers.origin).host !== host;
  } catch {
    return true; // "null" or garbage: not the panel
  }
}

/** The refusal's text, in the language the user's cookie names. */
export function crossOriginRefusal(headers: IncomingHttpHeaders): string {
  const locale = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(headers.cookie ?? "")?.[1];
  return catalogs.common[isLocale(locale) ? locale : DEFAULT_LOCALE].forbidden;
}
