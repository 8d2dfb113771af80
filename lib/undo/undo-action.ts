import "server-only";
import { DomainError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { BULK_TRANSACTION, db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordSessionsChanged } from "@/lib/realtime/session-events";
import { announceStaffChange } from "@/lib/realtime/staff-events";

type Tx = Prisma.TransactionClient;
type Touched = { id: number; customerId: number; vendorId: number };

/**
 * Undoes an action of this user within its window, exactly: only the rows it recorded, and of
 * those only the ones still as it left them, in one transaction, for any number of rows.
 *
 * Read marks: the recorded messages become unread again. A participant who read one meanwhile
 * deleted its mark in their own read (lib/participant-chat/read-receipts.ts), so it stays read; the marks are
 * taken with DELETE, which waits for such a read to commit and then skips what it removed.
 * The counters and the badge follow from the triggers, in this transaction.
 *
 * Assignments: each session goes back to its assignee before, unless someone changed it since.
 */
export async function undoAction(token: string, actorId: number): Promise<{ kind: string; changed: number }> {
  const { kind, changed, sessions } = await db.$transaction(async (tx) => {
    const [action] = await tx.$queryRaw<{ kind: string }[]>`
      SELECT kind FROM undo_actions WHERE token = ${token}::uuid AND actor_id = ${actorId} AND expires_at > now() FOR UPDATE`;
    if (!action) throw new DomainError("not_found", "undoExpired");
    const done = action.kind === "read" ? await undoReads(tx, token) : await undoAssignments(tx, token, actorId);
    await tx.$executeRaw`DELETE FROM undo_actions WHERE token = ${token}::uuid`;
    await audit(tx, { actorId, action: "chatSessions.undo", targetType: "chatSession", targetId: done.sessions.length === 1 ? done.sessions[0]?.id : undefined, details: { kind: action.kind, changed: done.changed, sessions: done.sessions.length } });
    return { kind: action.kind, ...done };
  }, BULK_TRANSACTION);
  if (kind === "read") await recordSessionsChanged("read", sessions);
  else await announceStaffChange(sessions.length > 50 ? [0] : sessions.map((session) => session.id));
  return { kind, changed };
}

async function undoReads(tx: Tx, token: string): Promise<{ changed: number; sessions: Touched[] }> {
  const sessions = await tx.$queryRaw<(Touched & { messages: number })[]>`
    WITH marks AS (
      DELETE FROM undo_read_marks WHERE token = ${token}::uuid RETURNING message_id
    ), unread AS (
      UPDATE chat_messages SET read_at = NULL, read_by_staff_id = NULL WHERE id IN (SELECT message_id FROM marks) AND read_at IS NOT NULL RETURNING session_id
    )
    SELECT s.id, s.customer_id AS "customerId", s.vendor_id AS "vendorId", count(*)::int AS messages
      FROM unread JOIN chat_sessions s ON s.id = unread.session_id GROUP BY s.id`;
  return { changed: sessions.reduce((sum, row) => sum + row.messages, 0), sessions };
}

async function undoAssignments(tx: Tx, token: string, actorId: number): Promise<{ changed: number; sessions: Touched[] }> {
  const sessions = await tx.$queryRaw<Touched[]>`
    WITH chosen AS (
      SELECT s.id, u.previous_assignee_id FROM chat_sessions s JOIN undo_assignments u ON u.session_id = s.id AND u.token = ${token}::uuid
       WHERE s.assignee_id IS NOT DISTINCT FROM u.assignee_id
       ORDER BY s.id FOR NO KEY UPDATE OF s
    ), restored AS (
      UPDATE chat_sessions s SET assignee_id = c.previous_assignee_id FROM chosen c WHERE s.id = c.id
      RETURNING s.id, s.customer_id AS "customerId", s.vendor_id AS "vendorId", s.assignee_id
    ), history AS (
      INSERT INTO session_assignments (session_id, actor_id, assignee_id) SELECT id, ${actorId}, assignee_id FROM restored
    )
    SELECT id, "customerId", "vendorId" FROM restored`;
  return { changed: sessions.length, sessions };
}
