import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { ActionFailure } from "@/lib/actions/define-action";

/** The chosen product and people must still exist when the form is saved. */
export async function assertParticipantsExist(tx: Prisma.TransactionClient, input: { productId: number; customerId: number; vendorId: number }) {
  const [product, customer, vendor] = await Promise.all([
    tx.product.findUnique({ where: { id: input.productId }, select: { id: true } }),
    tx.user.findUnique({ where: { id: input.customerId }, select: { id: true } }),
    tx.user.findUnique({ where: { id: input.vendorId }, select: { id: true } }),
  ]);
  const missing: Record<string, string> = {};
  if (!product) missing.productId = "productGone";
  if (!customer) missing.customerId = "userGone";
  if (!vendor) missing.vendorId = "userGone";
  if (Object.keys(missing).length) throw new ActionFailure("invalid", "invalidInput", missing);
}
