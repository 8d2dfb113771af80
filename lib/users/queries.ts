import "server-only";
import { cache } from "react";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { parseRouteId } from "@/lib/route-id";
import { afterCursor, pageOf, pageWindow, type ResourceCursor, type ResourcePage } from "@/lib/resources/resource-page";
import type { ResourceParams } from "@/lib/resources/resource-params";
import { escapeLike } from "@/lib/search/like-pattern";
import { userLinks } from "./user-links";

export const USER_SORTS = ["name", "created"] as const;
export type UserParams = ResourceParams<(typeof USER_SORTS)[number], Role>;
export type UserRow = { id: number; name: string; email: string; role: Role; createdAt: Date; sessions: number; unread: number };

const SORT_COLUMNS = { name: "name", created: "created_at" } as const;
/** A user's value in a sorted column (where an export's next page starts). */
export const userSortValue = (row: UserRow, sort: UserParams["sort"]) => (sort === "name" ? row.name : row.createdAt);

/** REL-1: users, searched Arabic-aware by name, filtered by role, with their sessions and unread. */
export async function listUsers(params: UserParams, size?: number, after?: ResourceCursor | null): Promise<ResourcePage<UserRow>> {
  const direction = params.dir === "asc" ? "ASC" : "DESC";
  const where = [afterCursor(`u.${SORT_COLUMNS[params.sort]}`, "u.id", direction, after)];
  if (params.q) where.push(Prisma.sql`u.search_name LIKE '%' || search_normalize(${escapeLike(params.q)}) || '%'`);
  if (params.filter) where.push(Prisma.sql`u.role = ${params.filter}::"Role"`);
  const order = Prisma.raw(`u.${SORT_COLUMNS[params.sort]} ${direction}, u.id ${direction}`);
  // The page is chosen first; the figures are then counted for its 26 users only.
  const rows = await db.$queryRaw<UserRow[]>`
    WITH page AS (
      SELECT u.id, u.name, u.email, u.role, u.created_at FROM users u
       WHERE ${Prisma.join(where, " AND ")}
       ORDER BY ${order}
       ${pageWindow(params.page, size, after)}
    )
    SELECT u.id, u.name, u.email, u.role, u.created_at AS "createdAt", totals.sessions, totals.unread
      FROM page u
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS sessions, coalesce(sum(s.unread_count), 0)::int AS unread
          FROM chat_sessions s WHERE s.customer_id = u.id OR s.vendor_id = u.id
      ) totals
     ORDER BY ${order}`;
  return pageOf(rows, size);
}

export const getUser = cache(async (rawId: string) => {
  const id = parseRouteId(rawId);
  if (id === null) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
});

/** How much history ties a user (sessions, messages, products, orders), for their page and form. */
export function getUserLinks(id: number) {
  return userLinks(db, id);
}
