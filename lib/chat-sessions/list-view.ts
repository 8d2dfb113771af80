import "server-only";
import { getEntityLabel } from "@/lib/lookups/search-entities";
import { OPTIONAL_COLUMNS, type ListNotice, type ListParams, type OptionalColumn } from "./list-params";
import { countSessions, listSessions } from "./list-query";
import { db } from "@/lib/db";

/**
 * Everything the list page shows for one URL: the rows, the bounded count, the labels of the
 * chosen filters (a filter naming a user or product that does not exist is dropped, with a notice).
 */
export async function loadSessionsView(parsed: { params: ListParams; notices: ListNotice[] }, savedColumns: string | undefined) {
  const params = { ...parsed.params };
  const notices = new Set(parsed.notices);
  const [customer, vendor, product] = await Promise.all([
    params.customer ? getEntityLabel("customer", params.customer) : null,
    params.vendor ? getEntityLabel("vendor", params.vendor) : null,
    params.product ? getEntityLabel("product", params.product) : null,
  ]);
  for (const [key, label] of [["customer", customer], ["vendor", vendor], ["product", product]] as const) {
    if (params[key] != null && label == null) {
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
  return { params, notices: [...notices], page, total, anySessions: anySession != null, visibleColumns, labels: { customer, vendor, product } };
}
