import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

const CONVERSATION_PAGE = 50;

export type ConversationMessage = {
  id: number;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  sender: { id: number; name: string; role: Role };
};

/**
 * ROW-1: a session's messages, newest first, 50 at a time; `beforeId` continues further back.
 * Null when the session does not exist (any more).
 */
export async function loadConversation(sessionId: number, beforeId: number | null) {
  const session = await db.chatSession.findUnique({
    where: { id: sessionId },
    select: { id: true, productName: true, customerName: true, vendorName: true, messageCount: true, unreadCount: true },
  });
  if (!session) return null;
  // Keyset on (sent time, id), the order shown, so no page skips or repeats a message.
  const cursor = beforeId ? await db.chatMessage.findFirst({ where: { id: beforeId, sessionId }, select: { id: true, createdAt: true } }) : null;
  const messages = await db.chatMessage.findMany({
    where: {
      sessionId,
      ...(cursor ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: CONVERSATION_PAGE + 1,
    select: { id: true, body: true, createdAt: true, readAt: true, sender: { select: { id: true, name: true, role: true } } },
  });
  const hasOlder = messages.length > CONVERSATION_PAGE;
  const page: ConversationMessage[] = messages.slice(0, CONVERSATION_PAGE);
  return { session, messages: page, olderBeforeId: hasOlder ? (page.at(-1)?.id ?? null) : null };
}
