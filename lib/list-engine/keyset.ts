import "server-only";
import { present } from "@/lib/present";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows, rowsInBatches } from "@/lib/db";
import type { Cursor } from "./cursor";
import type { FilterDeclarations, ListDeclaration, ListViewer } from "./declaration";
import { farDirection, filterConditions, filtersSql, hasIndexedSort, searchClustered, selectionSql, type ListSource } from "./list-source";
import { readPage, type PageConditions } from "./plan";
import type { Selection } from "./selection";
import type { ListFilters, ListState } from "./url-state";

export type ListPage<Row> = { rows: Row[]; nextCursor: Cursor | null; previousCursor: Cursor | null };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SortDeclaration<Row extends { id: number }, S extends string> = Pick<ListDeclaration<Row, S, any, any>, "sorts">;

/**
 * `indexed`: an index holds the conditions' matches in the sort's order (plan.ts walks it);
 * `far`: the direction in which they sit at the far end of it (read that way, matches first);
 * `clustered`: a search's matches sit together in it, at one end or the other.
 */
type Seek<S extends string> = { sort: S; dir: "asc" | "desc"; size: number; after: Cursor | null; before: Cursor | null; indexed: boolean; far: "asc" | "desc" | null; clustered: boolean };

/**
 * One page by keyset ("seek") pagination: the rows after or before a cursor (sort value, id) in
 * the order (sort column, id) are an index range scan, so page 2,000 costs what page 1 costs —
 * OFFSET would read and throw away every row before it. `conditions` narrow the rows (filters or
 * a selection); when they do, the read plan is chosen by the shape of the request (plan.ts).
 */
async function seekPage<Row extends { id: number }, S extends string, F extends FilterDeclarations>(
  declaration: SortDeclaration<Row, S>,
  source: ListSource<S, F>,
  conditions: PageConditions,
  seek: Seek<S>,
): Promise<ListPage<Row>> {
  const sort = declaration.sorts[seek.sort];
  const column = Prisma.raw(source.sortColumns[seek.sort]);
  const id = Prisma.raw(source.id);
  const backwards = seek.before != null;
  const cursor = seek.before ?? seek.after;
  // Reading backwards flips the order; the rows are turned round again below.
  const descending = (seek.dir === "desc") !== backwards;
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const after = cursor ? [Prisma.sql`(${column}, ${id}) ${Prisma.raw(descending ? "<" : ">")} (${cursor.value}::${Prisma.raw(sort.type)}, ${cursor.id})`] : [];
  const plan = seek.indexed ? "walk" : seek.far === (descending ? "desc" : "asc") ? "matchesFirst" : seek.clustered ? "clustered" : "choose";
  const fetched = await readPage<Row, S, F>(source, conditions, after, { column, direction, limit: seek.size + 1 }, plan);
  const hasMore = fetched.length > seek.size;
  const rows = fetched.slice(0, seek.size);
  if (backwards) rows.reverse();
  const cursorOf = (row: Row | undefined): Cursor | null => (row ? { value: sort.read(row), id: row.id } : null);
  return {
    rows,
    nextCursor: backwards || hasMore ? cursorOf(rows.at(-1)) : null,
    previousCursor: (backwards ? hasMore : seek.after != null) ? cursorOf(rows[0]) : null,
  };
}

/** The page of a list view. */
export async function listPage<Row extends { id: number }, S extends string, F extends FilterDeclarations>(
  declaration: SortDeclaration<Row, S>,
  source: ListSource<S, F>,
  params: ListState<S, F>,
  viewer: ListViewer | null = null,
): Promise<ListPage<Row>> {
  const matches = filterConditions(source, params, viewer);
  const rowByRow = params.q ? source.searchRowByRow : undefined;
  const conditions = { matches, walk: rowByRow ? filterConditions(source, params, viewer, rowByRow) : matches, unseen: rowByRow !== undefined };
  return seekPage<Row, S, F>(declaration, source, conditions, {
    ...params,
    indexed: hasIndexedSort(source, params, params.sort),
    far: farDirection(source, params, params.sort),
    clustered: searchClustered(source, params, params.sort),
  });
}

/**
 * The list says "1–25 of 1,000+" past this many matches: an exact count(*) over a million sessions
 * costs several times a capped one (figures beside the bench that measures them:
 * scripts/bench/list.ts). Nobody pages through a thousand rows by hand, and "select all matching"
 * acts on the filters, not on this number.
 */
export const COUNT_CAP = 1_000;

/** How many rows match, counted up to COUNT_CAP (a bounded scan, never the whole table). */
export async function countMatching<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, filters: ListFilters<F>, viewer: ListViewer | null = null): Promise<{ count: number; capped: boolean }> {
  const [counted] = await countEach(source, [filters], COUNT_CAP, viewer);
  return present(counted, "the count");
}

/**
 * How many rows match each of several filter sets (a list's tabs), each counted up to `cap`, in
 * one statement: one round trip however many tabs, each a bounded scan through its filters' index.
 */
export async function countEach<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, filterSets: ListFilters<F>[], cap: number, viewer: ListViewer | null = null): Promise<{ count: number; capped: boolean }[]> {
  if (filterSets.length === 0) return [];
  const counts = filterSets.map(
    (filters, index) => Prisma.sql`(SELECT count(*)::int FROM (SELECT 1 FROM ${source.from} WHERE ${filtersSql(source, filters, viewer)} LIMIT ${cap + 1}) matching) AS ${Prisma.raw(`"c${index}"`)}`,
  );
  const [row] = await queryRows<Record<string, number>>(Prisma.sql`SELECT ${Prisma.join(counts, ", ")}`);
  return filterSets.map((_, index) => {
    const count = row?.[`c${index}`] ?? 0;
    return { count: Math.min(count, cap), capped: count > cap };
  });
}

// Rows a FETCH of an export: what it holds of them in memory at a time (issue 16: 500 a FETCH took
// ~1.5× as long as 2,000 for 200,000 rows, with the same peak heap).
export const EXPORT_BATCH = 2_000;

/**
 * The statement of the selected rows in the list's own order (sort, direction, id): the matches
 * read first and sorted after (`OFFSET 0` keeps the planner from reading them in the order of the
 * sort's index instead). An export reads every match, and an index walk fetches their rows one at
 * a time all over the table where a scan reads each page once: at 1M sessions the whole table's
 * CSV statement took 11.0 s walked, 7.8 s scanned and sorted; a workbook's, in psql, 15.4 s
 * walked and 3.6 s scanned and sorted, on a table whose rows 300,000 updates had moved (issue 16).
 * Its rows carry the sort's two values as two more columns (export_sort_value, export_sort_id),
 * which a statement that projects its own (csv-in-sql.ts) leaves out.
 */
export function rowsInOrderSql<S extends string, F extends FilterDeclarations>(
  source: ListSource<S, F>,
  selection: Selection<F>,
  order: { sort: S; dir: "asc" | "desc" },
  viewer: ListViewer | null = null,
): Prisma.Sql {
  const column = Prisma.raw(source.sortColumns[order.sort]);
  const id = Prisma.raw(source.id);
  const direction = Prisma.raw(order.dir === "desc" ? "DESC" : "ASC");
  const where = selectionSql(source, selection, viewer);
  const matches = Prisma.sql`SELECT ${source.select}, ${column} AS export_sort_value, ${id} AS export_sort_id FROM ${source.from} WHERE ${where} OFFSET 0`;
  return Prisma.sql`SELECT * FROM (${matches}) AS export_matches ORDER BY export_sort_value ${direction}, export_sort_id ${direction}`;
}

/**
 * The selected rows in the list's own order, a batch at a time, so memory stays flat and stopping
 * the loop — the browser cancelled — stops the reading. One statement through a cursor (lib/db.ts
 * rowsInBatches): a search or filter runs once, and the table is read once, whatever the selection
 * (every row, all matching, ticked ids).
 */
export function rowsInOrder<Row extends { id: number }, S extends string, F extends FilterDeclarations>(
  source: ListSource<S, F>,
  selection: Selection<F>,
  order: { sort: S; dir: "asc" | "desc" },
  viewer: ListViewer | null = null,
): AsyncGenerator<Row[]> {
  return rowsInBatches<Row>(rowsInOrderSql(source, selection, order, viewer), EXPORT_BATCH);
}
