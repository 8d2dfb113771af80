import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActionFailure } from "@/lib/actions/define-action";

/**
 * The chosen product and people must still exist when the form is saved, and a linked order
 * must be one between the same customer and vendor.
 */
export async function assertParticipantsExist(tx: Prisma.TransactionClient, input: { productId: number; customerId: number; vendorId: number; orderId: number | null }) {
  const [product, customer, vendor, order] = await Promise.all([
    tx.product.findUnique({ where: { id: input.productId }, select: { id: true } }),
    tx.user.findUnique({ where: { id: input.customerId }, select: { id: true } }),
    tx.user.findUnique({ where: { id: input.vendorId }, select: { id: true } }),
    input.orderId == null ? null : tx.order.findUnique({ where: { id: input.orderId }, select: { customerId: true, vendorId: true } }),
  ]);
  const missing: Record<string, string> = {};
  if (!product) missing.productId = "productGone";
  if (!customer) missing.customerId = "userGone";
  if (!vendor) missing.vendorId = "userGone";
  if (input.orderId != null && !order) missing.orderId = "orderGone";
  else if (order && (order.customerId !== input.customerId || order.vendorId !== input.vendorId)) missing.orderId = "orderOtherParticipants";
  if (Object.keys(missing).length) throw new ActionFailure("invalid", "invalidInput", missing);
}
