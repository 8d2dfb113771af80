import "server-only";
import { ActionFailure } from "@/lib/actions/define-action";
import type { ConversationMessage } from "@/lib/chat-sessions/conversation";
import { dbPool } from "@/lib/db";
import type { Role } from "@/lib/generated/prisma/enums";
import { publishEvent } from "@/lib/realtime/bus";

type Row = { id: number; body: string; createdAt: Date; readAt: Date | null; senderName: string; senderRole: Role; customerId: number; vendorId: number; notificationId: number; recipientId: number };

const SEND = `
  WITH s AS (
    SELECT id, customer_id, vendor_id FROM chat_sessions WHERE id = $1 AND (customer_id = $2 OR vendor_id = $2)
  ), m AS (
    INSERT INTO chat_messages (session_id, sender_id, body) SELECT s.id, $2, $3 FROM s
    RETURNING id, body, created_at, read_at
  ), n AS (
    INSERT INTO notifications (user_id, session_id, message_id)
    SELECT CASE WHEN s.customer_id = $2 THEN s.vendor_id ELSE s.customer_id END, s.id, m.id FROM s, m
    RETURNING id, user_id
  )
  SELECT m.id, m.body, m.created_at AS "createdAt", m.read_at AS "readAt", u.name AS "senderName", u.role AS "senderRole",
         s.customer_id AS "customerId", s.vendor_id AS "vendorId", n.id AS "notificationId", n.user_id AS "recipientId"
    FROM m, s, n, users u WHERE u.id = $2`;

/**
 * FLOW-1, a participant sends: one statement (so one round trip, atomic on its own) checks that
 * the sender takes part in the session, inserts the message — the triggers count it and move the
 * session's last-message time — and the other participant's notification. A session the sender
 * is not part of is "not found", whether it exists or not. Then every instance hears of it.
 * (Admins writing on a participant's behalf go through lib/messages/add-message.ts.)
 */
export async function sendAsParticipant(senderId: number, sessionId: number, body: string): Promise<ConversationMessage> {
  // Through the driver, as a prepared statement: the hottest write of the app (Prisma's raw
  // query path costs more CPU than the statement itself).
  const { rows } = await dbPool().query<Row>({ name: "chat-send-as-participant", text: SEND, values: [sessionId, senderId, body] });
  const row = rows[0];
  if (!row) throw new ActionFailure("not_found", "sessionNotFound");
  await publishEvent({
    type: "message",
    sessionId,
    messageId: row.id,
    senderId,
    participants: [row.customerId, row.vendorId],
    notification: { id: row.notificationId, userId: row.recipientId },
  });
  return { id: row.id, body: row.body, createdAt: row.createdAt, readAt: row.readAt, sender: { id: senderId, name: row.senderName, role: row.senderRole } };
}
