import "server-only";
import type { z } from "zod";
import { ActionFailure } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import type { ConversationMessage } from "@/lib/chat-sessions/conversation";
import { publishEvent } from "@/lib/realtime/bus";
import type { newMessageSchema } from "./message-schema";

/**
 * MSG-5 and the participants' chat: a message from one of the session's two participants.
 * In one transaction the database's triggers count it and move the session's last-message time
 * to it (FORM-4's automatic update), and the other participant gets a notification (FLOW-1).
 * Then every instance hears of it.
 */
export async function addMessage(input: z.output<typeof newMessageSchema>): Promise<ConversationMessage> {
  const { message, participants, notification } = await db.$transaction(async (tx) => {
    const session = await tx.chatSession.findUnique({ where: { id: input.sessionId }, select: { customerId: true, vendorId: true } });
    if (!session) throw new ActionFailure("not_found", "sessionNotFound");
    if (input.senderId !== session.customerId && input.senderId !== session.vendorId) {
      throw new ActionFailure("invalid", "invalidInput", { senderId: "senderNotParticipant" });
    }
    const created = await tx.chatMessage.create({
      data: { sessionId: input.sessionId, senderId: input.senderId, body: input.body },
      select: { id: true, body: true, createdAt: true, readAt: true, sender: { select: { id: true, name: true, role: true } } },
    });
    const recipientId = input.senderId === session.customerId ? session.vendorId : session.customerId;
    const notice = await tx.notification.create({ data: { userId: recipientId, sessionId: input.sessionId, messageId: created.id }, select: { id: true, userId: true } });
    return { message: created, participants: [session.customerId, session.vendorId], notification: notice };
  });
  await publishEvent({ type: "message", sessionId: input.sessionId, messageId: message.id, senderId: input.senderId, participants, notification });
  return message;
}
