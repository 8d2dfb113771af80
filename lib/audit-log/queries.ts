import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { afterCursor, pageOf, pageWindow, type ResourceCursor, type ResourcePage } from "@/lib/resources/resource-page";
import type { ResourceParams } from "@/lib/resources/resource-params";
import { escapeLike } from "@/lib/search/like-pattern";

export const AUDIT_SORTS = ["time"] as const;
export const AUDIT_ACTIONS = ["chatSessions.create", "chatSessions.update", "chatSessions.reassign", "chatSessions.delete", "chatSessions.markRead", "chatSessions.export", "messages.add", "messages.markRead", "messages.delete", "settings.mobileChat", "users.create", "users.update", "users.delete", "users.signOutEverywhere", "resources.export"] as const;
export type AuditParams = ResourceParams<(typeof AUDIT_SORTS)[number], (typeof AUDIT_ACTIONS)[number]>;
export type AuditRow = { id: number; action: string; actorName: string | null; targetType: string; targetId: string | null; details: unknown; createdAt: Date };
/** An entry's value in the sorted column, its time (where an export's next page starts). */
export const auditSortValue = (row: AuditRow) => row.createdAt;

/** Who did what, when, to what: what staff changed or exported, newest first. */
export async function listAuditLog(params: AuditParams, size?: number, after?: ResourceCursor | null): Promise<ResourcePage<AuditRow>> {
  const direction = params.dir === "asc" ? "ASC" : "DESC";
  const where = [afterCursor("a.created_at", "a.id", direction, after)];
  if (params.filter) where.push(Prisma.sql`a.action = ${params.filter}`);
  if (params.q) where.push(Prisma.sql`u.search_name LIKE '%' || search_normalize(${escapeLike(params.q)}) || '%'`);
  const rows = await db.$queryRaw<AuditRow[]>`
    SELECT a.id, a.action, u.name AS "actorName", a.target_type AS "targetType", a.target_id AS "targetId", a.details, a.created_at AS "createdAt"
      FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id
     WHERE ${Prisma.join(where, " AND ")}
     ORDER BY ${Prisma.raw(`a.created_at ${direction}, a.id ${direction}`)}
     ${pageWindow(params.page, size, after)}`;
  return pageOf(rows, size);
}
