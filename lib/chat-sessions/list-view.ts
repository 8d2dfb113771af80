import "server-only";
import { getEntityLabel } from "@/lib/lookups/search-entities";
import { ENTITY_FILTER_KEYS, OPTIONAL_COLUMNS, type FilterLabels, type ListNotice, type ListParams, type OptionalColumn } from "./list-params";
import { countSessions, listSessions } from "./list-query";
import { db } from "@/lib/db";

/**
 * Everything the list page shows for one URL: the rows, the bounded count, the labels of the
 * chosen filters (a filter naming a user, product or order that does not exist is dropped, with a notice).
 */
export async function loadSessionsView(parsed: { params: ListParams; notices: ListNotice[] }, savedColumns: string | undefined) {
  const params = { ...parsed.params };
  const notices = new Set(parsed.notices);
  const found = await Promise.all(ENTITY_FILTER_KEYS.map((key) => (params[key] != null ? getEntityLabel(key, params[key]) : null)));
  const labels = Object.fromEntries(ENTITY_FILTER_KEYS.map((key, index) => [key, found[index] ?? null])) as FilterLabels;
  for (const key of ENTITY_FILTER_KEYS) {
    if (params[key] != null && labels[key] == null) {
      params[key] = null;
      notices.add("badFilter");
    }
  }
  const [page, total, anySession] = await Promise.all([
    listSessions(params),
    countSessions(params),
    db.chatSession.findFirst({ select: { id: true } }),
  ]);
  const visibleColumns: OptionalColumn[] =
    params.columns ?? (savedColumns ?? "").split(",").filter((c): c is OptionalColumn => (OPTIONAL_COLUMNS as readonly string[]).includes(c));
  return { params, notices: [...notices], page, total, anySessions: anySession != null, visibleColumns, labels };
}
