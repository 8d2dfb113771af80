import "server-only";
import { db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { selectionSql } from "./selection-sql";
import type { Selection } from "./selection";

/** BULK-1: every unread message of the selected sessions becomes read; triggers move the counters. */
export async function markSessionsRead(selection: Selection, actorId: number): Promise<{ messages: number }> {
  return db.$transaction(async (tx) => {
    const messages = await tx.$executeRaw`
      UPDATE chat_messages SET read_at = now()
       WHERE read_at IS NULL AND session_id IN (SELECT id FROM chat_sessions WHERE ${selectionSql(selection)})`;
    await audit(tx, { actorId, action: "chatSessions.markRead", targetType: "chatSession", details: { selection, messages } });
    return { messages };
  });
}
