import { z } from "zod";

// The list's whole state lives in the URL. This module parses it once, on the server, into a
// typed object; a bad value falls back to its default and leaves a notice, it never throws.

export const SORT_KEYS = ["product", "customer", "vendor", "messages", "lastMessage", "created", "updated"] as const;
export type SortKey = (typeof SORT_KEYS)[number];
/** The PostgreSQL type of each sort's column: a cursor's value is compared as one. */
export const SORT_VALUE_TYPES: Record<SortKey, "text" | "int" | "timestamptz"> = {
  product: "text",
  customer: "text",
  vendor: "text",
  messages: "int",
  lastMessage: "timestamptz",
  created: "timestamptz",
  updated: "timestamptz",
};
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const OPTIONAL_COLUMNS = ["createdAt", "updatedAt"] as const;
export type OptionalColumn = (typeof OPTIONAL_COLUMNS)[number];
const MAX_SEARCH_LENGTH = 200;
/**
 * Remembers a user's choice of optional columns when the URL does not say. One cookie per user,
 * so two people taking turns on one browser each keep their own.
 */
export function columnsCookieName(userId: number): string {
  return `chatSessionColumns_${userId}`;
}

/** The filters that name a row of another table (FLT-1..3, and REL-2's order). */
export const ENTITY_FILTER_KEYS = ["customer", "vendor", "product", "order"] as const;
export type EntityFilterKey = (typeof ENTITY_FILTER_KEYS)[number];

/** What the chips and dropdowns show for each chosen filter. */
export type FilterLabels = Record<EntityFilterKey, string | null>;

export type SessionFilters = {
  q: string;
  customer: number | null;
  vendor: number | null;
  product: number | null;
  order: number | null;
  unread: boolean;
  recent: boolean;
};

/** A view with no search and no filter. */
export const NO_FILTERS: SessionFilters = { q: "", customer: null, vendor: null, product: null, order: null, unread: false, recent: false };

export type Cursor = { value: string | number; id: number };

export type ListParams = SessionFilters & {
  sort: SortKey;
  dir: "asc" | "desc";
  size: (typeof PAGE_SIZES)[number];
  /** keyset position: rows after (next pages) or before (previous pages) this one */
  after: Cursor | null;
  before: Cursor | null;
  /** the page number shown to the user; it does not drive the query */
  page: number;
  columns: OptionalColumn[] | null;
};

export type ListNotice = "badSort" | "badPage" | "badPageSize" | "badFilter" | "searchTruncated" | "badCursor";

export const DEFAULT_PARAMS: ListParams = {
  ...NO_FILTERS,
  sort: "lastMessage",
  dir: "desc",
  size: 25,
  after: null,
  before: null,
  page: 1,
  columns: null,
};

const MAX_ID = 2_147_483_647;
const idSchema = z.coerce.number().int().min(1).max(MAX_ID);
const cursorSchema = z.tuple([z.union([z.string().max(1000), z.number()]), z.number().int().min(1).max(MAX_ID)]);

// base64url of UTF-8 JSON, written with web APIs because the browser builds these URLs too.
export function encodeCursor(cursor: Cursor): string {
  const bytes = new TextEncoder().encode(JSON.stringify([cursor.value, cursor.id]));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function decodeCursor(raw: string): Cursor | null {
  try {
    const binary = atob(raw.replace(/-/g, "+").replace(/_/g, "/"));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const parsed = cursorSchema.safeParse(JSON.parse(json));
    return parsed.success ? { value: parsed.data[0], id: parsed.data[1] } : null;
  } catch {
    return null;
  }
}

/**
 * Whether a decoded cursor's value is one the sort's column could hold, as the list writes them:
 * a string for names (without NUL, which PostgreSQL text cannot hold), an int4 for counts, and a
 * `toISOString()` time. Anything else would fail in PostgreSQL's cast, so it is refused before.
 */
function cursorFitsSort(cursor: Cursor, sort: SortKey): boolean {
  const { value } = cursor;
  switch (SORT_VALUE_TYPES[sort]) {
    case "text":
      return typeof value === "string" && !value.includes("\u0000");
    case "int":
      return typeof value === "number" && Number.isInteger(value) && Math.abs(value) <= MAX_ID;
    case "timestamptz":
      return typeof value === "string" && /^\d{4}-/.test(value) && !Number.isNaN(Date.parse(value)) && new Date(value).toISOString() === value;
  }
}

type RawParams = Record<string, string | string[] | undefined>;

function first(raw: RawParams, key: string): string | undefined {
  const value = raw[key];
  return Array.isArray(value) ? value[0] : value;
}

export function parseListParams(raw: RawParams): { params: ListParams; notices: ListNotice[] } {
  const notices = new Set<ListNotice>();
  const params: ListParams = { ...DEFAULT_PARAMS };

  const q = first(raw, "q") ?? "";
  params.q = q.slice(0, MAX_SEARCH_LENGTH).trim();
  if (q.length > MAX_SEARCH_LENGTH) notices.add("searchTruncated");

  for (const key of ENTITY_FILTER_KEYS) {
    const value = first(raw, key);
    if (value === undefined || value === "") continue;
    const parsed = idSchema.safeParse(value);
    if (parsed.success) params[key] = parsed.data;
    else notices.add("badFilter");
  }
  params.unread = first(raw, "unread") === "1";
  params.recent = first(raw, "recent") === "1";

  const sort = first(raw, "sort");
  if (sort !== undefined) {
    if ((SORT_KEYS as readonly string[]).includes(sort)) params.sort = sort as SortKey;
    else notices.add("badSort");
  }
  const dir = first(raw, "dir");
  if (dir === "asc" || dir === "desc") params.dir = dir;
  else if (dir !== undefined) notices.add("badSort");

  const size = first(raw, "size");
  if (size !== undefined) {
    const parsed = Number(size);
    if ((PAGE_SIZES as readonly number[]).includes(parsed)) params.size = parsed as ListParams["size"];
    else notices.add("badPageSize");
  }

  const page = first(raw, "page");
  if (page !== undefined) {
    const parsed = z.coerce.number().int().min(1).max(1_000_000).safeParse(page);
    if (parsed.success) params.page = parsed.data;
    else notices.add("badPage");
  }
  for (const key of ["after", "before"] as const) {
    const value = first(raw, key);
    if (!value) continue;
    const cursor = decodeCursor(value);
    if (cursor && cursorFitsSort(cursor, params.sort)) params[key] = cursor;
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
    params.columns = cols.split(",").filter((column): column is OptionalColumn => (OPTIONAL_COLUMNS as readonly string[]).includes(column));
  }
  return { params, notices: [...notices] };
}

/** The URL query for a view: only what differs from the defaults, so links stay short. */
export function serializeListParams(params: Partial<ListParams>): URLSearchParams {
  const merged = { ...DEFAULT_PARAMS, ...params };
  const query = new URLSearchParams();
  if (merged.q) query.set("q", merged.q);
  for (const key of ENTITY_FILTER_KEYS) if (merged[key] != null) query.set(key, String(merged[key]));
  if (merged.unread) query.set("unread", "1");
  if (merged.recent) query.set("recent", "1");
  if (merged.sort !== DEFAULT_PARAMS.sort || merged.dir !== DEFAULT_PARAMS.dir) {
    query.set("sort", merged.sort);
    query.set("dir", merged.dir);
  }
  if (merged.size !== DEFAULT_PARAMS.size) query.set("size", String(merged.size));
  if (merged.after) query.set("after", encodeCursor(merged.after));
  if (merged.before) query.set("before", encodeCursor(merged.before));
  if ((merged.after || merged.before) && merged.page > 1) query.set("page", String(merged.page));
  if (merged.columns) query.set("cols", merged.columns.join(","));
  return query;
}

export function activeFilterCount(filters: SessionFilters): number {
  return ENTITY_FILTER_KEYS.filter((key) => filters[key] != null).length + Number(filters.unread) + Number(filters.recent);
}

/** The zod schema of a filter set, as the bulk actions and the export receive it. */
export const filtersSchema = z.object({
  q: z.string().max(MAX_SEARCH_LENGTH).default(""),
  customer: idSchema.nullable().default(null),
  vendor: idSchema.nullable().default(null),
  product: idSchema.nullable().default(null),
  order: idSchema.nullable().default(null),
  unread: z.boolean().default(false),
  recent: z.boolean().default(false),
});
