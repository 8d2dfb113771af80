import "server-only";
import { BULK_TRANSACTION, db } from "@/lib/db";
import { audit } from "@/lib/audit";
import { recordSessionsChanged } from "@/lib/realtime/session-events";
import { selectionSql } from "@/lib/list-engine/list-source";
import type { Selection } from "@/lib/list-engine/selection";
import type { sessionsList } from "./list";
import { sessionsSource } from "./list-source";

/** ROW-4 and BULK-2: sessions and all their messages go, in one transaction, for good. */
export async function deleteSessions(selection: Selection<typeof sessionsList.filters>, actorId: number): Promise<{ sessions: number; messages: number }> {
  const { result, deleted } = await db.$transaction(async (tx) => {
    const deleted = await tx.$queryRaw<{ id: number; message_count: number; customerId: number; vendorId: number }[]>`
      DELETE FROM chat_sessions WHERE ${selectionSql(sessionsSource, selection, { id: actorId })}
      RETURNING id, message_count, customer_id AS "customerId", vendor_id AS "vendorId"`;
    const messages = deleted.reduce((sum, row) => sum + row.message_count, 0);
    await audit(tx, {
      actorId,
      action: "chatSessions.delete",
      targetType: "chatSession",
      targetId: deleted.length === 1 ? deleted[0]?.id : undefined,
      details: { sessions: deleted.length, messages, ids: deleted.slice(0, 1000).map((row) => row.id) },
    });
    return { result: { sessions: deleted.length, messages }, deleted };
  }, BULK_TRANSACTION);
  await recordSessionsChanged("session", deleted);
  return result;
}
