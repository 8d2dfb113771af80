import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { parseRouteId } from "@/lib/route-id";

/** An order with its customer, vendor and items (its sessions are the sessions list, filtered). */
export const getOrder = cache(async (rawId: string) => {
  const id = parseRouteId(rawId);
  if (id === null) return null;
  return db.order.findUnique({
    where: { id },
    select: {
      id: true,
      status: true,
      total: true,
      createdAt: true,
      customer: { select: { id: true, name: true } },
      vendor: { select: { id: true, name: true } },
      items: { select: { id: true, quantity: true, unitPrice: true, product: { select: { id: true, name: true } } } },
    },
  });
});
