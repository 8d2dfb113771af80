import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { participantsOf, recordSessionsChanged } from "@/lib/realtime/session-events";
import type { markMessagesReadSchema } from "./message-schema";

/** MSG-7: marks one, some or all unread messages of a session read; returns how many changed. */
export async function markMessagesRead(input: z.output<typeof markMessagesReadSchema>): Promise<{ messages: number; readAt: string }> {
  const readAt = new Date();
  const { count } = await db.chatMessage.updateMany({
    where: { sessionId: input.sessionId, readAt: null, ...("messageIds" in input ? { id: { in: input.messageIds } } : {}) },
    data: { readAt },
  });
  if (count > 0) await recordSessionsChanged("read", await participantsOf([input.sessionId]));
  return { messages: count, readAt: readAt.toISOString() };
}
