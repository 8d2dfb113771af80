import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";

/** NAV-2: the unread total, summed over the 16 maintained slots (O(1) at any size). */
export async function getUnreadTotal(): Promise<number> {
  const [row] = await queryRows<{ total: number }>(Prisma.sql`SELECT coalesce(sum(total), 0)::int AS total FROM unread_totals`);
  return row?.total ?? 0;
}
