import "server-only";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import { db } from "@/lib/db";
import { participantsOf, recordSessionsChanged } from "@/lib/realtime/session-events";
import type { markMessagesReadSchema } from "./message-schema";

/** MSG-7: marks one, some or all unread messages of a session read, audited, naming the staff member who did; returns how many changed. */
export async function markMessagesRead(input: z.output<typeof markMessagesReadSchema>, actor: { id: number; name: string }): Promise<{ messages: number; readAt: string; readBy: string }> {
  const actorId = actor.id;
  const readAt = new Date();
  const count = await db.$transaction(async (tx) => {
    const { count } = await tx.chatMessage.updateMany({
      where: { sessionId: input.sessionId, readAt: null, ...("messageIds" in input ? { id: { in: input.messageIds } } : {}) },
      data: { readAt, readByStaffId: actorId },
    });
    if (count > 0) {
      const selection = "messageIds" in input ? { messageIds: input.messageIds } : { all: true };
      await audit(tx, { actorId, action: "messages.markRead", targetType: "chatSession", targetId: input.sessionId, details: { ...selection, messages: count } });
    }
    return count;
  });
  if (count > 0) await recordSessionsChanged("read", await participantsOf([input.sessionId]));
  return { messages: count, readAt: readAt.toISOString(), readBy: actor.name };
}
