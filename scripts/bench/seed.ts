// npm run bench:seed -- --sessions 1000000 --messages 10000000 [--customers 200000 --vendors 2000 --products 20000]
// Empties the benchmark database and bulk-loads it (SQL generate_series, triggers off, one recount).
import pg from "pg";
import { parseArgs } from "node:util";
import { DEMO_SIZES, seed } from "../../prisma/seed/seed";
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
  },
});
const count = wholeNumberFlags(values);
const sessions = count("sessions");
const url = await benchDatabaseUrl();
await applyMigrations(url);
const client = new pg.Client({ connectionString: url });
await client.connect();
const started = Date.now();
await client.query("TRUNCATE users, products, orders, order_items, chat_sessions, chat_messages, audit_log, settings RESTART IDENTITY CASCADE");
await client.query("UPDATE unread_totals SET total = 0");
await seed(client, {
  ...DEMO_SIZES,
  sessions,
  messagesPerSession: count("messages") / sessions,
  customers: count("customers"),
  vendors: count("vendors"),
  products: count("products"),
  orders: 1000,
});
const { rows } = await client.query<{ sessions: string; messages: string; size: string }>(
  "SELECT (SELECT count(*) FROM chat_sessions) AS sessions, (SELECT count(*) FROM chat_messages) AS messages, pg_size_pretty(pg_database_size(current_database())) AS size",
);
console.log(`Seeded ${rows[0]!.sessions} sessions, ${rows[0]!.messages} messages (${rows[0]!.size}) in ${((Date.now() - started) / 1000).toFixed(0)} s`);
await client.end();
