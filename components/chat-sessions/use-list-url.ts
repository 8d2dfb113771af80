"use client";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useOptimistic, useTransition } from "react";
import { serializeListParams, type EntityFilterKey, type ListParams } from "@/lib/chat-sessions/list-params";

/**
 * Writes a new view of the list into the URL (the list's only state). Changing what is shown
 * (search, filters, sort, size) starts again at page 1; paging keeps the rest.
 */
export function useListUrl(current: ListParams, locked: readonly EntityFilterKey[] = []) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  // Controls show the new view at once; the rows follow when the server has answered.
  const [params, setOptimisticParams] = useOptimistic(current, (_shown: ListParams, next: ListParams) => next);
  const go = useCallback(
    (next: ListParams, history: "push" | "replace") => {
      // A page's own scope (the user on a user page) is implied by its path, not repeated in the query.
      const query = serializeListParams({ ...next, ...Object.fromEntries(locked.map((key) => [key, null])) }).toString();
      startTransition(() => {
        setOptimisticParams(next);
        router[history](query ? `${pathname}?${query}` : pathname, { scroll: false });
      });
    },
    [router, pathname, setOptimisticParams, locked],
  );
  // Each view is a history entry, so back and forward walk through them; typing a search
  // replaces its entry instead of leaving one per keystroke.
  const change = useCallback(
    (patch: Partial<ListParams>) => go({ ...current, ...patch, after: null, before: null, page: 1 }, "push"),
    [current, go],
  );
  const search = useCallback((q: string) => go({ ...current, q, after: null, before: null, page: 1 }, "replace"), [current, go]);
  const page = useCallback((patch: Pick<ListParams, "after" | "before" | "page">) => go({ ...current, ...patch }, "push"), [current, go]);
  return { params, change, search, page, pending };
}
