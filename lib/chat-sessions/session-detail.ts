import "server-only";
import { db } from "@/lib/db";

/** A session as the edit page shows it; null for an id that is not a session. */
export async function getSessionDetail(rawId: string) {
  if (!/^\d{1,10}$/.test(rawId) || Number(rawId) > 2_147_483_647) return null;
  return db.chatSession.findUnique({
    where: { id: Number(rawId) },
    select: {
      id: true,
      productId: true,
      customerId: true,
      vendorId: true,
      productName: true,
      customerName: true,
      vendorName: true,
      lastMessageAt: true,
      updatedAt: true,
      messageCount: true,
      unreadCount: true,
      customer: { select: { id: true, name: true, role: true } },
      vendor: { select: { id: true, name: true, role: true } },
    },
  });
}
