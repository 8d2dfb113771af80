import "server-only";
import { db } from "@/lib/db";

/** NAV-2: the unread total, summed over the 16 maintained slots (O(1) at any size). */
export async function getUnreadTotal(): Promise<number> {
  const result = await db.unreadTotal.aggregate({ _sum: { total: true } });
  return result._sum.total ?? 0;
}
