import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import type { FilterDeclarations } from "./declaration";
import type { ListSource } from "./list-source";

/** One row as the list shows it (for a record's page); null when there is none. */
export async function findListRow<Row extends { id: number }, S extends string, F extends FilterDeclarations>(source: ListSource<S, F>, id: number): Promise<Row | null> {
  const [row] = await queryRows<Row>(Prisma.sql`SELECT ${source.select} FROM ${source.from} WHERE ${Prisma.raw(source.id)} = ${id} LIMIT 1`);
  return row ?? null;
}
