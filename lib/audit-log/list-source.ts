import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListSource } from "@/lib/list-engine/list-source";
import { escapeLike } from "@/lib/search/like-pattern";
import type { auditList } from "./list";

type Declared = typeof auditList;

/** Who did what, when, to what; searched by the actor's name. */
export const auditSource: ListSource<keyof Declared["sorts"] & string, Declared["filters"]> = {
  from: Prisma.sql`audit_log a LEFT JOIN users u ON u.id = a.actor_id`,
  select: Prisma.sql`a.id, a.action, a.actor_id AS "actorId", u.name AS "actorName", a.target_type AS "targetType", a.target_id AS "targetId", a.details, a.created_at AS "createdAt"`,
  id: "a.id",
  sortColumns: { time: "a.created_at" },
  search: (term) => Prisma.sql`u.search_name LIKE '%' || search_normalize(${escapeLike(term)}) || '%'`,
  // a walk in time order looks the actor up per entry: a busy actor's entries are met at once
  searchRowByRow: (term) => Prisma.sql`(SELECT w.search_name FROM users w WHERE w.id = a.actor_id) LIKE '%' || search_normalize(${escapeLike(term)}) || '%'`,
  // (action, created_at, id): one action's entries in the log's order, however few
  indexedSorts: { action: ["time"] },
  filters: {
    action: (action) => Prisma.sql`a.action = ${action}`,
    actor: "a.actor_id",
    created: "a.created_at",
  },
};
