import type { ExportFormat } from "@/lib/export/response";
import type { FilterDeclarations } from "./declaration";
import { selectionSchemaOf, type Selection } from "./selection";
import { filtersOf, parseListState, type UrlDeclaration } from "./url-state";

export type ExportRequest<S extends string, F extends FilterDeclarations> = {
  format: ExportFormat;
  selection: Selection<F>;
  /** the list's current sort: the file's rows come in the order the screen showed them */
  order: { sort: S; dir: "asc" | "desc" };
  /** the columns picked, in the declaration's order; null: every column */
  fields: string[] | null;
};

/**
 * What an export URL asks for — `format=csv|xlsx`, either `ids=1,2,3` or the list's own
 * filter parameters ("all matching"), the list's `sort` and `dir`, and `fields=a,b` (the column
 * picker). Unlike the list page, which shows a safe view when a value is bad, an export refuses:
 * a mistyped `customer=abc` must not quietly export every row. Page, cursor and `cols` (the
 * screen's toggles) are ignored.
 */
export function parseExportRequest<S extends string, F extends FilterDeclarations>(declaration: UrlDeclaration<S, F>, query: URLSearchParams): ExportRequest<S, F> | null {
  const format = query.get("format");
  if (format !== "csv" && format !== "xlsx") return null;
  const { params, notices } = parseListState(declaration, Object.fromEntries(query));
  if (notices.some((notice) => notice === "badFilter" || notice === "searchTruncated" || notice === "badSort")) return null;
  const ids = query.get("ids");
  let candidate: unknown;
  if (ids !== null) {
    if (!/^\d+(,\d+)*$/.test(ids)) return null;
    candidate = { ids: [...new Set(ids.split(",").map(Number))] };
  } else {
    candidate = { filters: filtersOf(declaration, params) };
  }
  const selection = selectionSchemaOf({ filters: declaration.filters, search: declaration.search }).safeParse(candidate);
  if (!selection.success) return null;
  const picked = query.get("fields");
  let fields: string[] | null = null;
  if (picked !== null) {
    const known = declaration.columns.map((column) => column.key);
    const wanted = new Set(picked.split(","));
    if (wanted.size === 0 || [...wanted].some((key) => !known.includes(key))) return null;
    fields = known.filter((key) => wanted.has(key));
  }
  return { format, selection: selection.data, order: { sort: params.sort, dir: params.dir }, fields };
}
