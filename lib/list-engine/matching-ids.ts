import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import type { FilterDeclarations } from "./declaration";
import { allOf, type ListSource } from "./list-source";

/**
 * Every matching id in the list's order (sort column, id), read once. An export of a filtered list
 * reads these first and then its rows by id, a batch at a time: a batch that sought "the next 500
 * matches after the last row sent" would run the search again for every batch (through the
 * trigram index, every remaining match collected and sorted again: quadratic in the matches).
 * Four bytes a match in PostgreSQL's array, eight in JavaScript's: 8 MB for a million.
 */
export async function matchingIdsInOrder<S extends string, F extends FilterDeclarations>(
  source: ListSource<S, F>,
  conditions: Prisma.Sql[],
  order: { column: string; dir: "asc" | "desc" },
): Promise<number[]> {
  const column = Prisma.raw(order.column);
  const id = Prisma.raw(source.id);
  const direction = Prisma.raw(order.dir === "desc" ? "DESC" : "ASC");
  const [row] = await queryRows<{ ids: number[] | null }>(Prisma.sql`
    SELECT array_agg(${id} ORDER BY ${column} ${direction}, ${id} ${direction}) AS ids FROM ${source.from} WHERE ${allOf(conditions)}`);
  return row?.ids ?? [];
}

/** These rows, in the order of `ids` (a row deleted since the ids were read is left out). */
export function rowsByIds<Row extends { id: number }, S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, ids: number[]): Promise<Row[]> {
  return queryRows<Row>(Prisma.sql`
    SELECT ${source.select} FROM ${source.from}
      JOIN unnest(${ids}::int[]) WITH ORDINALITY AS list_batch(batch_id, batch_at) ON list_batch.batch_id = ${Prisma.raw(source.id)}
     ORDER BY list_batch.batch_at`);
}
