"use client";
import { useCallback, useEffect, useState } from "react";
import type { FilterDeclarations } from "@/lib/list-engine/declaration";
import type { Selection } from "@/lib/list-engine/selection";
import type { ListFilters } from "@/lib/list-engine/url-state";

/**
 * The ticked rows, across pages, or "all matching" (acting on the filters, never on a list of
 * ids). A new view (search, filters, sort: `viewKey`) is a new set of rows, so it starts empty.
 */
export function useSelection<F extends FilterDeclarations>(rows: { id: number }[], filters: ListFilters<F>, viewKey: string) {
  const [selected, setSelected] = useState<Set<number>>(new Set());
  const [allMatching, setAllMatching] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the trigger: another view (filters, sort) clears the selection
  useEffect(() => {
    setSelected(new Set());
    setAllMatching(false);
  }, [viewKey]);
  const toggle = useCallback((id: number, on: boolean) => {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);
  const togglePage = useCallback(
    (on: boolean) => {
      setAllMatching(false);
      setSelected(on ? new Set(rows.map((row) => row.id)) : new Set());
    },
    [rows],
  );
  const clear = useCallback(() => {
    setSelected(new Set());
    setAllMatching(false);
  }, []);
  const selection = (): Selection<F> => (allMatching ? { filters } : { ids: [...selected] });
  return { selected, allMatching, selectAllMatching: () => setAllMatching(true), toggle, togglePage, clear, selection };
}
