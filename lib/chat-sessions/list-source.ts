import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import type { ListSource } from "@/lib/list-engine/list-source";
import { escapeLike } from "@/lib/search/like-pattern";
import type { sessionsList } from "./list";
import { DEFAULT_WAITING_THRESHOLDS, WAITING_SORT_SQL, WAITING_THRESHOLDS_KEY } from "./waiting";

type Declared = typeof sessionsList;

/**
 * The sessions list's SQL. Names of product, customer and vendor are copied onto each session
 * (with an Arabic-normalised `search_text`), so every sort and the search run through indexes on
 * chat_sessions alone, without joins. The holder's and the assignee's names are looked up only
 * when there is one to find: the lookups for every row were half the time of an export's batch
 * (5,000 rows at 100k sessions: 213–447 ms with them, 88–190 ms without; issue 16). The guard on
 * holds is evaluated once per statement.
 */
export const sessionsSource: ListSource<keyof Declared["sorts"] & string, Declared["filters"]> = {
  from: Prisma.sql`chat_sessions`,
  select: Prisma.sql`id, product_id AS "productId", product_name AS "productName", customer_id AS "customerId",
  customer_name AS "customerName", vendor_id AS "vendorId", vendor_name AS "vendorName", order_id AS "orderId", message_count AS "messageCount",
  unread_count AS "unreadCount", last_message_at AS "lastMessageAt", created_at AS "createdAt", updated_at AS "updatedAt",
  awaiting, awaiting_since AS "awaitingSince",
  CASE WHEN EXISTS (SELECT 1 FROM session_holds WHERE expires_at > now())
       THEN (SELECT u.name FROM session_holds h JOIN users u ON u.id = h.holder_id WHERE h.session_id = chat_sessions.id AND h.expires_at > now()) END AS "heldBy",
  assignee_id AS "assigneeId",
  CASE WHEN assignee_id IS NOT NULL THEN (SELECT name FROM users WHERE users.id = chat_sessions.assignee_id) END AS "assigneeName"`,
  id: "id",
  sortColumns: {
    product: "product_name",
    customer: "customer_name",
    vendor: "vendor_name",
    messages: "message_count",
    lastMessage: "last_message_at",
    created: "created_at",
    updated: "updated_at",
    waiting: WAITING_SORT_SQL,
  },
  // A name searched for sits in a run of neighbours in the names' orders (plan.ts).
  searchClusters: ["product", "customer", "vendor"],
  search: (term) => Prisma.sql`search_text LIKE '%' || search_normalize(${escapeLike(term)}) || '%'`,
  filters: {
    customer: "customer_id",
    vendor: "vendor_id",
    product: "product_id",
    order: "order_id",
    unread: () => Prisma.sql`unread_count > 0`,
    recent: () => Prisma.sql`last_message_at >= now() - interval '7 days'`,
    awaiting: (side) => Prisma.sql`awaiting = ${side}::"AwaitingSide"`,
    // The threshold is read in the same statement (one row by key), so a count, a page and an
    // export of "over red" agree with the settings at that moment.
    waitingOver: (tone) => {
      const key = tone === "red" ? "redMinutes" : "amberMinutes";
      return Prisma.sql`awaiting IN ('vendor', 'customer') AND awaiting_since < now() - make_interval(mins => coalesce(
        (SELECT (value ->> ${key})::int FROM settings WHERE key = ${WAITING_THRESHOLDS_KEY}), ${DEFAULT_WAITING_THRESHOLDS[key]}))`;
    },
    // "me" with no viewer (a script) is nobody: 0 is no user's id.
    assignee: (value, viewer) => (value === "none" ? Prisma.sql`assignee_id IS NULL` : Prisma.sql`assignee_id = ${value === "me" ? (viewer?.id ?? 0) : value}`),
  },
  // The indexes on (customer_id | vendor_id | product_id | assignee_id, last_message_at), on
  // (last_message_at, id) for the last 7 days, and on (message_count, id) and (the waiting sort,
  // id) WHERE unread_count > 0.
  indexedSorts: {
    customer: ["lastMessage"],
    vendor: ["lastMessage"],
    product: ["lastMessage"],
    assignee: ["lastMessage"],
    recent: ["lastMessage"],
    unread: ["messages", "waiting"],
  },
  // Sessions active this week are mostly this month's, and wait since this week: oldest first,
  // a walk of the created, updated or waiting order passes the older ones before it meets them.
  farSorts: {
    recent: { created: "asc", updated: "asc", waiting: "asc" },
  },
};
