import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import type { SessionRow } from "../list-query";
import { selectionSql } from "../selection-sql";
import type { Selection } from "../selection";

// 500 rows a batch keeps an XLSX export of 100k rows near 200 MB peak RSS (1,000: ~250 MB).
export const EXPORT_BATCH = 500;
const MIN_WINDOW = 10_000;

const ROW_COLUMNS = Prisma.sql`id, product_id AS "productId", product_name AS "productName", customer_id AS "customerId",
  customer_name AS "customerName", vendor_id AS "vendorId", vendor_name AS "vendorName", message_count AS "messageCount",
  unread_count AS "unreadCount", last_message_at AS "lastMessageAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * The selected sessions in id order, a batch at a time. Each batch is an index seek after the
 * last id, so memory stays flat, nothing holds a transaction (or the embedded database's only
 * connection) for the length of a download, and stopping the loop — the browser cancelled —
 * stops the reading.
 *
 * After the first batch, a filtered batch also stays inside a window of ids. Without it, a
 * search matching a few percent of a million sessions goes through the trigram index and every
 * batch collects and sorts all the remaining matches again (~250 ms a batch at 1M, 24 batches
 * for "احمد"); with it, each batch reads one stretch of the primary key (~50 ms). The window is
 * twice the ids the last full batch spanned, and doubles whenever a window comes up short, so
 * sparse matches take few queries. A first batch that comes up short is the whole answer.
 */
export async function* exportRows(selection: Selection): AsyncGenerator<SessionRow[]> {
  const where = selectionSql(selection);
  const windowed = !("ids" in selection);
  let maxId: number | null = null;
  let window = Number.POSITIVE_INFINITY;
  let afterId = 0;
  for (;;) {
    const windowEnd = Number.isFinite(window) ? Prisma.sql`AND id <= ${afterId + window}` : Prisma.empty;
    const rows = await queryRows<SessionRow>(Prisma.sql`
      SELECT ${ROW_COLUMNS} FROM chat_sessions
       WHERE ${where} AND id > ${afterId} ${windowEnd}
       ORDER BY id
       LIMIT ${Prisma.raw(String(EXPORT_BATCH))}`);
    if (rows.length > 0) yield rows;
    if (rows.length === EXPORT_BATCH) {
      const lastId = rows.at(-1)!.id;
      if (windowed) window = Math.max(MIN_WINDOW, 2 * (lastId - afterId));
      afterId = lastId;
      continue;
    }
    if (!Number.isFinite(window)) return;
    maxId ??= (await queryRows<{ maxId: number }>(Prisma.sql`SELECT coalesce(max(id), 0) AS "maxId" FROM chat_sessions`))[0]!.maxId;
    if (afterId + window >= maxId) return;
    afterId += window;
    window *= 2;
  }
}
