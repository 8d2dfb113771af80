import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { parseRouteId } from "@/lib/route-id";

/** A product as its page shows it; null for an id that is not a product. */
export const getProduct = cache(async (rawId: string) => {
  const id = parseRouteId(rawId);
  if (id === null) return null;
  return db.product.findUnique({
    where: { id },
    select: { id: true, name: true, price: true, createdAt: true, vendor: { select: { id: true, name: true } } },
  });
});
