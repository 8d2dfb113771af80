import "server-only";
import { db } from "@/lib/db";

/** Who a session can be given to: the staff who answer (QA tests, it does not take conversations). */
export const ASSIGNABLE_ROLES = ["admin", "support"] as const;

/** A staff member a session can be given to, for the assign menus. */
export type StaffMember = { id: number; name: string };

/** The assignable staff, by name: a team, not a user base (capped; the menus list them all). */
export async function listAssignableStaff(): Promise<StaffMember[]> {
  return db.user.findMany({ where: { role: { in: [...ASSIGNABLE_ROLES] } }, select: { id: true, name: true }, orderBy: [{ name: "asc" }, { id: "asc" }], take: 500 });
}
