import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

/** What ties a user to the marketplace's history; any of it fixes their role and refuses their deletion. */
export type UserLinks = { sessions: number; messages: number; products: number; orders: number };

export async function userLinks(client: Prisma.TransactionClient | typeof db, id: number): Promise<UserLinks> {
  const [row] = await client.$queryRaw<UserLinks[]>`
    SELECT (SELECT count(*)::int FROM chat_sessions WHERE customer_id = ${id} OR vendor_id = ${id}) AS sessions,
           (SELECT count(*)::int FROM chat_messages WHERE sender_id = ${id}) AS messages,
           (SELECT count(*)::int FROM products WHERE vendor_id = ${id}) AS products,
           (SELECT count(*)::int FROM orders WHERE customer_id = ${id} OR vendor_id = ${id}) AS orders`;
  return row!;
}

export const isLinked = (links: UserLinks) => links.sessions + links.messages + links.products + links.orders > 0;
