import "server-only";
import { DomainError } from "@/lib/errors";
import { isMissingRowViolation } from "@/lib/db-errors";
import type { ParticipantMessage } from "@/lib/chat-sessions/conversation";
import { dbPool } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { Role } from "@/lib/generated/prisma/enums";
import { eventBus, publishEvent } from "@/lib/realtime/bus";
import { eventLogStatement, type EventLogWrite } from "@/lib/realtime/event-log-writes";
import { consumeSendAllowance } from "./send-rate";
import { processSingleton } from "@/lib/process-singleton";

type Row = {
  id: number;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  senderName: string;
  senderRole: Role;
  customerId: number;
  vendorId: number;
  notificationId: number;
  recipientId: number;
  customerEventId: number;
  vendorEventId: number;
};

// Many sends in one statement: each message with its notification and both participants'
// events (user_events: the streams' ids), the triggers counting them all at once. Message ids are
// drawn in the order the sends arrived (an ordered subquery feeds nextval), and events are
// inserted by user, so that concurrent batches take the users' row locks (the events' trigger) in
// one order, before the sessions and unread slots (the counters' triggers, at the statement's
// end): they wait on one another but never deadlock. For each user, event ids follow the arrival
// order too, and the rows (and NOTIFYs) come out in that order.
const SEND_MANY: EventLogWrite = {
  with: `
  WITH input AS (
    SELECT t.k, t.session_id, t.sender_id, t.body FROM unnest($1::int[], $2::int[], $3::text[]) WITH ORDINALITY AS t(session_id, sender_id, body, k)
  ), s AS (
    SELECT x.*, nextval(pg_get_serial_sequence('chat_messages', 'id'))::int AS message_id FROM (
      SELECT i.k, i.session_id, i.sender_id, i.body, c.customer_id, c.vendor_id
        FROM input i JOIN chat_sessions c ON c.id = i.session_id AND (c.customer_id = i.sender_id OR c.vendor_id = i.sender_id)
       ORDER BY i.k
    ) x
  ), m AS (
    INSERT INTO chat_messages (id, session_id, sender_id, body) SELECT message_id, session_id, sender_id, body FROM s ORDER BY k
    RETURNING id, created_at, read_at
  ), n AS (
    INSERT INTO notifications (user_id, session_id, message_id)
    SELECT CASE WHEN s.customer_id = s.sender_id THEN s.vendor_id ELSE s.customer_id END, s.session_id, m.id
      FROM s JOIN m ON m.id = s.message_id ORDER BY s.k
    RETURNING id, user_id, message_id
  ), e AS (
    INSERT INTO user_events (user_id, kind, session_id, message_id, sender_id)
    SELECT p.user_id, 'message', s.session_id, s.message_id, s.sender_id
      FROM s CROSS JOIN LATERAL (VALUES (s.customer_id), (s.vendor_id)) AS p(user_id) ORDER BY p.user_id, s.k
    RETURNING id, user_id, message_id
  )`,
  select: `s.k::int AS k, m.id, s.body, m.created_at AS "createdAt", m.read_at AS "readAt", u.name AS "senderName", u.role AS "senderRole",
         s.customer_id AS "customerId", s.vendor_id AS "vendorId", n.id AS "notificationId", n.user_id AS "recipientId",
         ec.id AS "customerEventId", ev.id AS "vendorEventId"`,
  from: `FROM s JOIN m ON m.id = s.message_id JOIN n ON n.message_id = m.id JOIN users u ON u.id = s.sender_id
    JOIN e ec ON ec.message_id = m.id AND ec.user_id = s.customer_id JOIN e ev ON ev.message_id = m.id AND ev.user_id = s.vendor_id
   ORDER BY s.k`,
  // The bus's `message` event (ids only). On NATS the send publishes it after commit (announceSent); the event log covers a lost publish.
  announce: {
    type: "'message'",
    sessionId: "s.session_id",
    messageId: "m.id",
    senderId: "s.sender_id",
    participants: "json_build_array(s.customer_id, s.vendor_id)",
    notification: "json_build_object('id', n.id, 'userId', n.user_id)",
    events: "json_build_array(json_build_array(s.customer_id, ec.id), json_build_array(s.vendor_id, ev.id))",
  },
};

type Send = { senderId: number; sessionId: number; body: string; resolve: (row: Row | undefined) => void; reject: (error: unknown) => void };
const MAX_BATCH = 200;

/**
 * Group commit for participants' sends: a send that arrives while the previous statement is
 * running waits for it and then goes out with every other send that arrived meanwhile, in one
 * statement and one commit. Alone (a quiet instance) a send goes out at once. Each message is
 * still atomic with its notification and its counters; if a batch fails (say a session was
 * deleted under it), its sends are retried one by one, so only the failing one fails.
 */
class SendBatcher {
  private waiting: Send[] = [];
  private running = false;

  send(senderId: number, sessionId: number, body: string): Promise<Row | undefined> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ senderId, sessionId, body, resolve, reject });
      if (!this.running) void this.run();
    });
  }

  private async run() {
    this.running = true;
    while (this.waiting.length > 0) {
      const batch = this.waiting.splice(0, MAX_BATCH);
      try {
        const rows = await this.execute(batch);
        batch.forEach((item, i) => {
          item.resolve(rows[i]);
        });
      } catch (error) {
        if (batch.length === 1) settleAlone(batch[0] as Send, error);
        else await Promise.all(batch.map((item) => this.execute([item]).then((rows) => item.resolve(rows[0]), (alone) => settleAlone(item, alone))));
      }
    }
    this.running = false;
  }

  private async execute(batch: Send[]): Promise<(Row | undefined)[]> {
    const [statement, values] = sendStatement(batch.map((b) => b.sessionId), batch.map((b) => b.senderId), batch.map((b) => b.body));
    const { rows } = await dbPool().query<Row & { k: number }>(statement, values);
    const byK: (Row | undefined)[] = new Array(batch.length);
    for (const row of rows) byK[row.k - 1] = row;
    return byK;
  }
}

/**
 * A send that failed on its own: its session was deleted between the statement's check and its
 * insert (the foreign key, checked against the committed delete) is "not found", like a session
 * that was already gone; anything else is the caller's error.
 */
function settleAlone(item: Send, error: unknown) {
  if (isMissingRowViolation(error)) item.resolve(undefined);
  else item.reject(error);
}

/** The send statement for this bus (lib/realtime/event-log-writes.ts) and its parameters. */
function sendStatement(sessionIds: number[], senderIds: number[], bodies: string[]): [string, unknown[]] {
  return eventLogStatement(SEND_MANY, eventBus().writersAnnounce, [sessionIds, senderIds, bodies]);
}

const sends = () => processSingleton("chatSendBatcher", () => new SendBatcher());

/**
 * FLOW-1, a participant sends: one statement (so one round trip, atomic on its own; shared with
 * the sends that arrive meanwhile, see SendBatcher) checks that
 * the sender takes part in the session, inserts the message — the triggers count it and move the
 * session's last-message time — and the other participant's notification. A session the sender
 * is not part of is "not found", whether it exists or not. Then every instance hears of it.
 * First, the sender's rate (lib/participant-chat/send-rate.ts): past it, SendingTooFast (429 on the API).
 * (Admins writing on a participant's behalf go through lib/chat-sessions/messages/add-message.ts.)
 */
export async function sendAsParticipant(senderId: number, sessionId: number, body: string): Promise<ParticipantMessage> {
  await consumeSendAllowance(senderId);
  // Through the driver, as a prepared statement batched with concurrent sends (the hottest write
  // of the app: Prisma's raw query path costs more CPU than the statement itself).
  const row = await sends().send(senderId, sessionId, body);
  if (!row) throw new DomainError("not_found", "sessionNotFound");
  await announceSent(row, senderId, sessionId);
  return messageOf(row, senderId);
}

/**
 * The same send inside a caller's transaction (an Idempotency-Key's, which stores the answer with
 * the message): the same rate and statement, alone rather than batched; `announce` once it has
 * committed. A replayed key never gets here, so it does not count against the rate; an attempt
 * refused for the rate is rolled back with its key (not counted), so the same key may try again.
 */
export async function sendInTransaction(
  tx: Prisma.TransactionClient,
  senderId: number,
  sessionId: number,
  body: string,
): Promise<{ message: ParticipantMessage; announce: () => Promise<void> }> {
  await consumeSendAllowance(senderId, (statement, values) => tx.$queryRawUnsafe(statement, ...values));
  const [statement, values] = sendStatement([sessionId], [senderId], [body]);
  // A session deleted under this send fails its foreign key: apiRoute answers that 404 (or 401 if
  // the caller is the one deleted), as for any write racing a delete.
  const [row] = await tx.$queryRawUnsafe<Row[]>(statement, ...values);
  if (!row) throw new DomainError("not_found", "sessionNotFound");
  return { message: messageOf(row, senderId), announce: () => announceSent(row, senderId, sessionId) };
}

function announceSent(row: Row, senderId: number, sessionId: number): Promise<void> {
  return publishEvent({
    type: "message",
    sessionId,
    messageId: row.id,
    senderId,
    participants: [row.customerId, row.vendorId],
    notification: { id: row.notificationId, userId: row.recipientId },
    events: [[row.customerId, row.customerEventId], [row.vendorId, row.vendorEventId]],
  });
}

function messageOf(row: Row, senderId: number): ParticipantMessage {
  return { id: row.id, body: row.body, createdAt: row.createdAt, readAt: row.readAt, sender: { id: senderId, name: row.senderName, role: row.senderRole }, fromMarketplaceSupport: false };
}
