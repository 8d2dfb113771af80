import "server-only";
import { db } from "@/lib/db";
import { loadConversation } from "@/lib/chat-sessions/conversation";

/** A session as triage mode shows it: who is in it, who owes the reply, and its newest messages oldest first. */
export async function loadTriageSession(sessionId: number) {
  const [session, conversation] = await Promise.all([
    db.chatSession.findUnique({
      where: { id: sessionId },
      select: {
        id: true,
        productName: true,
        awaiting: true,
        awaitingSince: true,
        unreadCount: true,
        customer: { select: { id: true, name: true, role: true } },
        vendor: { select: { id: true, name: true, role: true } },
      },
    }),
    loadConversation(sessionId, null),
  ]);
  if (!session || !conversation) return null;
  return { session, messages: [...conversation.messages].reverse() };
}

export type TriageSession = NonNullable<Awaited<ReturnType<typeof loadTriageSession>>>;
