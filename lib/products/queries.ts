import "server-only";
import { cache } from "react";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { parseRouteId } from "@/lib/route-id";
import { afterCursor, pageOf, pageWindow, type ResourceCursor, type ResourcePage } from "@/lib/resources/resource-page";
import type { ResourceParams } from "@/lib/resources/resource-params";
import { escapeLike } from "@/lib/search/like-pattern";

export const PRODUCT_SORTS = ["name", "price", "created"] as const;
export const PRODUCT_FILTERS = ["withSessions", "withUnread"] as const;
export type ProductParams = ResourceParams<(typeof PRODUCT_SORTS)[number], (typeof PRODUCT_FILTERS)[number]>;
export type ProductRow = { id: number; name: string; vendorId: number; vendorName: string; price: string; createdAt: Date; sessions: number; unread: number };

const SORT_COLUMNS = { name: "p.name", price: "p.price", created: "p.created_at" } as const;
/** A product's value in a sorted column (where an export's next page starts). */
export const productSortValue = (row: ProductRow, sort: ProductParams["sort"]) => ({ name: row.name, price: row.price, created: row.createdAt })[sort];
const FILTER_SQL = {
  withSessions: Prisma.sql`EXISTS (SELECT 1 FROM chat_sessions s WHERE s.product_id = p.id)`,
  withUnread: Prisma.sql`EXISTS (SELECT 1 FROM chat_sessions s WHERE s.product_id = p.id AND s.unread_count > 0)`,
} as const;

/** Products with their vendor, searched Arabic-aware by product or vendor name, with their sessions and unread. */
export async function listProducts(params: ProductParams, size?: number, after?: ResourceCursor | null): Promise<ResourcePage<ProductRow>> {
  const direction = params.dir === "asc" ? "ASC" : "DESC";
  const where = [afterCursor(SORT_COLUMNS[params.sort], "p.id", direction, after, params.sort === "price" ? "::numeric" : "")];
  if (params.q) {
    const pattern = Prisma.sql`'%' || search_normalize(${escapeLike(params.q)}) || '%'`;
    where.push(Prisma.sql`(p.search_name LIKE ${pattern} OR v.search_name LIKE ${pattern})`);
  }
  if (params.filter) where.push(FILTER_SQL[params.filter]);
  const order = Prisma.raw(`${SORT_COLUMNS[params.sort]} ${direction}, p.id ${direction}`);
  // The page is chosen first; the figures are then counted for its products only.
  const rows = await db.$queryRaw<ProductRow[]>`
    WITH page AS (
      SELECT p.id, p.name, p.vendor_id, v.name AS vendor_name, p.price, p.created_at
        FROM products p JOIN users v ON v.id = p.vendor_id
       WHERE ${Prisma.join(where, " AND ")}
       ORDER BY ${order}
       ${pageWindow(params.page, size, after)}
    )
    SELECT p.id, p.name, p.vendor_id AS "vendorId", p.vendor_name AS "vendorName", p.price::text AS price, p.created_at AS "createdAt",
           totals.sessions, totals.unread
      FROM page p
      CROSS JOIN LATERAL (
        SELECT count(*)::int AS sessions, coalesce(sum(s.unread_count), 0)::int AS unread FROM chat_sessions s WHERE s.product_id = p.id
      ) totals
     ORDER BY ${order}`;
  return pageOf(rows, size);
}

/** A product as its page shows it; null for an id that is not a product. */
export const getProduct = cache(async (rawId: string) => {
  const id = parseRouteId(rawId);
  if (id === null) return null;
  return db.product.findUnique({
    where: { id },
    select: { id: true, name: true, price: true, createdAt: true, vendor: { select: { id: true, name: true } } },
  });
});
