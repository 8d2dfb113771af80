import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { sessionFilterSql } from "./list-query";
import type { Selection } from "./selection";

export function selectionSql(selection: Selection): Prisma.Sql {
  return "ids" in selection ? Prisma.sql`id = ANY(${selection.ids}::int[])` : sessionFilterSql(selection.filters);
}
