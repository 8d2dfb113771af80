import "server-only";
import { db } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";

const CONVERSATION_PAGE = 50;

/** A message as staff see it: who sent it, and which staff member wrote it in their name, if one did. */
export type ConversationMessage = {
  id: number;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  sender: { id: number; name: string; role: Role };
  /** the staff member who wrote it on the sender's behalf (messages manager); null: the sender wrote it */
  writtenBy: { name: string; role: Role } | null;
  /** the staff member who marked it read ("marked read by Sara"); null: unread, or read by its recipient */
  markedReadBy: { name: string } | null;
};

/**
 * A message as a participant sees it (web chat, mobile API): whether the marketplace's support
 * wrote it in the sender's name, never which staff member did; read only when its recipient read it.
 */
export type ParticipantMessage = Omit<ConversationMessage, "writtenBy" | "markedReadBy"> & { fromMarketplaceSupport: boolean };

export const MESSAGE_SELECT = {
  id: true,
  body: true,
  createdAt: true,
  readAt: true,
  sender: { select: { id: true, name: true, role: true } },
  writtenByStaff: { select: { name: true, role: true } },
  readByStaff: { select: { name: true } },
} as const;

/** A selected message row (MESSAGE_SELECT) in the staff's shape. */
export function conversationMessage({
  writtenByStaff,
  readByStaff,
  ...message
}: {
  id: number;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  sender: ConversationMessage["sender"];
  writtenByStaff: ConversationMessage["writtenBy"];
  readByStaff: ConversationMessage["markedReadBy"];
}): ConversationMessage {
  return { ...message, writtenBy: writtenByStaff, markedReadBy: readByStaff };
}

/**
 * The participant's view of a message: the staff member's identity stays on the server, and a
 * message staff marked read shows no read receipt (its recipient has not read it).
 */
export function participantMessage({ writtenBy, markedReadBy, ...message }: ConversationMessage): ParticipantMessage {
  return { ...message, readAt: markedReadBy ? null : message.readAt, fromMarketplaceSupport: writtenBy !== null };
}

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
    select: MESSAGE_SELECT,
  });
  const hasOlder = messages.length > CONVERSATION_PAGE;
  const page = messages.slice(0, CONVERSATION_PAGE).map(conversationMessage);
  return { session, messages: page, olderBeforeId: hasOlder ? (page.at(-1)?.id ?? null) : null };
}

/** The same page of a conversation for one of its participants (membership is the caller's check). */
export async function loadParticipantConversation(sessionId: number, beforeId: number | null): Promise<{ messages: ParticipantMessage[]; olderBeforeId: number | null }> {
  const conversation = await loadConversation(sessionId, beforeId);
  return { messages: conversation?.messages.map(participantMessage) ?? [], olderBeforeId: conversation?.olderBeforeId ?? null };
}
