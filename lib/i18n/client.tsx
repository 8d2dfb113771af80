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
  const locale = useLocale();
  return useMemo(
    () => makeTranslate(locale, catalogs[namespace][locale] as Messages) as Translate<CatalogOf<N>>,
    [locale, namespace],
  );
}
