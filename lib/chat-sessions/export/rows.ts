import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";
import type { SessionRow } from "../list-query";
import { selectionSql } from "../selection-sql";
import type { Selection } from "../selection";

const BATCH = 1000;

/**
 * The selected sessions in id order, a batch at a time: each batch is an index seek after the
 * last id, so memory stays flat, nothing holds a transaction open for the length of a download
 * (which the embedded database's single connection could not afford), and stopping the loop
 * — the browser cancelled — stops the reading.
 */
export async function* exportRows(selection: Selection): AsyncGenerator<SessionRow[]> {
  let afterId = 0;
  for (;;) {
    const rows = await db.$queryRaw<SessionRow[]>`
      SELECT id, product_id AS "productId", product_name AS "productName", customer_id AS "customerId",
             customer_name AS "customerName", vendor_id AS "vendorId", vendor_name AS "vendorName",
             message_count AS "messageCount", unread_count AS "unreadCount", last_message_at AS "lastMessageAt",
             created_at AS "createdAt", updated_at AS "updatedAt"
        FROM chat_sessions
       WHERE ${selectionSql(selection)} AND id > ${afterId}
       ORDER BY id
       LIMIT ${Prisma.raw(String(BATCH))}`;
    if (rows.length === 0) return;
    yield rows;
    afterId = rows.at(-1)!.id;
    if (rows.length < BATCH) return;
  }
}
