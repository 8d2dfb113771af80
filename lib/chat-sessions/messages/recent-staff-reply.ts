import "server-only";
import { db } from "@/lib/db";

/** How recent another agent's reply must be for a new one to ask first (issue 20). */
export const COLLISION_WINDOW_MS = 30_000;

export type RecentStaffReply = { body: string; by: string; at: Date };

/** The newest reply another staff member wrote in this session within the last 30 s, if any. */
export async function recentReplyByOthers(sessionId: number, actorId: number): Promise<RecentStaffReply | null> {
  const message = await db.chatMessage.findFirst({
    where: { sessionId, AND: [{ writtenByStaffId: { not: null } }, { writtenByStaffId: { not: actorId } }], createdAt: { gte: new Date(Date.now() - COLLISION_WINDOW_MS) } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { body: true, createdAt: true, writtenByStaff: { select: { name: true } } },
  });
  return message ? { body: message.body, by: message.writtenByStaff?.name ?? "", at: message.createdAt } : null;
}
