import "server-only";
import { db } from "@/lib/db";

/** FLOW-1: how many of the participant's notifications are still unread (the bell's number). */
export async function unreadNotificationCount(userId: number): Promise<number> {
  return db.notification.count({ where: { userId, readAt: null } });
}

export async function latestNotifications(userId: number, take = 30) {
  return db.notification.findMany({
    where: { userId },
    orderBy: { id: "desc" },
    take,
    select: {
      id: true,
      sessionId: true,
      createdAt: true,
      readAt: true,
      session: { select: { productName: true } },
      message: { select: { body: true, sender: { select: { name: true } } } },
    },
  });
}
