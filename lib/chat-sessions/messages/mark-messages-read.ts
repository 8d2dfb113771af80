import "server-only";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import { BULK_TRANSACTION, db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { closeUndo, openUndo } from "@/lib/undo/undo-window";
import { participantsOf, recordSessionsChanged } from "@/lib/realtime/session-events";
import type { markMessagesReadSchema } from "./message-schema";

/**
 * MSG-7: marks one, some or all unread messages of a session read, audited; returns how many
 * changed, who did (named on the panel), and the token that undoes exactly those (issue 20).
 */
export async function markMessagesRead(input: z.output<typeof markMessagesReadSchema>, actor: { id: number; name: string }): Promise<{ messages: number; readAt: string; readBy: string; undoToken: string | null }> {
  const actorId = actor.id;
  const readAt = new Date();
  const { count, undoToken } = await db.$transaction(async (tx) => {
    const undoToken = await openUndo(tx, actorId, "read");
    const only = "messageIds" in input ? Prisma.sql`AND id = ANY(${input.messageIds}::int[])` : Prisma.empty;
    const [{ count }] = await tx.$queryRaw<[{ count: number }]>`
      WITH updated AS (
        UPDATE chat_messages SET read_at = ${readAt}, read_by_staff_id = ${actorId} WHERE session_id = ${input.sessionId} AND read_at IS NULL ${only} RETURNING id
      ), marks AS (
        INSERT INTO undo_read_marks (token, message_id) SELECT ${undoToken}::uuid, id FROM updated
      )
      SELECT count(*)::int AS count FROM updated`;
    if (count === 0) return { count, undoToken: await closeUndo(tx, undoToken, 0) };
    const selection = "messageIds" in input ? { messageIds: input.messageIds } : { all: true };
    await audit(tx, { actorId, action: "messages.markRead", targetType: "chatSession", targetId: input.sessionId, details: { ...selection, messages: count } });
    return { count, undoToken: await closeUndo(tx, undoToken, count) };
  }, BULK_TRANSACTION);
  if (count > 0) await recordSessionsChanged("read", await participantsOf([input.sessionId]));
  return { messages: count, readAt: readAt.toISOString(), readBy: actor.name, undoToken };
}
