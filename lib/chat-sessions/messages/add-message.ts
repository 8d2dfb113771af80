import "server-only";
import type { z } from "zod";
import { DomainError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { MESSAGE_SELECT, conversationMessage, type ConversationMessage } from "@/lib/chat-sessions/conversation";
import { eventBus, publishEvent } from "@/lib/realtime/bus";
import { eventLogStatement, type EventLogWrite } from "@/lib/realtime/event-log-writes";
import type { ChatEvent, UserEventIds } from "@/lib/realtime/events";
import type { newMessageSchema } from "./message-schema";

// Both participants' events of the message, in user order (the order every writer locks them in).
const LOG_STAFF_MESSAGE: EventLogWrite = {
  with: `
  WITH e AS (
    INSERT INTO user_events (user_id, kind, session_id, message_id, sender_id)
    SELECT p.user_id, 'message', $3::int, $4::int, $5::int FROM (VALUES ($1::int), ($2::int)) AS p(user_id) ORDER BY p.user_id
    RETURNING id, user_id
  )`,
  select: `ec.id AS "customerEventId", ev.id AS "vendorEventId"`,
  from: `FROM e ec JOIN e ev ON ec.user_id = $1::int AND ev.user_id = $2::int`,
  announce: {
    type: "'message'",
    sessionId: "$3::int",
    messageId: "$4::int",
    senderId: "$5::int",
    participants: "json_build_array($1::int, $2::int)",
    notification: "(SELECT json_build_object('id', n.id, 'userId', n.user_id) FROM notifications n WHERE n.message_id = $4::int)",
    events: "json_build_array(json_build_array($1::int, ec.id), json_build_array($2::int, ev.id))",
  },
};

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
    const [statement, parameters] = eventLogStatement(LOG_STAFF_MESSAGE, eventBus().writersAnnounce, [
      session.customerId,
      session.vendorId,
      input.sessionId,
      created.id,
      input.senderId,
    ]);
    const [logged] = await tx.$queryRawUnsafe<{ customerEventId: number; vendorEventId: number }[]>(statement, ...parameters);
    if (!logged) throw new Error("the message's events were not logged");
    const events: UserEventIds = [[session.customerId, logged.customerEventId], [session.vendorId, logged.vendorEventId]];
    const event: ChatEvent = { type: "message", sessionId: input.sessionId, messageId: created.id, senderId: input.senderId, participants: [session.customerId, session.vendorId], notification: notice, events };
    return { message: conversationMessage(created), event };
  });
  await publishEvent(event);
  return message;
}
