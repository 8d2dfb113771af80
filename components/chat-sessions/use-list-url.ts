"use client";
import { usePathname, useRouter } from "next/navigation";
import { useCallback, useTransition } from "react";
import { serializeListParams, type ListParams } from "@/lib/chat-sessions/list-params";

/**
 * Writes a new view of the list into the URL (the list's only state). Changing what is shown
 * (search, filters, sort, size) starts again at page 1; paging keeps the rest.
 */
export function useListUrl(current: ListParams) {
  const router = useRouter();
  const pathname = usePathname();
  const [pending, startTransition] = useTransition();
  const go = useCallback(
    (next: ListParams) => {
      const query = serializeListParams(next).toString();
      startTransition(() => router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false }));
    },
    [router, pathname],
  );
  const change = useCallback(
    (patch: Partial<ListParams>) => go({ ...current, ...patch, after: null, before: null, page: 1 }),
    [current, go],
  );
  const page = useCallback((patch: Pick<ListParams, "after" | "before" | "page">) => go({ ...current, ...patch }), [current, go]);
  return { change, page, pending };
}
