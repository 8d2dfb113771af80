import type { ExportFormat } from "@/lib/export/response";
import { ENTITY_FILTER_KEYS, parseListParams } from "../list-params";
import { selectionSchema, type Selection } from "../selection";

export type ExportRequest = { format: ExportFormat; selection: Selection };

/**
 * BULK-3: what the export URL asks for — `format=csv|xlsx` and either `ids=1,2,3` or the list's
 * own filter parameters ("all matching"). Unlike the list page, which shows a safe view when a
 * filter is bad, an export refuses: a mistyped `customer=abc` must not quietly export every
 * session. Sort, page and column parameters are ignored (the export runs in id order).
 */
export function parseExportRequest(query: URLSearchParams): ExportRequest | null {
  const format = query.get("format");
  if (format !== "csv" && format !== "xlsx") return null;
  const ids = query.get("ids");
  let candidate: unknown;
  if (ids !== null) {
    if (!/^\d+(,\d+)*$/.test(ids)) return null;
    candidate = { ids: [...new Set(ids.split(",").map(Number))] };
  } else {
    const { params, notices } = parseListParams(Object.fromEntries(query));
    if (notices.includes("badFilter") || notices.includes("searchTruncated")) return null;
    const { q, unread, recent } = params;
    candidate = { filters: { q, unread, recent, ...Object.fromEntries(ENTITY_FILTER_KEYS.map((key) => [key, params[key]])) } };
  }
  const parsed = selectionSchema.safeParse(candidate);
  return parsed.success ? { format, selection: parsed.data } : null;
}
