import "server-only";
import type { z } from "zod";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { participantsOf, recordSessionsChanged } from "@/lib/realtime/session-events";
import { assertParticipantsValid } from "./session-participants";
import type { createSessionSchema } from "./session-schema";

export type CreateSessionOutcome = { status: "created"; id: number } | { status: "duplicate"; existingId: number };

/** FORM-1..5: a new session, audited, unless the same product, customer and vendor already talk (then say so). */
export async function createSession(input: z.output<typeof createSessionSchema>, actor: CurrentUser): Promise<CreateSessionOutcome> {
  const outcome = await db.$transaction(async (tx): Promise<CreateSessionOutcome> => {
    await assertParticipantsValid(tx, input);
    if (!input.allowDuplicate) {
      const existing = await tx.chatSession.findFirst({
        where: { productId: input.productId, customerId: input.customerId, vendorId: input.vendorId },
        select: { id: true },
        orderBy: { id: "asc" },
      });
      if (existing) return { status: "duplicate", existingId: existing.id };
    }
    const session = await tx.chatSession.create({
      data: { productId: input.productId, customerId: input.customerId, vendorId: input.vendorId, orderId: input.orderId, lastMessageAt: new Date(input.lastMessageAt) },
      select: { id: true },
    });
    const { allowDuplicate, ...details } = input;
    await audit(tx, { actorId: actor.id, action: "chatSessions.create", targetType: "chatSession", targetId: session.id, details: { ...details, duplicate: allowDuplicate } });
    return { status: "created", id: session.id };
  });
  if (outcome.status === "created") await recordSessionsChanged("session", await participantsOf([outcome.id]));
  return outcome;
}
