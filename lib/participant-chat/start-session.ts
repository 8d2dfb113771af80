import "server-only";
import { DomainError } from "@/lib/errors";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordSessionsChanged } from "@/lib/realtime/session-events";

/**
 * A customer asks about a product: the session is with the product's owner, and an existing
 * session for the same product and pair is reused rather than duplicated.
 */
export async function startSessionAboutProduct(customerId: number, productId: number): Promise<{ id: number; created: boolean }> {
  const { session, announce } = await db.$transaction((tx) => startSessionIn(tx, customerId, productId));
  await announce();
  return session;
}

/** The same, inside a caller's transaction (an Idempotency-Key's); `announce` once it has committed. */
export async function startSessionIn(
  tx: Prisma.TransactionClient,
  customerId: number,
  productId: number,
): Promise<{ session: { id: number; created: boolean }; announce: () => Promise<void> }> {
  const product = await tx.product.findUnique({ where: { id: productId }, select: { vendorId: true } });
  if (!product) throw new DomainError("not_found", "productNotFound");
  if (product.vendorId === customerId) throw new DomainError("invalid", "ownProduct");
  const { vendorId } = product;
  // Two taps on "ask" at once must not open two sessions: one starter per product and customer at a time.
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${productId}::int, ${customerId}::int)`;
  const existing = await tx.chatSession.findFirst({ where: { productId, customerId, vendorId }, orderBy: { id: "asc" }, select: { id: true } });
  if (existing) return { session: { id: existing.id, created: false }, announce: async () => {} };
  const { id } = await tx.chatSession.create({ data: { productId, customerId, vendorId }, select: { id: true } });
  return { session: { id, created: true }, announce: () => recordSessionsChanged("session", [{ id, customerId, vendorId }]) };
}
