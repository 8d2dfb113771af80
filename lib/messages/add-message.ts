import "server-only";
import type { z } from "zod";
import { DomainError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { MESSAGE_SELECT, conversationMessage, type ConversationMessage } from "@/lib/chat-sessions/conversation";
import { announcementOf } from "@/lib/realtime/announcement";
import { eventBus, publishEvent } from "@/lib/realtime/bus";
import { CHANNEL, type ChatEvent, type UserEventIds } from "@/lib/realtime/events";
import type { newMessageSchema } from "./message-schema";

/**
 * MSG-5: staff write a message in the name of one of the session's two participants. The message
 * records which staff member wrote it (the panel names them; the participants are told it came
 * from the marketplace's support), and the audit log has it. In one transaction the database's
 * triggers count it and move the session's last-message time to it (FORM-4's automatic update),
 * the other participant gets a notification (FLOW-1), and both participants' event logs get it
 * (their streams' ids). Then every instance hears of it.
 */
export async function addMessage(input: z.output<typeof newMessageSchema>, actor: CurrentUser): Promise<ConversationMessage> {
  const { message, event } = await db.$transaction(async (tx) => {
    const session = await tx.chatSession.findUnique({ where: { id: input.sessionId }, select: { customerId: true, vendorId: true } });
    if (!session) throw new DomainError("not_found", "sessionNotFound");
    if (input.senderId !== session.customerId && input.senderId !== session.vendorId) {
      throw new DomainError("invalid", "invalidInput", { senderId: "senderNotParticipant" });
    }
    const recipientId = input.senderId === session.customerId ? session.vendorId : session.customerId;
    // Locks in the one order every writer of messages uses — both participants in user order
    // (which their events' trigger locks), then the session and unread slot (the counters'
    // trigger) — so that this never deadlocks with participants' sends.
    await tx.$executeRaw`SELECT 1 FROM users WHERE id IN (${session.customerId}, ${session.vendorId}) ORDER BY id FOR NO KEY UPDATE`;
    const created = await tx.chatMessage.create({
      data: { sessionId: input.sessionId, senderId: input.senderId, writtenByStaffId: actor.id, body: input.body },
      select: MESSAGE_SELECT,
    });
    const onBehalfOf = input.senderId === session.customerId ? "customer" : "vendor";
    await audit(tx, { actorId: actor.id, action: "messages.add", targetType: "chatMessage", targetId: created.id, details: { sessionId: input.sessionId, senderId: input.senderId, onBehalfOf } });
    const notice = await tx.notification.create({ data: { userId: recipientId, sessionId: input.sessionId, messageId: created.id }, select: { id: true, userId: true } });
    const logged = await tx.userEvent.createManyAndReturn({
      data: [session.customerId, session.vendorId].map((userId) => ({ userId, kind: "message" as const, sessionId: input.sessionId, messageId: created.id, senderId: input.senderId })),
      select: { id: true, userId: true },
    });
    const events: UserEventIds = logged.map(({ userId, id }) => [userId, id]);
    const event: ChatEvent = { type: "message", sessionId: input.sessionId, messageId: created.id, senderId: input.senderId, participants: [session.customerId, session.vendorId], notification: notice, events };
    // On PostgreSQL the transaction announces it (NOTIFY at commit, in commit order: see EventBus.writersAnnounce).
    if (eventBus().writersAnnounce) await tx.$executeRaw`SELECT pg_notify(${CHANNEL}, ${announcementOf(event)})`;
    return { message: conversationMessage(created), event };
  });
  await publishEvent(event);
  return message;
}
