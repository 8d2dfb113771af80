import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DateRange, FilterDeclarations, FilterValues, ListViewer } from "./declaration";
import type { Selection } from "./selection";
import type { ListFilters } from "./url-state";

/**
 * Where a section's rows come from, in SQL: the section's queries file states this once, next to
 * its declaration. Names are SQL written by the section, never taken from the URL.
 */
export type ListSource<S extends string, F extends FilterDeclarations> = {
  /** the table (or a join) the rows are read from */
  from: Prisma.Sql;
  /** the select list, aliased to the row type's fields */
  select: Prisma.Sql;
  /** the id column, qualified if `from` joins */
  id: string;
  /** each sort's column; an index on (column, id) backs each one (tests/integration/list-sort-indexes.test.ts) */
  sortColumns: Record<S, string>;
  /** the search condition for a non-empty term */
  search?: (term: string) => Prisma.Sql;
  /**
   * The same search as a walk tests it on each row it passes, for a search on a joined table's
   * column: a subquery per row, which the planner cannot turn into a join. Given the join's form,
   * the planner joins the matching rows first and sorts them all, so the "walk" it is asked for is
   * no walk: the audit log searched by a busy actor's name (90,000 of 300,000 entries) took
   * 247 ms that way and 1.7 ms walked (plan.ts races the two forms).
   */
  searchRowByRow?: (term: string) => Prisma.Sql;
  /** each filter's condition: a column compared for equality (entity, choice) or a day range, or SQL (given who looks, for `me`) */
  filters: { [K in keyof F]: string | ((value: NonNullable<FilterValues<F>[K]>, viewer: ListViewer | null) => Prisma.Sql) };
  /**
   * The sorts in whose order an index holds each filter's matches (vendor and the last message on
   * (vendor_id, last_message_at)): a page narrowed by such filters alone is read by walking that
   * index, a page's rows whatever the number of matches (plan.ts).
   */
  indexedSorts?: { [K in keyof F]?: readonly S[] };
  /**
   * The sorts, and the direction, in which a filter's matches sit at the far end of the order
   * (the last 7 days oldest-created first: the sessions active this week are mostly the newest),
   * so that a walk that way passes most of the table before it meets them: a page narrowed by
   * such a filter and read that way is read matches first without trying the walk (plan.ts).
   */
  farSorts?: { [K in keyof F]?: Partial<Record<S, "asc" | "desc">> };
  /**
   * The sorts in whose order a search's matches sit together: names, where a search for a first
   * name finds a run of neighbours ('يوسف…' at the far end of the users by name ascending, at the
   * start of them descending). A walk's density, estimated as if matches were spread evenly, says
   * nothing there, so the matches' read starts sooner beside the walk (plan.ts).
   */
  searchClusters?: readonly S[];
};

function filterCondition(column: string, value: unknown): Prisma.Sql {
  const name = Prisma.raw(column);
  if (typeof value === "object" && value !== null && "from" in value) {
    const range = value as DateRange;
    const from = range.from ? Prisma.sql`AND ${name} >= ${range.from}::date` : Prisma.empty;
    const to = range.to ? Prisma.sql`AND ${name} < ${range.to}::date + 1` : Prisma.empty;
    return Prisma.sql`TRUE ${from} ${to}`;
  }
  return Prisma.sql`${name} = ${value}`;
}

/**
 * The conditions of a search and filter set, one per active part; none when nothing narrows the
 * list. `viewer` is who looks (or acts): what a filter's `me` means; null: nobody is "me".
 * `search`: the source's search in the form wanted (a walk's: `searchRowByRow`).
 */
export function filterConditions<S extends string, F extends FilterDeclarations>(
  source: ListSource<S, F>,
  filters: ListFilters<F>,
  viewer: ListViewer | null = null,
  search: ListSource<S, F>["search"] = source.search,
): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [];
  if (filters.q && search) conditions.push(search(filters.q));
  for (const { condition, value } of activeFilters(source, filters)) {
    conditions.push(typeof condition === "string" ? filterCondition(condition, value) : condition(value, viewer));
  }
  return conditions;
}

type ActiveFilter = { key: string; condition: string | ((value: unknown, viewer: ListViewer | null) => Prisma.Sql); value: unknown };

/** The filters of a filter set that narrow the list (a value, or a toggle that is on). */
function activeFilters<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, filters: ListFilters<F>): ActiveFilter[] {
  const values = filters as Record<string, unknown>;
  return (Object.entries(source.filters) as [string, ActiveFilter["condition"]][])
    .map(([key, condition]) => ({ key, condition, value: values[key] }))
    .filter(({ value }) => value != null && value !== false);
}

/** Whether a filter set, read in `sort`'s order, is filters alone that an index holds in that order (`indexedSorts`). */
export function hasIndexedSort<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, filters: ListFilters<F>, sort: S): boolean {
  if (filters.q && source.search) return false;
  const active = activeFilters(source, filters);
  const indexed = source.indexedSorts as Partial<Record<string, readonly S[]>> | undefined;
  return active.length > 0 && active.every(({ key }) => indexed?.[key]?.includes(sort) === true);
}

/** The direction in which, in `sort`'s order, an active filter's matches sit at the far end (`farSorts`); null if none does. */
export function farDirection<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, filters: ListFilters<F>, sort: S): "asc" | "desc" | null {
  const far = source.farSorts as Partial<Record<string, Partial<Record<S, "asc" | "desc">>>> | undefined;
  for (const { key } of activeFilters(source, filters)) {
    const direction = far?.[key]?.[sort];
    if (direction) return direction;
  }
  return null;
}

/** Whether a search's matches sit together in `sort`'s order (`searchClusters`). */
export function searchClustered<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, filters: ListFilters<F>, sort: S): boolean {
  return Boolean(filters.q && source.search && source.searchClusters?.includes(sort));
}

/** All of `conditions` as one WHERE clause (TRUE when there are none). */
export const allOf = (conditions: Prisma.Sql[]): Prisma.Sql => Prisma.join([Prisma.sql`TRUE`, ...conditions], " AND ");

/** The WHERE conditions of a search and filter set; shared by the list, the count, bulk actions and the export. */
export function filtersSql<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, filters: ListFilters<F>, viewer: ListViewer | null = null): Prisma.Sql {
  return allOf(filterConditions(source, filters, viewer));
}

/** The conditions that pick a selection's rows: its ids, or its filters. */
function selectionConditions<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, selection: Selection<F>, viewer: ListViewer | null = null): Prisma.Sql[] {
  return "ids" in selection ? [Prisma.sql`${Prisma.raw(source.id)} = ANY(${selection.ids}::int[])`] : filterConditions(source, selection.filters, viewer);
}

export function selectionSql<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, selection: Selection<F>, viewer: ListViewer | null = null): Prisma.Sql {
  return allOf(selectionConditions(source, selection, viewer));
}
