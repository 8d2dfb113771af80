"use client";
import { createContext, useContext, useMemo, type ReactNode } from "react";
import type { Locale } from "./config";
import { catalogs, type CatalogOf, type Namespace } from "./catalogs";
import { makeTranslate, type Translate } from "./translate";
import type { Messages } from "./define";

const LocaleContext = createContext<Locale>("ar");

export function LocaleProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  return <LocaleContext.Provider value={locale}>{children}</LocaleContext.Provider>;
}

export function useLocale(): Locale {
  return useContext(LocaleContext);
}

export function useT<N extends Namespace>(namespace: N): Translate<CatalogOf<N>> {
  return useUncheckedT(namespace) as Translate<CatalogOf<N>>;
}

/**
 * The catalog for keys that arrive as data — a zod issue's message, a server's field error, a word
 * a declaration names — so are known only as strings: a key the catalog lacks shows as itself.
 */
export function useUncheckedT(namespace: Namespace): Translate<Messages> {
  const locale = useLocale();
  return useMemo(() => makeTranslate(locale, catalogs[namespace][locale] as Messages), [locale, namespace]);
}
