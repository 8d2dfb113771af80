import "server-only";
import { cookies } from "next/headers";
import { cache } from "react";
import { DEFAULT_LOCALE, LOCALE_COOKIE, isLocale, type Locale } from "./config";
import { catalogs, type CatalogOf, type Namespace } from "./catalogs";
import { makeTranslate, type Translate } from "./translate";
import type { Messages } from "./define";

export const getLocale = cache(async (): Promise<Locale> => {
  const value = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(value) ? value : DEFAULT_LOCALE;
});

export async function getTranslator<N extends Namespace>(namespace: N): Promise<Translate<CatalogOf<N>>> {
  const locale = await getLocale();
  return translatorFor(locale, namespace);
}

export function translatorFor<N extends Namespace>(locale: Locale, namespace: N): Translate<CatalogOf<N>> {
  return uncheckedTranslatorFor(locale, namespace) as Translate<CatalogOf<N>>;
}

/** For keys that arrive as data (a declaration's words): known only as strings; a key the catalog lacks shows as itself. */
export function uncheckedTranslatorFor(locale: Locale, namespace: Namespace): Translate<Messages> {
  return makeTranslate(locale, catalogs[namespace][locale] as Messages);
}
