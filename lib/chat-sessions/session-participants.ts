import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DomainError } from "@/lib/errors";

export type ChosenParticipants = { customer: { id: number; name: string }; vendor: { id: number; name: string } };

/**
 * The chosen product and people must still exist when the form is saved, the customer must be a
 * customer and the vendor a vendor (the database refuses anything else too: the form's own
 * dropdowns offer only those, but a user's role is the database's to say, not the browser's),
 * and a linked order must be one between the same customer and vendor.
 */
export async function assertParticipantsValid(
  tx: Prisma.TransactionClient,
  input: { productId: number; customerId: number; vendorId: number; orderId: number | null },
): Promise<ChosenParticipants> {
  // One after another: a transaction is one connection, and pg deprecates overlapping queries on it.
  const product = await tx.product.findUnique({ where: { id: input.productId }, select: { id: true } });
  const customer = await tx.user.findUnique({ where: { id: input.customerId }, select: { id: true, name: true, role: true } });
  const vendor = await tx.user.findUnique({ where: { id: input.vendorId }, select: { id: true, name: true, role: true } });
  const order = input.orderId == null ? null : await tx.order.findUnique({ where: { id: input.orderId }, select: { customerId: true, vendorId: true } });
  const wrong: Record<string, string> = {};
  if (!product) wrong.productId = "productGone";
  if (!customer) wrong.customerId = "userGone";
  else if (customer.role !== "customer") wrong.customerId = "notACustomer";
  if (!vendor) wrong.vendorId = "userGone";
  else if (vendor.role !== "vendor") wrong.vendorId = "notAVendor";
  if (input.orderId != null && !order) wrong.orderId = "orderGone";
  else if (order && (order.customerId !== input.customerId || order.vendorId !== input.vendorId)) wrong.orderId = "orderOtherParticipants";
  if (Object.keys(wrong).length || !customer || !vendor) throw new DomainError("invalid", "invalidInput", wrong);
  return { customer: { id: customer.id, name: customer.name }, vendor: { id: vendor.id, name: vendor.name } };
}
