import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListSource } from "@/lib/list-engine/list-source";
import { escapeLike } from "@/lib/search/like-pattern";
import type { usersList } from "./list";

type Declared = typeof usersList;

// A user's figures cover the sessions they take part in on either side; correlated subqueries,
// evaluated after ORDER BY … LIMIT for the page's rows only.
export const usersSource: ListSource<keyof Declared["sorts"] & string, Declared["filters"]> = {
  from: Prisma.sql`users u`,
  select: Prisma.sql`u.id, u.name, u.email, u.role, u.created_at AS "createdAt", u.updated_at AS "updatedAt",
    (SELECT count(*)::int FROM chat_sessions s WHERE s.customer_id = u.id OR s.vendor_id = u.id) AS sessions,
    (SELECT coalesce(sum(s.unread_count), 0)::int FROM chat_sessions s WHERE s.customer_id = u.id OR s.vendor_id = u.id) AS unread`,
  id: "u.id",
  sortColumns: { name: "u.name", created: "u.created_at" },
  searchClusters: ["name"],
  search: (term) => Prisma.sql`u.search_name LIKE '%' || search_normalize(${escapeLike(term)}) || '%'`,
  filters: {
    role: (role) => Prisma.sql`u.role = ${role}::"Role"`,
    withUnread: () => Prisma.sql`EXISTS (SELECT 1 FROM chat_sessions s WHERE (s.customer_id = u.id OR s.vendor_id = u.id) AND s.unread_count > 0)`,
    created: "u.created_at",
  },
};
