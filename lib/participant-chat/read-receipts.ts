import "server-only";
import { db } from "@/lib/db";
import { recordSessionsChanged } from "@/lib/realtime/session-events";
import { requireMembership } from "./membership";

/**
 * The participant has the conversation on screen: the other side's messages become read (the
 * sender sees the receipt) and the notifications about them are done with. A message staff marked
 * read is now read by its recipient too, and shows its receipt from now on.
 */
export async function markReadByRecipient(userId: number, sessionId: number): Promise<{ messages: number }> {
  const session = await requireMembership(userId, sessionId);
  const messages = await db.$transaction(async (tx) => {
    // First: the participant's read claims messages staff marked read in an undoable action (issue
    // 20), so that an Undo leaves them read. Before the update, so that it waits for an Undo
    // taking the same marks, and then reads what that Undo made unread again.
    await tx.$executeRaw`
      DELETE FROM undo_read_marks WHERE message_id IN (SELECT id FROM chat_messages WHERE session_id = ${sessionId} AND sender_id <> ${userId})`;
    const { count } = await tx.chatMessage.updateMany({
      where: { sessionId, senderId: { not: userId }, OR: [{ readAt: null }, { readByStaffId: { not: null } }] },
      data: { readAt: new Date(), readByStaffId: null },
    });
    await tx.notification.updateMany({ where: { userId, sessionId, readAt: null }, data: { readAt: new Date() } });
    return count;
  });
  if (messages > 0) await recordSessionsChanged("read", [session]);
  return { messages };
}
