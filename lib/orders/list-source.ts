import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListSource } from "@/lib/list-engine/list-source";
import { escapeLike } from "@/lib/search/like-pattern";
import type { ordersList } from "./list";

type Declared = typeof ordersList;

// Searched by the customer's or the vendor's name; the sessions figure is a correlated subquery,
// evaluated after ORDER BY … LIMIT for the page's rows only.
export const ordersSource: ListSource<keyof Declared["sorts"] & string, Declared["filters"]> = {
  from: Prisma.sql`orders o JOIN users c ON c.id = o.customer_id JOIN users v ON v.id = o.vendor_id`,
  select: Prisma.sql`o.id, o.customer_id AS "customerId", c.name AS "customerName", o.vendor_id AS "vendorId", v.name AS "vendorName",
    o.status, o.total::text AS total, o.created_at AS "createdAt", o.updated_at AS "updatedAt",
    (SELECT count(*)::int FROM chat_sessions s WHERE s.order_id = o.id) AS sessions`,
  id: "o.id",
  sortColumns: { created: "o.created_at", total: "o.total" },
  search: (term) => {
    const pattern = Prisma.sql`'%' || search_normalize(${escapeLike(term)}) || '%'`;
    return Prisma.sql`(c.search_name LIKE ${pattern} OR v.search_name LIKE ${pattern})`;
  },
  filters: {
    status: (status) => Prisma.sql`o.status = ${status}::"OrderStatus"`,
    customer: "o.customer_id",
    vendor: "o.vendor_id",
    created: "o.created_at",
  },
};
