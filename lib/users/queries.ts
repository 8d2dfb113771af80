import "server-only";
import { cache } from "react";
import { db } from "@/lib/db";
import { parseRouteId } from "@/lib/route-id";
import { userLinks } from "./user-links";

export const getUser = cache(async (rawId: string) => {
  const id = parseRouteId(rawId);
  if (id === null) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
});

/** How much history ties a user (sessions, messages, products, orders), for their page and form. */
export function getUserLinks(id: number) {
  return userLinks(db, id);
}
