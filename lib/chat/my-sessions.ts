import "server-only";
import { db } from "@/lib/db";

export type MySession = {
  id: number;
  productName: string;
  otherName: string;
  lastMessageAt: Date;
  unreadForMe: number;
  lastBody: string | null;
};

/** The participant's own sessions, newest activity first, with what is unread for them. */
export async function listMySessions(userId: number): Promise<MySession[]> {
  return db.$queryRaw<MySession[]>`
    SELECT s.id, s.product_name AS "productName",
           CASE WHEN s.customer_id = ${userId} THEN s.vendor_name ELSE s.customer_name END AS "otherName",
           s.last_message_at AS "lastMessageAt",
           (SELECT count(*)::int FROM chat_messages m WHERE m.session_id = s.id AND m.sender_id <> ${userId} AND m.read_at IS NULL) AS "unreadForMe",
           (SELECT m.body FROM chat_messages m WHERE m.session_id = s.id ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS "lastBody"
      FROM chat_sessions s
     WHERE s.customer_id = ${userId} OR s.vendor_id = ${userId}
     ORDER BY s.last_message_at DESC, s.id DESC
     LIMIT 100`;
}
