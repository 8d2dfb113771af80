import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListSource } from "@/lib/list-engine/list-source";
import { escapeLike } from "@/lib/search/like-pattern";
import type { productsList } from "./list";

type Declared = typeof productsList;

// The figures are correlated subqueries in the select list: PostgreSQL evaluates them after the
// ORDER BY … LIMIT, for the page's rows only.
export const productsSource: ListSource<keyof Declared["sorts"] & string, Declared["filters"]> = {
  from: Prisma.sql`products p JOIN users v ON v.id = p.vendor_id`,
  select: Prisma.sql`p.id, p.name, p.vendor_id AS "vendorId", v.name AS "vendorName", p.price::text AS price, p.created_at AS "createdAt",
    (SELECT count(*)::int FROM chat_sessions s WHERE s.product_id = p.id) AS sessions,
    (SELECT coalesce(sum(s.unread_count), 0)::int FROM chat_sessions s WHERE s.product_id = p.id) AS unread`,
  id: "p.id",
  sortColumns: { name: "p.name", price: "p.price", created: "p.created_at" },
  searchClusters: ["name"],
  search: (term) => {
    const pattern = Prisma.sql`'%' || search_normalize(${escapeLike(term)}) || '%'`;
    return Prisma.sql`(p.search_name LIKE ${pattern} OR v.search_name LIKE ${pattern})`;
  },
  filters: {
    vendor: "p.vendor_id",
    withSessions: () => Prisma.sql`EXISTS (SELECT 1 FROM chat_sessions s WHERE s.product_id = p.id)`,
    withUnread: () => Prisma.sql`EXISTS (SELECT 1 FROM chat_sessions s WHERE s.product_id = p.id AND s.unread_count > 0)`,
    created: "p.created_at",
  },
};
