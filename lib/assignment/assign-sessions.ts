import "server-only";
import { present } from "@/lib/present";
import { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { sessionsList } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { BULK_TRANSACTION, db } from "@/lib/db";
import { selectionSql } from "@/lib/list-engine/list-source";
import type { Selection } from "@/lib/list-engine/selection";
import { can } from "@/lib/permissions";
import { announceStaffChange } from "@/lib/realtime/staff-events";
import { closeUndo, openUndo } from "@/lib/undo/undo-window";
import { ASSIGNABLE_ROLES } from "./staff";

export type AssignOutcome = {
  /** sessions whose assignee changed */
  sessions: number;
  /** sessions left alone: held by another staff member, whom only an admin may take them from */
  skipped: number;
  /** what the toast's Undo sends back; null when nothing changed */
  undoToken: string | null;
};

/**
 * Gives the selected sessions to a staff member (null: releases them), in one transaction, for
 * a selection of any size. The permission matrix decides: `chatSessions.assign` (support) takes
 * sessions nobody holds and releases its own; `chatSessions.assignOthers` (admins) gives any
 * session to any admin or support agent. Each change is in the session's history (its
 * timeline), in the audit log, and in an undo record naming exactly the sessions it changed.
 */
export async function assignSessions(selection: Selection<typeof sessionsList.filters>, assigneeId: number | null, actor: CurrentUser): Promise<AssignOutcome> {
  const mayTouchOthers = can(actor.role, "chatSessions.assignOthers");
  if (assigneeId !== null && assigneeId !== actor.id && !mayTouchOthers) throw new DomainError("forbidden", "forbidden");
  const outcome = await db.$transaction(async (tx) => {
    if (assigneeId !== null) {
      const assignee = await tx.user.findUnique({ where: { id: assigneeId }, select: { role: true } });
      if (!assignee || !(ASSIGNABLE_ROLES as readonly string[]).includes(assignee.role)) throw new DomainError("invalid", "invalidInput", { assigneeId: "assigneeNotStaff" });
    }
    const undoToken = await openUndo(tx, actor.id, "assign");
    // Only what the actor may change is changed; the rest is counted as skipped, not refused whole.
    const allowed = mayTouchOthers ? Prisma.sql`TRUE` : Prisma.sql`(assignee_id IS NULL OR assignee_id = ${actor.id})`;
    // Rows locked in id order, the order every writer of sessions uses (no deadlocks).
    const [counts] = await tx.$queryRaw<{ changed: number; skipped: number; ids: number[] }[]>`
      WITH chosen AS (
        SELECT id, assignee_id, ${allowed} AS allowed FROM chat_sessions
         WHERE ${selectionSql(sessionsSource, selection, actor)} AND assignee_id IS DISTINCT FROM ${assigneeId}::int
         ORDER BY id FOR NO KEY UPDATE
      ), changed AS (
        UPDATE chat_sessions s SET assignee_id = ${assigneeId}::int FROM chosen c WHERE s.id = c.id AND c.allowed
        RETURNING s.id, c.assignee_id AS previous
      ), history AS (
        INSERT INTO session_assignments (session_id, actor_id, assignee_id) SELECT id, ${actor.id}, ${assigneeId}::int FROM changed
      ), undo AS (
        INSERT INTO undo_assignments (token, session_id, previous_assignee_id, assignee_id) SELECT ${undoToken}::uuid, id, previous, ${assigneeId}::int FROM changed
      )
      SELECT (SELECT count(*) FROM changed)::int AS changed,
             (SELECT count(*) FROM chosen WHERE NOT allowed)::int AS skipped,
             coalesce((SELECT array_agg(id ORDER BY id) FROM (SELECT id FROM changed LIMIT 1000) few), '{}') AS ids`;
    const { changed, skipped, ids } = present(counts, "the assignment's counts");
    if (changed === 0) return { sessions: 0, skipped, undoToken: await closeUndo(tx, undoToken, 0), ids };
    await audit(tx, {
      actorId: actor.id,
      action: assigneeId === null ? "chatSessions.unassign" : "chatSessions.assign",
      targetType: "chatSession",
      targetId: changed === 1 ? ids[0] : undefined,
      details: { selection, assigneeId, sessions: changed, skipped, ids },
    });
    return { sessions: changed, skipped, undoToken: await closeUndo(tx, undoToken, changed), ids };
  }, BULK_TRANSACTION);
  await announceStaffChange(outcome.sessions > outcome.ids.length ? [0] : outcome.ids);
  return { sessions: outcome.sessions, skipped: outcome.skipped, undoToken: outcome.undoToken };
}
