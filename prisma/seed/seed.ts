import type { ClientBase } from "pg";
import { hashPassword } from "../../lib/auth/password";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "./demo-accounts";
import * as words from "./names";
import { seededRandom } from "./random";

export type SeedSizes = {
  vendors: number;
  products: number;
  customers: number;
  sessions: number;
  /** average messages per session; each session gets 0..2×average */
  messagesPerSession: number;
  orders: number;
  seed: number;
};

export const DEMO_SIZES: SeedSizes = {
  vendors: 50,
  products: 300,
  customers: 500,
  sessions: 2000,
  messagesPerSession: 100,
  orders: 40,
  seed: 42,
};

const BATCH = 5000;

async function insertRows(client: ClientBase, table: string, columns: string[], types: string[], rows: unknown[][]) {
  for (let start = 0; start < rows.length; start += BATCH) {
    const batch = rows.slice(start, start + BATCH);
    const arrays = columns.map((_, index) => batch.map((row) => row[index]));
    const unnest = types.map((type, index) => `$${index + 1}::${type}[]`).join(", ");
    await client.query(`INSERT INTO ${table} (${columns.join(", ")}) SELECT * FROM unnest(${unnest})`, arrays);
  }
}

/** Fills an empty database with demo data: people, products, orders, sessions and messages. */
export async function seed(client: ClientBase, sizes: SeedSizes = DEMO_SIZES): Promise<void> {
  const random = seededRandom(sizes.seed);
  const personName = () =>
    random.next() < 0.7
      ? `${random.pick(words.ARABIC_FIRST)} ${random.pick(words.ARABIC_LAST)}`
      : `${random.pick(words.ENGLISH_FIRST)} ${random.pick(words.ENGLISH_LAST)}`;
  const storeName = (index: number) =>
    random.next() < 0.6
      ? `${random.pick(words.STORE_WORDS_AR)} ${random.pick(words.STORE_THEMES_AR)} ${index}`
      : `${random.pick(words.STORE_EN)} ${index}`;

  const demoHash = await hashPassword(DEMO_PASSWORD);
  await client.query("BEGIN");
  try {
    await insertRows(
      client,
      "users",
      ["name", "email", "password_hash", "role", "updated_at"],
      ["text", "text", "text", '"Role"', "timestamptz"],
      DEMO_ACCOUNTS.map((account) => [account.name, account.email, demoHash, account.role, new Date()]),
    );
    const people: unknown[][] = [];
    for (let index = 1; index <= sizes.vendors; index += 1) {
      people.push([storeName(index), `vendor${index}@shop.test`, null, "vendor", new Date()]);
    }
    for (let index = 1; index <= sizes.customers; index += 1) {
      people.push([personName(), `customer${index}@mail.test`, null, "customer", new Date()]);
    }
    await insertRows(client, "users", ["name", "email", "password_hash", "role", "updated_at"], ["text", "text", "text", '"Role"', "timestamptz"], people);

    const vendorIds = (await client.query<{ id: number }>(`SELECT id FROM users WHERE role = 'vendor' ORDER BY id`)).rows.map((r) => r.id);
    const [demoVendor] = (await client.query<{ id: number }>("SELECT id FROM users WHERE email = $1", [demoAccount("vendor").email])).rows;
    if (!demoVendor) throw new Error("the demo vendor was not inserted");
    const products: unknown[][] = [];
    for (let index = 1; index <= sizes.products; index += 1) {
      const base = random.next() < 0.6 ? random.pick(words.PRODUCTS_AR) : random.pick(words.PRODUCTS_EN);
      const vendorId = random.pick(vendorIds);
      // The demo vendor sells the first two, whatever the draw (the demo conversations below are about them).
      products.push([`${base} ${index}`, index <= 2 ? demoVendor.id : vendorId, Math.round(random.next() * 200000) / 100, new Date()]);
    }
    await insertRows(client, "products", ["name", "vendor_id", "price", "updated_at"], ["text", "int", "numeric", "timestamptz"], products);

    await client.query("SELECT setseed($1)", [(sizes.seed % 1000) / 1000]);
    await client.query(
      `CREATE TEMP TABLE seed_people ON COMMIT DROP AS
         SELECT row_number() OVER (ORDER BY id) AS n, id FROM users WHERE role = 'customer'`,
    );
    await client.query(
      `CREATE TEMP TABLE seed_products ON COMMIT DROP AS
         SELECT row_number() OVER (ORDER BY id) AS n, id, vendor_id FROM products`,
    );
    // The plan of every session is drawn first, so that each session is inserted once with its
    // counters already right and its messages are made from the same plan: counting the loaded
    // messages afterwards (recompute_chat_counters(), session_awaiting() per row) rewrote every
    // session twice and took 85 of the 108 minutes at 1M sessions / 10M messages.
    // Sessions: a product (its vendor takes part) and a random customer; last activity spread over
    // 90 days with about a fifth inside the last week (FLT-5). Messages: 0..2×average a session,
    // alternating customer (odd) / vendor (even), the last one at the session's last activity; the
    // last `unread` of some sessions are unread. Ids come from the table's sequence.
    await client.query(
      `CREATE TEMP TABLE seed_plan ON COMMIT DROP AS
       SELECT nextval(pg_get_serial_sequence('chat_sessions', 'id'))::int AS id, p.id AS product_id, c.id AS customer_id,
              p.vendor_id, t.active::timestamptz(3) AS active, (t.active - t.age)::timestamptz(3) AS created,
              t.total, least(t.unread, t.total) AS unread
         FROM generate_series(1, $1) g
         CROSS JOIN LATERAL (SELECT 1 + floor(random() * $2)::int AS pn, 1 + floor(random() * $3)::int AS cn,
                                    now() - CASE WHEN random() < 0.2 THEN random() * interval '7 days'
                                                 ELSE interval '7 days' + random() * interval '83 days' END AS active,
                                    interval '2 days' + random() * interval '30 days' AS age,
                                    floor(random() * ($4 * 2 + 1))::int AS total,
                                    CASE WHEN random() < $5 THEN 1 + floor(random() * $6)::int ELSE 0 END AS unread
                              WHERE g > 0) t
         JOIN seed_products p ON p.n = t.pn
         JOIN seed_people c ON c.n = t.cn`,
      [sizes.sessions, sizes.products, sizes.customers, sizes.messagesPerSession, 0.4, 5],
    );
    // The demo customer and vendor go to the web chat first thing, and the draw may give them no
    // conversation: the six most recent sessions of the plan are the demo customer's, the two most
    // recent of them about the demo vendor's first two products.
    await client.query(
      `WITH demo AS (SELECT (SELECT id FROM users WHERE email = $1) AS customer_id, (SELECT id FROM users WHERE email = $2) AS vendor_id),
            newest AS (SELECT id, row_number() OVER (ORDER BY active DESC, id) AS rank FROM seed_plan ORDER BY active DESC, id LIMIT 6),
            theirs AS (SELECT p.id, p.vendor_id, row_number() OVER (ORDER BY p.id) AS rank FROM products p JOIN demo ON p.vendor_id = demo.vendor_id)
       UPDATE seed_plan s
          SET customer_id = demo.customer_id, product_id = coalesce(theirs.id, s.product_id), vendor_id = coalesce(theirs.vendor_id, s.vendor_id)
         FROM demo, newest LEFT JOIN theirs ON theirs.rank = newest.rank AND newest.rank <= 2
        WHERE s.id = newest.id`,
      [demoAccount("customer").email, demoAccount("vendor").email],
    );
    // The counters the message triggers would have kept, from the plan: unread for the vendor are
    // the customer's (odd) messages among the unread tail (total-unread, total], for the customer
    // the vendor's (even) ones. The newest message's sender waits for the other side, since that
    // message (the runs are one message long); a session without messages awaits nobody
    // (session_awaiting()). tests/integration/seed.test.ts compares every one with a recount.
    await client.query(
      `INSERT INTO chat_sessions (id, product_id, customer_id, vendor_id, last_message_at, created_at, updated_at,
                                  message_count, unread_count, unread_for_vendor, unread_for_customer, awaiting, awaiting_since)
       SELECT id, product_id, customer_id, vendor_id, active, created, created,
              total, unread, (total + 1) / 2 - (total - unread + 1) / 2, unread - ((total + 1) / 2 - (total - unread + 1) / 2),
              (CASE WHEN total = 0 THEN 'none' WHEN total % 2 = 1 THEN 'vendor' ELSE 'customer' END)::"AwaitingSide",
              CASE WHEN total > 0 THEN active END
         FROM seed_plan ORDER BY id`,
    );
    // Loaded with triggers off: the sessions' counters are right already.
    await client.query("SET LOCAL session_replication_role = replica");
    await client.query(
      `INSERT INTO chat_messages (session_id, sender_id, body, created_at, read_at)
       SELECT s.id,
              CASE WHEN g % 2 = 1 THEN s.customer_id ELSE s.vendor_id END,
              CASE WHEN g % 2 = 1 THEN ($1::text[])[1 + (s.id + g) % cardinality($1::text[])]
                   ELSE ($2::text[])[1 + (s.id + g) % cardinality($2::text[])] END,
              s.active - interval '7 minutes' * (s.total - g),
              CASE WHEN g > s.total - s.unread THEN NULL
                   ELSE s.active - interval '7 minutes' * (s.total - g) + interval '5 minutes' END
         FROM seed_plan s
         CROSS JOIN LATERAL generate_series(1, s.total) g`,
      [words.QUESTIONS, words.ANSWERS],
    );
    await client.query("SET LOCAL session_replication_role = origin");
    await client.query("SELECT recompute_unread_totals()");
    await seedOrders(client, sizes.orders);
    // The overview's figures of the messages loaded with triggers off (and the rest, afresh).
    await client.query("SELECT recompute_overview_counts()");
    // FLOW-1: each unread message has notified the other participant, as a live send would have.
    await client.query(
      `INSERT INTO notifications (user_id, session_id, message_id, created_at)
       SELECT CASE WHEN m.sender_id = s.customer_id THEN s.vendor_id ELSE s.customer_id END, s.id, m.id, m.created_at
         FROM chat_messages m JOIN chat_sessions s ON s.id = m.session_id
        WHERE m.read_at IS NULL
        ORDER BY m.created_at, m.id`,
    );
    await client.query(`INSERT INTO settings (key, value, updated_at) VALUES ('mobileChatEnabled', 'true', now()) ON CONFLICT DO NOTHING`);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  // VACUUM as well: a bulk load leaves the visibility map unset, so index-only scans read the
  // table too until a vacuum runs, and PostgreSQL servers with autovacuum off (this project's CI
  // machine has it off) would never run one — the list's plans would be timed on a table no live
  // server keeps (FLT-5 oldest-created first at 1M: 330 ms unvacuumed, 43–79 ms vacuumed).
  await client.query("VACUUM (ANALYZE)");
}

function demoAccount(role: "customer" | "vendor") {
  const account = DEMO_ACCOUNTS.find((candidate) => candidate.role === role);
  if (!account) throw new Error(`no demo ${role}`);
  return account;
}

export async function isSeeded(client: ClientBase): Promise<boolean> {
  const result = await client.query<{ exists: boolean }>("SELECT EXISTS (SELECT 1 FROM users) AS exists");
  return result.rows[0]?.exists ?? false;
}

/**
 * Orders (REL-2) out of conversations: each is a purchase by a session's customer from its vendor,
 * of the product they talked about, and that session is linked to it.
 */
export async function seedOrders(client: ClientBase, count: number): Promise<void> {
  await client.query(
    `WITH picked AS (
       SELECT DISTINCT ON (customer_id, vendor_id) id, customer_id, vendor_id, product_id
         FROM (SELECT * FROM chat_sessions ORDER BY random() LIMIT $1) sample),
     made AS (
       INSERT INTO orders (customer_id, vendor_id, status, total, created_at, updated_at)
       SELECT picked.customer_id, picked.vendor_id,
              (ARRAY['pending','paid','shipped','delivered','cancelled'])[1 + floor(random() * 5)::int]::"OrderStatus",
              p.price, now() - random() * interval '60 days', now()
         FROM picked JOIN products p ON p.id = picked.product_id
       RETURNING id, customer_id, vendor_id),
     items AS (
       INSERT INTO order_items (order_id, product_id, quantity, unit_price)
       SELECT made.id, picked.product_id, 1, p.price
         FROM made JOIN picked USING (customer_id, vendor_id) JOIN products p ON p.id = picked.product_id)
     UPDATE chat_sessions s SET order_id = made.id
       FROM made JOIN picked USING (customer_id, vendor_id)
      WHERE s.id = picked.id`,
    [count],
  );
}
