import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import { escapeLike } from "@/lib/search/like-pattern";
import { SORT_VALUE_TYPES, type Cursor, type ListParams, type SessionFilters, type SortKey } from "./list-params";

export type SessionRow = {
  id: number;
  productId: number;
  productName: string;
  customerId: number;
  customerName: string;
  vendorId: number;
  vendorName: string;
  orderId: number | null;
  messageCount: number;
  unreadCount: number;
  lastMessageAt: Date;
  createdAt: Date;
  updatedAt: Date;
};

export type SessionPage = {
  rows: SessionRow[];
  nextCursor: Cursor | null;
  previousCursor: Cursor | null;
};

/** Each sortable column and how to read its cursor value off a row (its SQL type: SORT_VALUE_TYPES). */
const SORT_COLUMNS: Record<SortKey, { column: string; read: (row: SessionRow) => string | number }> = {
  product: { column: "product_name", read: (row) => row.productName },
  customer: { column: "customer_name", read: (row) => row.customerName },
  vendor: { column: "vendor_name", read: (row) => row.vendorName },
  messages: { column: "message_count", read: (row) => row.messageCount },
  lastMessage: { column: "last_message_at", read: (row) => row.lastMessageAt.toISOString() },
  created: { column: "created_at", read: (row) => row.createdAt.toISOString() },
  updated: { column: "updated_at", read: (row) => row.updatedAt.toISOString() },
};

/** WHERE conditions for SEARCH-1, FLT-1..5 and the order filter (REL-2); shared by the list, the bulk actions and the export. */
export function sessionFilterSql(filters: SessionFilters): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (filters.q) conditions.push(Prisma.sql`search_text LIKE '%' || search_normalize(${escapeLike(filters.q)}) || '%'`);
  if (filters.customer != null) conditions.push(Prisma.sql`customer_id = ${filters.customer}`);
  if (filters.vendor != null) conditions.push(Prisma.sql`vendor_id = ${filters.vendor}`);
  if (filters.product != null) conditions.push(Prisma.sql`product_id = ${filters.product}`);
  if (filters.order != null) conditions.push(Prisma.sql`order_id = ${filters.order}`);
  if (filters.unread) conditions.push(Prisma.sql`unread_count > 0`);
  if (filters.recent) conditions.push(Prisma.sql`last_message_at >= now() - interval '7 days'`);
  return Prisma.join(conditions, " AND ");
}

const ROW_COLUMNS = Prisma.sql`id, product_id AS "productId", product_name AS "productName", customer_id AS "customerId",
  customer_name AS "customerName", vendor_id AS "vendorId", vendor_name AS "vendorName", order_id AS "orderId", message_count AS "messageCount",
  unread_count AS "unreadCount", last_message_at AS "lastMessageAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

/**
 * One page of sessions by keyset ("seek") pagination: the page after or before a cursor
 * (sort value, id) is an index range scan, so page 2,000 costs what page 1 costs — OFFSET
 * would read and throw away every row before it.
 */
export async function listSessions(params: ListParams): Promise<SessionPage> {
  const sort = SORT_COLUMNS[params.sort];
  const column = Prisma.raw(sort.column);
  const backwards = params.before != null;
  const cursor = params.before ?? params.after;
  // Reading backwards flips the order; the rows are turned round again below.
  const descending = (params.dir === "desc") !== backwards;
  const direction = Prisma.raw(descending ? "DESC" : "ASC");
  const seek = cursor
    ? Prisma.sql`AND (${column}, id) ${Prisma.raw(descending ? "<" : ">")} (${cursor.value}::${Prisma.raw(SORT_VALUE_TYPES[params.sort])}, ${cursor.id})`
    : Prisma.empty;
  const fetched = await queryRows<SessionRow>(Prisma.sql`
    SELECT ${ROW_COLUMNS} FROM chat_sessions
     WHERE ${sessionFilterSql(params)} ${seek}
     ORDER BY ${column} ${direction}, id ${direction}
     LIMIT ${params.size + 1}`);
  const hasMore = fetched.length > params.size;
  const rows = fetched.slice(0, params.size);
  if (backwards) rows.reverse();
  const cursorOf = (row: SessionRow | undefined): Cursor | null => (row ? { value: sort.read(row), id: row.id } : null);
  return {
    rows,
    nextCursor: backwards || hasMore ? cursorOf(rows.at(-1)) : null,
    previousCursor: (backwards ? hasMore : params.after != null) ? cursorOf(rows[0]) : null,
  };
}

/**
 * The list says "1–25 of 1,000+" past this many matches. An exact count(*) over a million sessions
 * costs ~300 ms; counting up to the cap stops early. Measured at 1M sessions on the 2-core box:
 * a common search term counted to 10,000 took 150–200 ms (a bitmap heap scan of every counted
 * row), to 1,000 took 20–60 ms; an unfiltered count to either is a few ms. Nobody pages through
 * a thousand sessions by hand, and "select all matching" acts on the filters, not on this number.
 */
export const COUNT_CAP = 1_000;

/** How many sessions match, counted up to COUNT_CAP (a bounded scan, never the whole table). */
export async function countSessions(filters: SessionFilters): Promise<{ count: number; capped: boolean }> {
  const [row] = await queryRows<{ count: number }>(Prisma.sql`
    SELECT count(*)::int AS count FROM (SELECT 1 FROM chat_sessions WHERE ${sessionFilterSql(filters)} LIMIT ${COUNT_CAP + 1}) matching`);
  const count = row?.count ?? 0;
  return { count: Math.min(count, COUNT_CAP), capped: count > COUNT_CAP };
}
