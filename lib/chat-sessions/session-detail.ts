import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { parseRouteId } from "@/lib/route-id";

/** A session as the edit page shows it; null for an id that is not a session. Once per request (title and page). */
export const getSessionDetail = cache(async (rawId: string) => {
  const id = parseRouteId(rawId);
  if (id === null) return null;
  return db.chatSession.findUnique({
    where: { id },
    select: {
      id: true,
      productId: true,
      customerId: true,
      vendorId: true,
      productName: true,
      customerName: true,
      vendorName: true,
      orderId: true,
      lastMessageAt: true,
      updatedAt: true,
      messageCount: true,
      unreadCount: true,
      customer: { select: { id: true, name: true, role: true } },
      vendor: { select: { id: true, name: true, role: true } },
      assignee: { select: { id: true, name: true } },
    },
  });
});
