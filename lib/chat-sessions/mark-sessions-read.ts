import "server-only";
import { BULK_TRANSACTION, db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { recordSessionsChanged } from "@/lib/realtime/session-events";
import { selectionSql } from "@/lib/list-engine/list-source";
import type { Selection } from "@/lib/list-engine/selection";
import { closeUndo, openUndo } from "@/lib/undo/undo-window";
import type { sessionsList } from "./list";
import { sessionsSource } from "./list-source";

/**
 * BULK-1: every unread message of the selected sessions becomes read, marked by this staff member;
 * triggers move the counters.
 * The messages it changed (and only those) are recorded for Undo (issue 20), in the same statement.
 */
export async function markSessionsRead(selection: Selection<typeof sessionsList.filters>, actorId: number): Promise<{ messages: number; undoToken: string | null }> {
  const { messages, sessions, undoToken } = await db.$transaction(async (tx) => {
    const undoToken = await openUndo(tx, actorId, "read");
    const touched = await tx.$queryRaw<{ id: number; customerId: number; vendorId: number; messages: number }[]>`
      WITH updated AS (
        UPDATE chat_messages SET read_at = now(), read_by_staff_id = ${actorId}
         WHERE read_at IS NULL AND session_id IN (SELECT id FROM chat_sessions WHERE ${selectionSql(sessionsSource, selection, { id: actorId })})
        RETURNING id, session_id
      ), marks AS (
        INSERT INTO undo_read_marks (token, message_id) SELECT ${undoToken}::uuid, id FROM updated
      )
      SELECT s.id, s.customer_id AS "customerId", s.vendor_id AS "vendorId", count(*)::int AS messages
        FROM updated JOIN chat_sessions s ON s.id = updated.session_id GROUP BY s.id`;
    const total = touched.reduce((sum, row) => sum + row.messages, 0);
    await audit(tx, { actorId, action: "chatSessions.markRead", targetType: "chatSession", details: { selection, messages: total } });
    return { messages: total, sessions: touched, undoToken: await closeUndo(tx, undoToken, total) };
  }, BULK_TRANSACTION);
  await recordSessionsChanged("read", sessions);
  return { messages, undoToken };
}
