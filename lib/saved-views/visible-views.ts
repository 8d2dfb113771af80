import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import { can } from "@/lib/permissions";

export type VisibleView = { id: number; name: string; query: string; shared: boolean; ownerName: string; mine: boolean; manageable: boolean };

/** The views a staff member sees as tabs: their own in their order, then the ones others shared. */
export async function visibleViews(user: CurrentUser): Promise<VisibleView[]> {
  // One statement with its owners' names joined (the client's relation read was a second one on
  // every sessions page, `WHERE id IN (NULL)` when there was no view at all).
  const views = await queryRows<{ id: number; name: string; query: string; shared: boolean; ownerId: number; ownerName: string }>(Prisma.sql`
    SELECT v.id, v.name, v.query, v.shared, v.owner_id AS "ownerId", u.name AS "ownerName"
    FROM saved_views v JOIN users u ON u.id = v.owner_id
    WHERE v.owner_id = ${user.id} OR v.shared
    ORDER BY v.position, v.id`);
  const adminOfShared = can(user.role, "savedViews.manageShared");
  const shaped = views.map(({ ownerId, ...view }) => ({ ...view, mine: ownerId === user.id, manageable: ownerId === user.id || (view.shared && adminOfShared) }));
  return [...shaped.filter((view) => view.mine), ...shaped.filter((view) => !view.mine)];
}
