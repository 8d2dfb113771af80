import "server-only";
import { db } from "@/lib/db";

/** FLOW-1: how many of the participant's notifications are still unread (the bell's number). */
export async function unreadNotificationCount(userId: number): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

/** FLOW-1: the participant's newest notifications; a message staff wrote says only that support wrote it, never who. */
export async function latestNotifications(userId: number, take = 30) {
  const notices = await db.notification.findMany({
    where: { userId },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      sessionId: true,
      createdAt: true,
      readAt: true,
      session: { select: { productName: true } },
      message: { select: { body: true, writtenByStaffId: true, sender: { select: { name: true, role: true } } } },
    },
  });
  return notices.map(({ message: { writtenByStaffId, ...message }, ...notice }) => ({ ...notice, message: { ...message, fromMarketplaceSupport: writtenByStaffId !== null } }));
}
