import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import { escapeLike } from "@/lib/search/like-pattern";

export type MySession = {
  id: number;
  productName: string;
  otherName: string;
  lastMessageAt: Date;
  unreadForMe: number;
  lastBody: string | null;
  /** The last message is the user's own ("You: …"). */
  lastFromMe: boolean;
  /** The user is the session's vendor: the customer's name leads the row. */
  iAmVendor: boolean;
};

/** The participant's own sessions, newest activity first, with what is unread for them; `q` finds a product or the other party by name. */
export async function listMySessions(userId: number, q = ""): Promise<MySession[]> {
  const term = q.trim();
  const search = term
    ? Prisma.sql`AND (s.product_name ILIKE '%' || ${escapeLike(term)} || '%' OR (CASE WHEN s.customer_id = ${userId} THEN s.vendor_name ELSE s.customer_name END) ILIKE '%' || ${escapeLike(term)} || '%')`
    : Prisma.empty;
  return db.$queryRaw<MySession[]>`
    SELECT s.id, s.product_name AS "productName",
           CASE WHEN s.customer_id = ${userId} THEN s.vendor_name ELSE s.customer_name END AS "otherName",
           s.last_message_at AS "lastMessageAt",
           (SELECT count(*)::int FROM chat_messages m WHERE m.session_id = s.id AND m.sender_id <> ${userId} AND (m.read_at IS NULL OR m.read_by_staff_id IS NOT NULL)) AS "unreadForMe",
           last.body AS "lastBody", coalesce(last.sender_id = ${userId}, false) AS "lastFromMe", s.vendor_id = ${userId} AS "iAmVendor"
      FROM chat_sessions s
      LEFT JOIN LATERAL (SELECT m.body, m.sender_id FROM chat_messages m WHERE m.session_id = s.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1) last ON true
     WHERE (s.customer_id = ${userId} OR s.vendor_id = ${userId}) ${search}
     ORDER BY s.last_message_at DESC, s.id DESC
     LIMIT 100`;
}
