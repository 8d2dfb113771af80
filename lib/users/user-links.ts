import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { db } from "@/lib/db";
import type { UserLinks } from "./link-rules";
import { present } from "@/lib/present";

/** How much of the marketplace's history names this user (what it allows: ./link-rules). */
export async function userLinks(client: Prisma.TransactionClient | typeof db, id: number): Promise<UserLinks> {
  const [row] = await client.$queryRaw<UserLinks[]>`
    SELECT (SELECT count(*)::int FROM chat_sessions WHERE customer_id = ${id} OR vendor_id = ${id}) AS sessions,
           (SELECT count(*)::int FROM chat_messages WHERE sender_id = ${id}) AS messages,
           (SELECT count(*)::int FROM products WHERE vendor_id = ${id}) AS products,
           (SELECT count(*)::int FROM orders WHERE customer_id = ${id} OR vendor_id = ${id}) AS orders,
           (SELECT count(*)::int FROM chat_messages WHERE written_by_staff_id = ${id}) AS "writtenForParticipants",
           (SELECT count(*)::int FROM chat_messages WHERE read_by_staff_id = ${id}) AS "markedRead"`;
  return present(row, "the user's links");
}
