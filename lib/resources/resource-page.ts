import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { RESOURCE_PAGE_SIZE } from "./resource-params";

/** One page of a resource list, and whether another follows. */
export type ResourcePage<Row> = { rows: Row[]; hasMore: boolean };

/** A row of a list in its order: its value in the sorted column, and its id (the tie-break). */
export type ResourceCursor = { value: string | Date; id: number };

/**
 * The rows of the page asked for, one over so that `pageOf` can tell whether more follow:
 * the numbered page (OFFSET: what the pager shows), or, for an export walking every row, the
 * rows after a cursor (the WHERE clause from `afterCursor`), so that each step costs the same.
 */
export function pageWindow(page: number, size = RESOURCE_PAGE_SIZE, after?: ResourceCursor | null): Prisma.Sql {
  return after ? Prisma.sql`LIMIT ${size + 1}` : Prisma.sql`LIMIT ${size + 1} OFFSET ${(page - 1) * size}`;
}

/**
 * The rows after the cursor in the order `column direction, idColumn direction` (TRUE without
 * one). `cast` gives the cursor's value the column's type where the row carries it as text
 * (prices and totals, exact as text).
 */
export function afterCursor(column: string, idColumn: string, direction: "ASC" | "DESC", after: ResourceCursor | null | undefined, cast = ""): Prisma.Sql {
  if (!after) return Prisma.sql`TRUE`;
  return Prisma.sql`(${Prisma.raw(column)}, ${Prisma.raw(idColumn)}) ${Prisma.raw(direction === "ASC" ? ">" : "<")} (${after.value}${Prisma.raw(cast)}, ${after.id})`;
}

export function pageOf<Row>(rows: Row[], size = RESOURCE_PAGE_SIZE): ResourcePage<Row> {
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}
