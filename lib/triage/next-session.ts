import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import type { SessionFilters } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { TAB_COUNT_CAP } from "@/lib/chat-sessions/queues";
import { WAITING_SORT_SQL } from "@/lib/chat-sessions/waiting";
import type { Cursor } from "@/lib/list-engine/cursor";
import { filtersSql } from "@/lib/list-engine/list-source";
import { notHeldByOthers, takeHold } from "./holds";

const CANDIDATES = 10;
// The waiting sort's expression, as its index has it (only chat_sessions has awaiting_since).
const waitingKey = Prisma.raw(WAITING_SORT_SQL);

export type TriagePick = { sessionId: number; cursor: Cursor; position: { at: number; of: number; capped: boolean } };

/**
 * Triage mode's next session of a queue: the longest waiting after `after` (in the order of the
 * waiting sort), that no other agent holds, taken for this agent. Sessions another agent takes
 * between the read and the take are passed over.
 */
export async function pickNextInQueue(filters: SessionFilters, after: Cursor | null, holderId: number): Promise<TriagePick | null> {
  // The agent is who "me" means in a queue such as Mine (assignee=me).
  const where = filtersSql(sessionsSource, filters, { id: holderId });
  let from = after;
  for (;;) {
    const seek = from ? Prisma.sql`AND (${waitingKey}, s.id) > (${from.value}::timestamptz, ${from.id})` : Prisma.empty;
    const candidates = await queryRows<{ id: number; key: Date }>(Prisma.sql`
      SELECT s.id, ${waitingKey} AS key FROM chat_sessions s
       WHERE ${where} ${seek} AND ${notHeldByOthers(holderId)}
       ORDER BY ${waitingKey}, s.id LIMIT ${CANDIDATES}`);
    for (const candidate of candidates) {
      const cursor = { value: candidate.key.toISOString(), id: candidate.id };
      if (await takeHold(candidate.id, holderId)) return { sessionId: candidate.id, cursor, position: await positionOf(where, cursor) };
      from = cursor;
    }
    if (candidates.length < CANDIDATES) return null;
  }
}

/** "4 of 37": the session's place in its queue's order and the queue's size, both counted up to the tabs' cap. */
async function positionOf(where: Prisma.Sql, cursor: Cursor) {
  const [row] = await queryRows<{ before: number; total: number }>(Prisma.sql`
    SELECT (SELECT count(*)::int FROM (SELECT 1 FROM chat_sessions s WHERE ${where} AND (${waitingKey}, s.id) < (${cursor.value}::timestamptz, ${cursor.id}) LIMIT ${TAB_COUNT_CAP}) b) AS before,
           (SELECT count(*)::int FROM (SELECT 1 FROM chat_sessions s WHERE ${where} LIMIT ${TAB_COUNT_CAP + 1}) t) AS total`);
  const total = row?.total ?? 0;
  return { at: (row?.before ?? 0) + 1, of: Math.min(total, TAB_COUNT_CAP), capped: total > TAB_COUNT_CAP };
}
