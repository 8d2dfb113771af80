import "server-only";
import type { z } from "zod";
import { DomainError } from "@/lib/errors";
import { audit } from "@/lib/audit";
import type { CurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { can } from "@/lib/permissions";
import { participantsOf, recordSessionsChanged } from "@/lib/realtime/session-events";
import { assertParticipantsValid } from "./session-participants";
import type { updateSessionSchema } from "./session-schema";

export type UpdateSessionOutcome =
  | { status: "saved"; id: number; updatedAt: string }
  /** Nothing saved: the new participants would see this many messages; ask the admin first. */
  | { status: "confirmReassign"; messages: number; newParticipants: string[] };

type Seat = { id: number; name: string };

/**
 * ROW-3: saves the session's details, unless someone else saved it since the form was opened
 * (optimistic concurrency on updated_at: the second writer is told, not silently overwritten).
 *
 * FORM-4: the last-message time is written only when the user changed it, so a message sent
 * while the form was open (the triggers move the time forward) is not undone by the save; and it
 * may not go back before the session's newest message, which would be counter drift.
 *
 * "Correct them when needed" meets privacy: whoever takes a seat of a session reads its whole
 * history. A session without messages is corrected freely; one with messages changes hands only
 * by an admin who confirmed who will see how many messages (the count they confirmed must still
 * be the count), and the entry in the audit log names the old and the new participant.
 */
export async function updateSession(input: z.output<typeof updateSessionSchema>, actor: CurrentUser): Promise<UpdateSessionOutcome> {
  const lastMessageAt = new Date(input.lastMessageAt);
  const changesLastMessageAt = lastMessageAt.getTime() !== new Date(input.openedLastMessageAt).getTime();
  const outcome = await db.$transaction(async (tx): Promise<UpdateSessionOutcome> => {
    const chosen = await assertParticipantsValid(tx, input);
    // Locked, so that no message slips in between counting the history and handing it over.
    const [current] = await tx.$queryRaw<{ customerId: number; customerName: string; vendorId: number; vendorName: string; messages: number; updatedAt: Date }[]>`
      SELECT customer_id AS "customerId", customer_name AS "customerName", vendor_id AS "vendorId", vendor_name AS "vendorName",
             message_count AS messages, updated_at AS "updatedAt"
        FROM chat_sessions WHERE id = ${input.id} FOR NO KEY UPDATE`;
    if (!current) throw new DomainError("not_found", "sessionGone");
    if (current.updatedAt.getTime() !== new Date(input.expectedUpdatedAt).getTime()) throw new DomainError("conflict", "editConflict");
    const handedOver: { customer?: { from: Seat; to: Seat }; vendor?: { from: Seat; to: Seat } } = {};
    if (current.customerId !== input.customerId) handedOver.customer = { from: { id: current.customerId, name: current.customerName }, to: chosen.customer };
    if (current.vendorId !== input.vendorId) handedOver.vendor = { from: { id: current.vendorId, name: current.vendorName }, to: chosen.vendor };
    const reassigns = current.messages > 0 && (handedOver.customer || handedOver.vendor);
    if (reassigns) {
      if (!can(actor.role, "chatSessions.reassign")) {
        const field = handedOver.customer ? "customerId" : "vendorId";
        throw new DomainError("forbidden", "reassignAdminOnly", { [field]: "reassignAdminOnly" });
      }
      if (input.confirmedMessages !== current.messages) {
        return { status: "confirmReassign", messages: current.messages, newParticipants: [handedOver.customer?.to.name, handedOver.vendor?.to.name].filter((name) => name !== undefined) };
      }
    }
    if (changesLastMessageAt) {
      const newest = await tx.chatMessage.findFirst({ where: { sessionId: input.id }, orderBy: { createdAt: "desc" }, select: { createdAt: true } });
      if (newest && newest.createdAt > lastMessageAt) {
        throw new DomainError("invalid", "invalidInput", { lastMessageAt: "dateBeforeNewestMessage" });
      }
    }
    const session = await tx.chatSession.update({
      where: { id: input.id },
      data: {
        productId: input.productId,
        customerId: input.customerId,
        vendorId: input.vendorId,
        orderId: input.orderId,
        ...(changesLastMessageAt ? { lastMessageAt } : {}),
      },
      select: { id: true, updatedAt: true },
    });
    await audit(tx, {
      actorId: actor.id,
      action: reassigns ? "chatSessions.reassign" : "chatSessions.update",
      targetType: "chatSession",
      targetId: input.id,
      details: { productId: input.productId, customerId: input.customerId, vendorId: input.vendorId, orderId: input.orderId, lastMessageAt: changesLastMessageAt ? input.lastMessageAt : null, ...handedOver, messages: current.messages },
    });
    return { status: "saved", id: session.id, updatedAt: session.updatedAt.toISOString() };
  });
  if (outcome.status === "saved") await recordSessionsChanged("session", await participantsOf([outcome.id]));
  return outcome;
}
