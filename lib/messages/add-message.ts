import "server-only";
import type { z } from "zod";
import { ActionFailure } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import type { ConversationMessage } from "@/lib/chat-sessions/conversation";
import type { newMessageSchema } from "./message-schema";

/**
 * MSG-5: a message from one of the session's two participants. The database's triggers count
 * it and move the session's last-message time to it (FORM-4's automatic update), in this transaction.
 */
export async function addMessage(input: z.output<typeof newMessageSchema>): Promise<ConversationMessage> {
  return db.$transaction(async (tx) => {
    const session = await tx.chatSession.findUnique({ where: { id: input.sessionId }, select: { customerId: true, vendorId: true } });
    if (!session) throw new ActionFailure("not_found", "sessionNotFound");
    if (input.senderId !== session.customerId && input.senderId !== session.vendorId) {
      throw new ActionFailure("invalid", "invalidInput", { senderId: "senderNotParticipant" });
    }
    return tx.chatMessage.create({
      data: { sessionId: input.sessionId, senderId: input.senderId, body: input.body },
      select: { id: true, body: true, createdAt: true, readAt: true, sender: { select: { id: true, name: true, role: true } } },
    });
  });
}
