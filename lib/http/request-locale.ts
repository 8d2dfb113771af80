import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/config";

/** The language the user's cookie names (pages, server actions, the panel's sign-in), else Arabic. */
export function cookieLocale(cookieHeader: string | undefined): Locale {
  const value = new RegExp(`(?:^|;\\s*)${LOCALE_COOKIE}=([^;]*)`).exec(cookieHeader ?? "")?.[1];
  return isLocale(value) ? value : DEFAULT_LOCALE;
}

/** The mobile API caller's language: ?lang=, else Accept-Language, else Arabic. */
export function apiLocale(url: URL, acceptLanguage: string | null | undefined): Locale {
  const fromQuery = url.searchParams.get("lang");
  if (isLocale(fromQuery)) return fromQuery;
  return /^\s*en\b/i.test(acceptLanguage ?? "") ? "en" : "ar";
}
