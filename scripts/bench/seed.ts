// npm run bench:seed -- --sessions 1000000 --messages 10000000 [--customers 200000 --vendors 2000 --products 20000
//   --orders 300000 --audit 300000] [--only sections]
// Empties the benchmark database and bulk-loads it (SQL generate_series, triggers off, one recount).
// `--only sections` loads the other lists' rows again (orders, audit entries) into a loaded one.
import pg from "pg";
import { parseArgs } from "node:util";
import { DEMO_SIZES, seed, seedOrders } from "../../prisma/seed/seed";
import { AUDIT_ACTIONS } from "../../lib/audit-log/list";
import { applyMigrations } from "../db/schema-engine";
import { benchDatabaseUrl } from "./database";
import { wholeNumberFlags } from "./options";

const { values } = parseArgs({
  options: {
    sessions: { type: "string", default: "1000000" },
    messages: { type: "string", default: "10000000" },
    customers: { type: "string", default: "200000" },
    vendors: { type: "string", default: "2000" },
    products: { type: "string", default: "20000" },
    orders: { type: "string", default: "300000" },
    audit: { type: "string", default: "300000" },
    only: { type: "string" },
  },
});
const { only, ...sizes } = values;
if (only !== undefined && only !== "sections") throw new Error(`--only ${only}: the one part that can be loaded alone is "sections"`);
const count = wholeNumberFlags(sizes);
const sessions = count("sessions");
const url = await benchDatabaseUrl();
await applyMigrations(url);
const client = new pg.Client({ connectionString: url });
await client.connect();
const started = Date.now();
if (only === "sections") {
  // chat_sessions.order_id is unlinked first; with its foreign key's checks off (replica role),
  // deleting the orders does not look for their sessions one order at a time.
  await client.query("UPDATE chat_sessions SET order_id = NULL WHERE order_id IS NOT NULL");
  await client.query("BEGIN; SET LOCAL session_replication_role = replica; DELETE FROM order_items; DELETE FROM orders; COMMIT");
  await client.query("TRUNCATE audit_log");
  await seedOrders(client, count("orders"));
} else {
  await client.query("TRUNCATE users, products, orders, order_items, chat_sessions, chat_messages, audit_log, settings RESTART IDENTITY CASCADE");
  await client.query("UPDATE unread_totals SET total = 0");
  await seed(client, {
    ...DEMO_SIZES,
    sessions,
    messagesPerSession: count("messages") / sessions,
    customers: count("customers"),
    vendors: count("vendors"),
    products: count("products"),
    orders: count("orders"),
  });
}
await seedAuditLog(client, count("audit"));
await client.query("VACUUM (ANALYZE) orders, order_items, audit_log, chat_sessions");

/**
 * The audit log as months of panel work leave it: every action, some far more often than others
 * (the first of AUDIT_ACTIONS most, the last rarely), by the staff accounts or by no one (a
 * deleted account), on sessions and users, over the past year.
 */
async function seedAuditLog(db: pg.Client, entries: number): Promise<void> {
  await db.query(
    `INSERT INTO audit_log (actor_id, action, target_type, target_id, details, created_at)
     SELECT CASE WHEN n % 10 = 0 THEN NULL ELSE (staff.ids)[1 + n % cardinality(staff.ids)] END,
            action, CASE WHEN action LIKE 'users.%' THEN 'user' ELSE 'chatSession' END, (1 + n % 100000)::text,
            jsonb_build_object('n', n), now() - (n::float / $1) * interval '365 days'
       FROM generate_series(1, $1) AS n
      CROSS JOIN (SELECT array_agg(id ORDER BY id) AS ids FROM users WHERE role IN ('admin', 'support', 'qa')) AS staff
      CROSS JOIN LATERAL (SELECT ($2::text[])[1 + floor(power(((n::bigint * 7919) % 1000) / 1000.0, 3) * cardinality($2::text[]))::int] AS action) AS picked`,
    [entries, AUDIT_ACTIONS],
  );
}
const { rows } = await client.query<{ sessions: string; messages: string; size: string }>(
  "SELECT (SELECT count(*) FROM chat_sessions) AS sessions, (SELECT count(*) FROM chat_messages) AS messages, pg_size_pretty(pg_database_size(current_database())) AS size",
);
console.log(`Seeded ${rows[0]!.sessions} sessions, ${rows[0]!.messages} messages (${rows[0]!.size}) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
await client.end();
