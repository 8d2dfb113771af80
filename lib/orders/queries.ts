import "server-only";
import { cache } from "react";
import { Prisma } from "@/lib/generated/prisma/client";
import type { OrderStatus } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { parseRouteId } from "@/lib/route-id";
import { afterCursor, pageOf, pageWindow, type ResourceCursor, type ResourcePage } from "@/lib/resources/resource-page";
import type { ResourceParams } from "@/lib/resources/resource-params";
import { escapeLike } from "@/lib/search/like-pattern";

export const ORDER_SORTS = ["created", "total"] as const;
export const ORDER_STATUSES = ["pending", "paid", "shipped", "delivered", "cancelled"] as const satisfies readonly OrderStatus[];
export type OrderParams = ResourceParams<(typeof ORDER_SORTS)[number], OrderStatus>;
export type OrderRow = { id: number; customerId: number; customerName: string; vendorId: number; vendorName: string; status: OrderStatus; total: string; createdAt: Date; sessions: number };

const SORT_COLUMNS = { created: "o.created_at", total: "o.total" } as const;
/** An order's value in a sorted column (where an export's next page starts). */
export const orderSortValue = (row: OrderRow, sort: OrderParams["sort"]) => (sort === "total" ? row.total : row.createdAt);

/** REL-2: orders with their customer, vendor, status, total and how many conversations concern them. */
export async function listOrders(params: OrderParams, size?: number, after?: ResourceCursor | null): Promise<ResourcePage<OrderRow>> {
  const direction = params.dir === "asc" ? "ASC" : "DESC";
  const where = [afterCursor(SORT_COLUMNS[params.sort], "o.id", direction, after, params.sort === "total" ? "::numeric" : "")];
  if (params.q) where.push(Prisma.sql`(c.search_name LIKE '%' || search_normalize(${escapeLike(params.q)}) || '%' OR v.search_name LIKE '%' || search_normalize(${escapeLike(params.q)}) || '%')`);
  if (params.filter) where.push(Prisma.sql`o.status = ${params.filter}::"OrderStatus"`);
  const rows = await db.$queryRaw<OrderRow[]>`
    SELECT o.id, o.customer_id AS "customerId", c.name AS "customerName", o.vendor_id AS "vendorId", v.name AS "vendorName",
           o.status, o.total::text AS total, o.created_at AS "createdAt",
           (SELECT count(*)::int FROM chat_sessions s WHERE s.order_id = o.id) AS sessions
      FROM orders o JOIN users c ON c.id = o.customer_id JOIN users v ON v.id = o.vendor_id
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY ${Prisma.raw(`${SORT_COLUMNS[params.sort]} ${direction}, o.id ${direction}`)}
     ${pageWindow(params.page, size, after)}`;
  return pageOf(rows, size);
}

/** An order with its customer, vendor and items (its sessions are the sessions list, filtered). */
export const getOrder = cache(async (rawId: string) => {
  const id = parseRouteId(rawId);
  if (id === null) return null;
  return db.order.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      total: true,
      createdAt: true,
      customer: { select: { id: true, name: true } },
      vendor: { select: { id: true, name: true } },
      items: { select: { id: true, quantity: true, unitPrice: true, product: { select: { id: true, name: true } } } },
    },
  });
});
