import "server-only";
import { queryRows } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";

/** Who a session can be given to: the staff who answer (QA tests, it does not take conversations). */
export const ASSIGNABLE_ROLES = ["admin", "support"] as const;

/** A staff member a session can be given to, for the assign menus. */
export type StaffMember = { id: number; name: string };

/**
 * The assignable staff, by name: a team, not a user base (capped; the menus list them all). Every
 * sessions page reads it: the driver's own read, without Prisma's ~0.2 ms a query.
 */
export async function listAssignableStaff(): Promise<StaffMember[]> {
  return queryRows<StaffMember>(Prisma.sql`SELECT id, name FROM users WHERE role = ANY(${[...ASSIGNABLE_ROLES]}::"Role"[]) ORDER BY name, id LIMIT 500`);
}
