import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import type { Cursor } from "./cursor";
import type { FilterDeclarations, ListDeclaration } from "./declaration";
import { filtersSql, selectionSql, type ListSource } from "./list-source";
import type { Selection } from "./selection";
import type { ListFilters, ListState } from "./url-state";

export type ListPage<Row> = { rows: Row[]; nextCursor: Cursor | null; previousCursor: Cursor | null };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type SortDeclaration<Row extends { id: number }, S extends string> = Pick<ListDeclaration<Row, S, any, any>, "sorts">;

type Seek<S extends string> = { sort: S; dir: "asc" | "desc"; size: number; after: Cursor | null; before: Cursor | null };

/**
 * One page by keyset ("seek") pagination: the rows after or before a cursor (sort value, id) in
 * the order (sort column, id) are an index range scan, so page 2,000 costs what page 1 costs —
 * OFFSET would read and throw away every row before it. `where` narrows the rows (filters or a
 * selection).
 */
async function seekPage<Row extends { id: number }, S extends string, F extends FilterDeclarations>(
  declaration: SortDeclaration<Row, S>,
  source: ListSource<S, F>,
  where: Prisma.Sql,
  seek: Seek<S>,
): Promise<ListPage<Row> & { hasMore: boolean }> {
  const sort = declaration.sorts[seek.sort];
  const column = Prisma.raw(source.sortColumns[seek.sort]);
  const id = Prisma.raw(source.id);
  const backwards = seek.before != null;
  const cursor = seek.before ?? seek.after;
  // Reading backwards flips the order; the rows are turned round again below.
  const descending = (seek.dir === "desc") !== backwards;
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const after = cursor ? Prisma.sql`AND (${column}, ${id}) ${Prisma.raw(descending ? "<" : ">")} (${cursor.value}::${Prisma.raw(sort.type)}, ${cursor.id})` : Prisma.empty;
  const fetched = await queryRows<Row>(Prisma.sql`
    SELECT ${source.select} FROM ${source.from}
     WHERE ${where} ${after}
     ORDER BY ${column} ${direction}, ${id} ${direction}
     LIMIT ${seek.size + 1}`);
  const hasMore = fetched.length > seek.size;
  const rows = fetched.slice(0, seek.size);
  if (backwards) rows.reverse();
  const cursorOf = (row: Row | undefined): Cursor | null => (row ? { value: sort.read(row), id: row.id } : null);
  return {
    rows,
    hasMore,
    nextCursor: backwards || hasMore ? cursorOf(rows.at(-1)) : null,
    previousCursor: (backwards ? hasMore : seek.after != null) ? cursorOf(rows[0]) : null,
  };
}

/** The page of a list view. */
export async function listPage<Row extends { id: number }, S extends string, F extends FilterDeclarations>(
  declaration: SortDeclaration<Row, S>,
  source: ListSource<S, F>,
  params: ListState<S, F>,
): Promise<ListPage<Row>> {
  const { rows, nextCursor, previousCursor } = await seekPage<Row, S, F>(declaration, source, filtersSql(source, params), params);
  return { rows, nextCursor, previousCursor };
}

/**
 * The list says "1–25 of 1,000+" past this many matches: an exact count(*) over a million sessions
 * costs several times a capped one (figures beside the bench that measures them:
 * scripts/bench/list.ts). Nobody pages through a thousand rows by hand, and "select all matching"
 * acts on the filters, not on this number.
 */
export const COUNT_CAP = 1_000;

/** How many rows match, counted up to COUNT_CAP (a bounded scan, never the whole table). */
export async function countMatching<S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, filters: ListFilters<F>): Promise<{ count: number; capped: boolean }> {
  const [row] = await queryRows<{ count: number }>(Prisma.sql`
    SELECT count(*)::int AS count FROM (SELECT 1 FROM ${source.from} WHERE ${filtersSql(source, filters)} LIMIT ${COUNT_CAP + 1}) matching`);
  const count = row?.count ?? 0;
  return { count: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP };
}

// Rows a batch of an export: bounds its peak memory (figures: scripts/bench/list.ts, its export part).
export const EXPORT_BATCH = 500;

/**
 * The selected rows in the list's own order (sort, direction, id), a batch at a time: each batch
 * is a keyset seek after the last row sent, so the millionth row costs what the first did, memory
 * stays flat, nothing holds a transaction (or the embedded database's only connection) for the
 * length of a download, and stopping the loop — the browser cancelled — stops the reading.
 */
export async function* rowsInOrder<Row extends { id: number }, S extends string, F extends FilterDeclarations>(
  declaration: SortDeclaration<Row, S>,
  source: ListSource<S, F>,
  selection: Selection<F>,
  order: { sort: S; dir: "asc" | "desc" },
): AsyncGenerator<Row[]> {
  const where = selectionSql(source, selection);
  let after: Cursor | null = null;
  for (;;) {
    const page: ListPage<Row> & { hasMore: boolean } = await seekPage<Row, S, F>(declaration, source, where, { ...order, size: EXPORT_BATCH, after, before: null });
    if (page.rows.length > 0) yield page.rows;
    if (!page.hasMore) return;
    after = page.nextCursor;
  }
}
