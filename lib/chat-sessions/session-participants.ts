import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActionFailure } from "@/lib/actions/define-action";

/**
 * The chosen product and people must still exist when the form is saved, and a linked order
 * must be one between the same customer and vendor.
 */
export async function assertParticipantsExist(tx: Prisma.TransactionClient, input: { productId: number; customerId: number; vendorId: number; orderId: number | null }) {
  // One after another: a transaction is one connection, and pg deprecates overlapping queries on it.
  const product = await tx.product.findUnique({ where: { id: input.productId }, select: { id: true } });
  const customer = await tx.user.findUnique({ where: { id: input.customerId }, select: { id: true } });
  const vendor = await tx.user.findUnique({ where: { id: input.vendorId }, select: { id: true } });
  const order = input.orderId == null ? null : await tx.order.findUnique({ where: { id: input.orderId }, select: { customerId: true, vendorId: true } });
  const missing: Record<string, string> = {};
  if (!product) missing.productId = "productGone";
  if (!customer) missing.customerId = "userGone";
  if (!vendor) missing.vendorId = "userGone";
  if (input.orderId != null && !order) missing.orderId = "orderGone";
  else if (order && (order.customerId !== input.customerId || order.vendorId !== input.vendorId)) missing.orderId = "orderOtherParticipants";
  if (Object.keys(missing).length) throw new ActionFailure("invalid", "invalidInput", missing);
}
