"use client";
import { useMemo } from "react";
import { useT, useUncheckedT } from "@/lib/i18n/client";
import type { CatalogOf, Namespace } from "@/lib/i18n/catalogs";
import type { MessageValue } from "@/lib/i18n/define";
import { ROW_WORD_KEYS, type ListViewWords, type RowWordKey } from "./list-words";

/** A catalog that phrases the row words for its own rows ("Select session 7"). */
type PhrasingNamespace = { [N in Namespace]: CatalogOf<N> extends Record<RowWordKey, MessageValue> ? N : never }[Namespace];

const phrased = new Set<string>(ROW_WORD_KEYS);

/** The list engine's words (the `listEngine` catalog), with the row words of `section`'s catalog when its rows have a name of their own. */
export function useListWords(section?: PhrasingNamespace): ListViewWords {
  const engine = useT("listEngine");
  const own = useUncheckedT(section ?? "listEngine");
  return useMemo(() => (key, vars) => (phrased.has(key) ? own(key, vars) : engine(key, vars)), [engine, own]);
}
