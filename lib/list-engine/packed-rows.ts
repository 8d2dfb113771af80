import type { Cursor } from "./cursor";

/**
 * A page's rows as the server hands them to a list's client screen: the keys once, then each row's
 * values in that order. As objects, every row repeated every key in the page's payload (the
 * sessions list: 18 keys, about 7 KB of a 25-row page's HTML).
 */
export type PackedRows<Row> = { keys: (keyof Row & string)[]; values: unknown[][] };

export function packRows<Row extends object>(rows: Row[]): PackedRows<Row> {
  const keys = rows.length > 0 ? (Object.keys(rows[0] as object) as (keyof Row & string)[]) : [];
  return { keys, values: rows.map((row) => keys.map((key) => row[key])) };
}

export function unpackRows<Row>(packed: PackedRows<Row>): Row[] {
  return packed.values.map((values) => Object.fromEntries(packed.keys.map((key, index) => [key, values[index]])) as Row);
}

type Page<R> = { rows: R; nextCursor: Cursor | null; previousCursor: Cursor | null };

/** A loaded list view with its rows packed, as a page passes it to the section's client screen. */
export function packView<Row extends object, V extends { page: Page<Row[]> }>(view: V & { page: Page<Row[]> }): Omit<V, "page"> & { page: Page<PackedRows<Row>> } {
  return { ...view, page: { nextCursor: view.page.nextCursor, previousCursor: view.page.previousCursor, rows: packRows(view.page.rows) } };
}
