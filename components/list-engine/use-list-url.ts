"use client";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useOptimistic, useTransition } from "react";
import type { FilterDeclarations } from "@/lib/list-engine/declaration";
import { serializeListState, type ListState, type UrlDeclaration } from "@/lib/list-engine/url-state";

/**
 * Writes a new view of the list into the URL (the list's only state). Changing what is shown
 * (search, filters, sort, size) starts again at page 1; paging keeps the rest. `locked` filters
 * are the page's own scope (the user on a user page): implied by its path, not repeated in the query.
 */
export function useListUrl<S extends string, F extends FilterDeclarations>(declaration: UrlDeclaration<S, F>, current: ListState<S, F>, locked: readonly string[] = []) {
  type State = ListState<S, F>;
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // Controls show the new view at once; the rows follow when the server has answered.
  const [params, setOptimisticParams] = useOptimistic(current, (_shown: State, next: State) => next);
  const go = useCallback(
    (next: State, history: "push" | "replace") => {
      const query = serializeListState(declaration, { ...next, ...Object.fromEntries(locked.map((key) => [key, null])) }).toString();
      startTransition(() => {
        setOptimisticParams(next);
        router[history](query ? `${pathname}?${query}` : pathname, { scroll: false });
      });
    },
    [declaration, router, pathname, setOptimisticParams, locked],
  );
  // Each view is a history entry, so back and forward walk through them; typing a search
  // replaces its entry instead of leaving one per keystroke.
  const change = useCallback((patch: Partial<State>) => go({ ...current, ...patch, after: null, before: null, page: 1 }, "push"), [current, go]);
  const search = useCallback((q: string) => go({ ...current, q, after: null, before: null, page: 1 }, "replace"), [current, go]);
  const page = useCallback((patch: Pick<State, "after" | "before" | "page">) => go({ ...current, ...patch }, "push"), [current, go]);
  return { params, change, search, page, pending };
}
