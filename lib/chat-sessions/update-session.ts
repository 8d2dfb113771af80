import "server-only";
import type { z } from "zod";
import { ActionFailure } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { participantsOf, recordSessionsChanged } from "@/lib/realtime/session-events";
import { assertParticipantsExist } from "./session-participants";
import type { updateSessionSchema } from "./session-schema";

/**
 * ROW-3: saves the session's details, unless someone else saved it since the form was opened
 * (optimistic concurrency on updated_at: the second writer is told, not silently overwritten).
 *
 * FORM-4: the last-message time is written only when the user changed it, so a message sent
 * while the form was open (the triggers move the time forward) is not undone by the save; and it
 * may not go back before the session's newest message, which would be counter drift.
 */
export async function updateSession(input: z.output<typeof updateSessionSchema>): Promise<{ id: number; updatedAt: string }> {
  const lastMessageAt = new Date(input.lastMessageAt);
  const changesLastMessageAt = lastMessageAt.getTime() !== new Date(input.openedLastMessageAt).getTime();
  const outcome = await db.$transaction(async (tx) => {
    await assertParticipantsExist(tx, input);
    if (changesLastMessageAt) {
      const newest = await tx.chatMessage.findFirst({ where: { sessionId: input.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
      if (newest && newest.createdAt > lastMessageAt) {
        throw new ActionFailure("invalid", "invalidInput", { lastMessageAt: "dateBeforeNewestMessage" });
      }
    }
    const updated = await tx.chatSession.updateMany({
      where: { id: input.id, updatedAt: new Date(input.expectedUpdatedAt) },
      data: {
        productId: input.productId,
        customerId: input.customerId,
        vendorId: input.vendorId,
        orderId: input.orderId,
        ...(changesLastMessageAt ? { lastMessageAt } : {}),
      },
    });
    if (updated.count === 0) {
      const exists = await tx.chatSession.findUnique({ where: { id: input.id }, select: { id: true } });
      throw new ActionFailure(exists ? "conflict" : "not_found", exists ? "editConflict" : "sessionGone");
    }
    const session = await tx.chatSession.findUniqueOrThrow({ where: { id: input.id }, select: { id: true, updatedAt: true } });
    return { id: session.id, updatedAt: session.updatedAt.toISOString() };
  });
  await recordSessionsChanged("session", await participantsOf([outcome.id]));
  return outcome;
}
