import "server-only";
import type { z } from "zod";
import { DomainError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { participantsOf, recordSessionsChanged } from "@/lib/realtime/session-events";
import type { deleteMessageSchema } from "./message-schema";

/** MSG-6: removes an inappropriate message; deleting the newest moves the last-message time back. */
export async function deleteMessage(input: z.output<typeof deleteMessageSchema>, actorId: number): Promise<{ id: number }> {
  const deleted = await db.$transaction(async (tx) => {
    const deleted = await tx.chatMessage.deleteMany({ where: { id: input.messageId, sessionId: input.sessionId } });
    if (deleted.count === 0) throw new DomainError("not_found", "messageNotFound");
    await audit(tx, { actorId, action: "messages.delete", targetType: "chatMessage", targetId: input.messageId, details: { sessionId: input.sessionId } });
    return { id: input.messageId };
  });
  await recordSessionsChanged("session", await participantsOf([input.sessionId]));
  return deleted;
}
