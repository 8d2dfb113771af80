import "server-only";
import { ActionFailure } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { recordSessionsChanged } from "@/lib/realtime/session-events";

/**
 * A customer asks about a product: the session is with the product's owner, and an existing
 * session for the same product and pair is reused rather than duplicated.
 */
export async function startSessionAboutProduct(customerId: number, productId: number): Promise<{ id: number; created: boolean }> {
  const outcome = await db.$transaction(async (tx) => {
    const product = await tx.product.findUnique({ where: { id: productId }, select: { vendorId: true } });
    if (!product) throw new ActionFailure("not_found", "productNotFound");
    if (product.vendorId === customerId) throw new ActionFailure("invalid", "ownProduct");
    // Two taps on "ask" at once must not open two sessions: one starter per product and customer at a time.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${productId}::int, ${customerId}::int)`;
    const existing = await tx.chatSession.findFirst({ where: { productId, customerId, vendorId: product.vendorId }, orderBy: { id: "asc" }, select: { id: true } });
    if (existing) return { id: existing.id, created: false, vendorId: product.vendorId };
    const session = await tx.chatSession.create({ data: { productId, customerId, vendorId: product.vendorId }, select: { id: true } });
    return { id: session.id, created: true, vendorId: product.vendorId };
  });
  if (outcome.created) await recordSessionsChanged("session", [{ id: outcome.id, customerId, vendorId: outcome.vendorId }]);
  return { id: outcome.id, created: outcome.created };
}
