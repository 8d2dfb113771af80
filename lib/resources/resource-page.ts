import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { RESOURCE_PAGE_SIZE } from "./resource-params";

/** One page of a resource list, and whether another follows. */
export type ResourcePage<Row> = { rows: Row[]; hasMore: boolean };

/** LIMIT/OFFSET of the page asked for, one row over so that `pageOf` can tell whether more follow. */
export function pageWindow(page: number, size = RESOURCE_PAGE_SIZE): Prisma.Sql {
  return Prisma.sql`LIMIT ${size + 1} OFFSET ${(page - 1) * size}`;
}

export function pageOf<Row>(rows: Row[], size = RESOURCE_PAGE_SIZE): ResourcePage<Row> {
  return { rows: rows.slice(0, size), hasMore: rows.length > size };
}
