import { z } from "zod";
import { decodeCursor, encodeCursor, type Cursor } from "./cursor";
import type { DateRange, FilterDeclaration, FilterDeclarations, FilterValues, ListDeclaration } from "./declaration";
import { idSchema as anyIdSchema } from "@/lib/id-schema";

// A list's whole state lives in the URL. It is parsed once, on the server, into a typed object;
// a bad value falls back to its default and leaves a notice, it never throws.

export type ListNotice = "badSort" | "badPage" | "badPageSize" | "badFilter" | "searchTruncated" | "badCursor";

/** What the list shows: search and filters (what matches), and sort, size and keyset position. */
export type ListFilters<F extends FilterDeclarations> = FilterValues<F> & { q: string };
export type ListState<S extends string, F extends FilterDeclarations> = ListFilters<F> & {
  sort: S;
  dir: "asc" | "desc";
  size: number;
  /** keyset position: rows after (next pages) or before (previous pages) this one */
  after: Cursor | null;
  before: Cursor | null;
  /** the page number shown to the user; it does not drive the query */
  page: number;
  /** the toggleable columns shown, when the URL says */
  columns: string[] | null;
};

/** The part of a declaration the URL state depends on (no rows, no words). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type UrlDeclaration<S extends string, F extends FilterDeclarations> = Pick<ListDeclaration<any, S, F, any>, "sorts" | "defaultSort" | "defaultDir" | "pageSizes" | "defaultSize" | "search" | "filters" | "columns">;

/** A page's search parameters as Next hands them over. */
export type RawSearchParams = Record<string, string | string[] | undefined>;
type RawParams = RawSearchParams;

const idSchema = anyIdSchema({ coerce: true });
const assigneeSchema = z.union([z.literal("me"), z.literal("none"), anyIdSchema()]);
const daySchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).refine((day) => !Number.isNaN(Date.parse(`${day}T00:00:00Z`)));
const pageSchema = z.coerce.number().int().min(1).max(1_000_000);

function first(raw: RawParams, key: string): string | undefined {
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
}

const filterEntries = <F extends FilterDeclarations>(filters: F) => Object.entries(filters) as [keyof F & string, FilterDeclaration][];

function emptyValue(filter: FilterDeclaration): null | false {
  return filter.kind === "toggle" ? false : null;
}

/** A view with no search and no filter. */
export function noFilters<F extends FilterDeclarations>(declaration: { filters: F }): ListFilters<F> {
  return { q: "", ...Object.fromEntries(filterEntries(declaration.filters).map(([key, filter]) => [key, emptyValue(filter)])) } as ListFilters<F>;
}

export function defaultState<S extends string, F extends FilterDeclarations>(declaration: UrlDeclaration<S, F>): ListState<S, F> {
  return { ...noFilters(declaration), sort: declaration.defaultSort, dir: declaration.defaultDir, size: declaration.defaultSize, after: null, before: null, page: 1, columns: null };
}

/** A filter's value in the URL: its value, null when absent, or undefined when it is bad. */
function parseFilter(raw: RawParams, key: string, filter: FilterDeclaration): unknown {
  if (filter.kind === "toggle") return first(raw, key) === "1";
  if (filter.kind === "dateRange") {
    const range: DateRange = { from: null, to: null };
    for (const end of ["from", "to"] as const) {
      const value = first(raw, `${key}${end === "from" ? "From" : "To"}`);
      if (value === undefined || value === "") continue;
      if (!daySchema.safeParse(value).success) return undefined;
      range[end] = value;
    }
    return range.from || range.to ? range : null;
  }
  const value = first(raw, key);
  if (value === undefined || value === "") return null;
  if (filter.kind === "assignee" && (value === "me" || value === "none")) return value;
  if (filter.kind === "choice") return filter.options.includes(value) ? value : undefined;
  const parsed = idSchema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export function parseListState<S extends string, F extends FilterDeclarations>(declaration: UrlDeclaration<S, F>, raw: RawParams): { params: ListState<S, F>; notices: ListNotice[] } {
  const notices = new Set<ListNotice>();
  const params: ListState<S, F> = defaultState(declaration);
  const state = params as Record<string, unknown>;

  const q = first(raw, "q") ?? "";
  const maxSearch = declaration.search?.maxLength ?? 0;
  params.q = q.slice(0, maxSearch).trim();
  if (q.length > maxSearch && declaration.search) notices.add("searchTruncated");

  for (const [key, filter] of filterEntries(declaration.filters)) {
    const value = parseFilter(raw, key, filter);
    if (value === undefined) notices.add("badFilter");
    else state[key] = value;
  }

  const sort = first(raw, "sort");
  if (sort !== undefined) {
    if (Object.hasOwn(declaration.sorts, sort)) params.sort = sort as S;
    else notices.add("badSort");
  }
  const dir = first(raw, "dir");
  if (dir === "asc" || dir === "desc") params.dir = dir;
  else if (dir !== undefined) notices.add("badSort");

  const size = first(raw, "size");
  if (size !== undefined) {
    const parsed = Number(size);
    if (declaration.pageSizes.includes(parsed)) params.size = parsed;
    else notices.add("badPageSize");
  }

  const page = first(raw, "page");
  if (page !== undefined) {
    const parsed = pageSchema.safeParse(page);
    if (parsed.success) params.page = parsed.data;
    else notices.add("badPage");
  }
  // A cursor is checked against the type of the sort it belongs to: a text value under a date
  // sort is refused here, not handed to PostgreSQL's cast.
  const sortType = declaration.sorts[params.sort].type;
  for (const key of ["after", "before"] as const) {
    const value = first(raw, key);
    if (!value) continue;
    const cursor = decodeCursor(value, sortType);
    if (cursor) params[key] = cursor;
    else notices.add("badCursor");
  }
  if (params.after && params.before) params.before = null;
  if (notices.has("badCursor")) {
    params.after = null;
    params.before = null;
    params.page = 1;
  }
  if (!params.after && !params.before) params.page = 1;

  const cols = first(raw, "cols");
  if (cols !== undefined) {
    const toggleable = new Set(declaration.columns.filter((column) => column.toggleable).map((column) => column.key));
    params.columns = cols.split(",").filter((column) => toggleable.has(column));
  }
  return { params, notices: [...notices] };
}

/** The URL query for a view: only what differs from the defaults, so links stay short. */
export function serializeListState<S extends string, F extends FilterDeclarations>(declaration: UrlDeclaration<S, F>, params: Partial<ListState<S, F>>): URLSearchParams {
  const defaults = defaultState(declaration);
  const merged = { ...defaults, ...params };
  const state = merged as Record<string, unknown>;
  const query = new URLSearchParams();
  if (merged.q) query.set("q", merged.q);
  for (const [key, filter] of filterEntries(declaration.filters)) {
    const value = state[key];
    if (value == null || value === false) continue;
    if (filter.kind === "toggle") query.set(key, "1");
    else if (filter.kind === "dateRange") {
      const range = value as DateRange;
      if (range.from) query.set(`${key}From`, range.from);
      if (range.to) query.set(`${key}To`, range.to);
    } else query.set(key, String(value));
  }
  if (merged.sort !== defaults.sort || merged.dir !== defaults.dir) {
    query.set("sort", merged.sort);
    query.set("dir", merged.dir);
  }
  if (merged.size !== defaults.size) query.set("size", String(merged.size));
  if (merged.after) query.set("after", encodeCursor(merged.after));
  if (merged.before) query.set("before", encodeCursor(merged.before));
  if ((merged.after || merged.before) && merged.page > 1) query.set("page", String(merged.page));
  if (merged.columns) query.set("cols", merged.columns.join(","));
  return query;
}

/** How many filters are set (the search not counted). */
export function activeFilterCount<F extends FilterDeclarations>(declaration: { filters: F }, filters: FilterValues<F>): number {
  const values = filters as Record<string, unknown>;
  return filterEntries(declaration.filters).filter(([key]) => values[key] != null && values[key] !== false).length;
}

/** Only the search and filters of a view: what "all matching" acts on. */
export function filtersOf<F extends FilterDeclarations>(declaration: { filters: F }, params: ListFilters<F>): ListFilters<F> {
  const values = params as Record<string, unknown>;
  return { q: params.q, ...Object.fromEntries(filterEntries(declaration.filters).map(([key]) => [key, values[key]])) } as ListFilters<F>;
}

function filterSchema(filter: FilterDeclaration): z.ZodType {
  if (filter.kind === "toggle") return z.boolean().default(false);
  if (filter.kind === "entity") return idSchema.nullable().default(null);
  if (filter.kind === "choice") return z.enum(filter.options as [string, ...string[]]).nullable().default(null);
  if (filter.kind === "assignee") return assigneeSchema.nullable().default(null);
  return z.object({ from: daySchema.nullable(), to: daySchema.nullable() }).strict().nullable().default(null);
}

/** The zod schema of a filter set, as bulk actions and exports receive it. */
export function filtersSchemaOf<F extends FilterDeclarations>(declaration: { filters: F; search: { maxLength: number } | null }): z.ZodType<ListFilters<F>, ListFilters<F>> {
  return z.object({
    q: z.string().max(declaration.search?.maxLength ?? 0).default(""),
    ...Object.fromEntries(filterEntries(declaration.filters).map(([key, filter]) => [key, filterSchema(filter)])),
  }) as unknown as z.ZodType<ListFilters<F>, ListFilters<F>>;
}
