import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";

export type VisibleView = { id: number; name: string; query: string; shared: boolean; ownerName: string; mine: boolean; manageable: boolean };

/** The views a staff member sees as tabs: their own in their order, then the ones others shared. */
export async function visibleViews(user: CurrentUser): Promise<VisibleView[]> {
  const views = await db.savedView.findMany({
    where: { OR: [{ ownerId: user.id }, { shared: true }] },
    orderBy: [{ position: "asc" }, { id: "asc" }],
    select: { id: true, name: true, query: true, shared: true, ownerId: true, owner: { select: { name: true } } },
  });
  const adminOfShared = can(user.role, "savedViews.manageShared");
  const shaped = views.map(({ ownerId, owner, ...view }) => ({ ...view, ownerName: owner.name, mine: ownerId === user.id, manageable: ownerId === user.id || (view.shared && adminOfShared) }));
  return [...shaped.filter((view) => view.mine), ...shaped.filter((view) => !view.mine)];
}
