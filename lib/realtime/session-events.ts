import "server-only";
import { db, dbPool } from "@/lib/db";
import { announcementOf } from "./announcement";
import { eventBus, publishEvent } from "./bus";
import { eventLogStatement, eventLogStatementAnnouncedOnce, type EventLogWrite } from "./event-log-writes";
import type { UserEventIds } from "./events";

const MAX_EVENTS = 200;
const CHUNK = 1000;

type ChangedSession = { id: number; customerId: number; vendorId: number };
type Recorded = { sessionId: number; customerId: number; vendorId: number; customerEventId: number; vendorEventId: number };

// Both participants' events of each changed session, inserted in user order (the events' trigger
// locks each user's row: one order for every writer, so writers never deadlock), and announced in
// session order, which for each user is the order of their new ids.
const RECORD: EventLogWrite = {
  with: `
  WITH changed AS (
    SELECT DISTINCT t.session_id, t.customer_id, t.vendor_id FROM unnest($2::int[], $3::int[], $4::int[]) AS t(session_id, customer_id, vendor_id)
  ), e AS (
    INSERT INTO user_events (user_id, kind, session_id)
    SELECT p.user_id, $1::text::"UserEventKind", c.session_id FROM changed c CROSS JOIN LATERAL (VALUES (c.customer_id), (c.vendor_id)) AS p(user_id)
     ORDER BY p.user_id, c.session_id
    RETURNING id, user_id, session_id
  )`,
  select: `c.session_id AS "sessionId", c.customer_id AS "customerId", c.vendor_id AS "vendorId", ec.id AS "customerEventId", ev.id AS "vendorEventId"`,
  from: `FROM changed c
    JOIN e ec ON ec.session_id = c.session_id AND ec.user_id = c.customer_id
    JOIN e ev ON ev.session_id = c.session_id AND ev.user_id = c.vendor_id
   ORDER BY c.session_id`,
  announce: {
    type: "$1::text",
    sessionId: "c.session_id",
    participants: "json_build_array(c.customer_id, c.vendor_id)",
    events: "json_build_array(json_build_array(c.customer_id, ec.id), json_build_array(c.vendor_id, ev.id))",
  },
};

/**
 * Records that these sessions changed ("read": messages were read; "session": the session was
 * started, edited, deleted or lost a message) in both participants' event logs, so that their
 * streams send it with an id and replay it after a reconnect, and tells every instance. Called
 * after the change has committed, as a statement of its own; a failure is logged, never undoes
 * the change.
 */
export async function recordSessionsChanged(type: "read" | "session", sessions: ChangedSession[]): Promise<void> {
  // A bulk action on many thousands of sessions is recorded a thousand at a time: each statement
  // holds its users' rows (and so their sends) only as long as it takes to write a thousand.
  for (let i = 0; i < sessions.length; i += CHUNK) await recordChunk(type, sessions.slice(i, i + CHUNK));
}

async function recordChunk(type: "read" | "session", sessions: ChangedSession[]): Promise<void> {
  const many = sessions.length > MAX_EVENTS;
  const notifying = eventBus().writersAnnounce;
  const values = [type, sessions.map((s) => s.id), sessions.map((s) => s.customerId), sessions.map((s) => s.vendorId)];
  const manyEvent = { type, sessionId: 0, participants: [], events: [] };
  try {
    // Beyond MAX_EVENTS sessions, one announcement for them all: staff refresh, participants' streams read their logs.
    const [statement, parameters] = many ? eventLogStatementAnnouncedOnce(RECORD, notifying, values, announcementOf(manyEvent)) : eventLogStatement(RECORD, notifying, values);
    const { rows } = await dbPool().query<Recorded>(statement, parameters);
    if (notifying) return;
    // Published after commit, the announcement names its log rows (the bus's reconciler knows them heard).
    if (many) return await publishEvent({ ...manyEvent, events: rows.flatMap((row): UserEventIds => [[row.customerId, row.customerEventId], [row.vendorId, row.vendorEventId]]) });
    for (const row of rows) {
      await publishEvent({
        type,
        sessionId: row.sessionId,
        participants: [row.customerId, row.vendorId],
        events: [[row.customerId, row.customerEventId], [row.vendorId, row.vendorEventId]],
      });
    }
  } catch (error) {
    console.error("session change not recorded", error);
  }
}

export async function participantsOf(sessionIds: number[]) {
  return db.chatSession.findMany({ where: { id: { in: sessionIds } }, select: { id: true, customerId: true, vendorId: true } });
}
