"use client";
import { useMemo } from "react";
import { useT, useUncheckedT } from "@/lib/i18n/client";
import { useListWords } from "./use-list-words";
import type { CatalogOf } from "@/lib/i18n/catalogs";

type ResourceKey = keyof CatalogOf<"resources"> & string;
/** A list's name, when the catalog has its three words: `<name>Title`, `<name>Search` and `<name>Empty`. */
type ResourceName = {
  [K in ResourceKey]: K extends `${infer N}Title` ? (`${N}Search` extends ResourceKey ? (`${N}Empty` extends ResourceKey ? N : never) : never) : never;
}[ResourceKey];

/**
 * The words of a list whose catalog is `resources` (users, products, orders): its title, search
 * and empty state by name, headers and value labels by key, `filter_<key>` for each filter, and a
 * choice's options as `<prefix><value>` (e.g. `status_paid`).
 */
export function useResourceText(name: ResourceName, optionPrefix = "") {
  const t = useT("resources");
  const listWords = useListWords();
  const word = useUncheckedT("resources");
  const text = useMemo(() => {
    return {
      title: t(`${name}Title`),
      search: t(`${name}Search`),
      empty: t(`${name}Empty`),
      words: word,
      label: (key: string) => word(`filter_${key}`),
      option: (_key: string, value: string) => (optionPrefix ? word(`${optionPrefix}${value}`) : value),
    };
  }, [t, word, name, optionPrefix]);
  return { t: listWords, text };
}
