import pg from "pg";
import { createHash, randomBytes } from "node:crypto";
import { expect } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { DEMO_SIZES } from "../../prisma/seed/seed";
import { ensureNextBuild } from "../../scripts/lib/next-build";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { ensurePrismaClient } from "../../scripts/lib/prisma-client";
import type { Role } from "@/lib/generated/prisma/enums";
import { startAppServer, type AppServer } from "./app-server";
import { signInOverHttp } from "./http-session";
import { createTestDatabase, type TestDatabase } from "./test-database";

export const ROLES: Role[] = ["admin", "support", "qa", "customer", "vendor"];
/** Every caller the tests try: the five roles, and no one signed in (null). */
export const CALLERS: (Role | null)[] = [...ROLES, null];
export const callerName = (role: Role | null) => role ?? "signed-out";

export type Caller = { role: Role; userId: number; cookie: string; token: string };

/**
 * The built app on a database of its own with a small demo seed, and, for each role, the demo
 * account signed in on the web (a session cookie) and holding a bearer token. Staff cannot get a
 * token through the API (it refuses them), so theirs is written straight into the table, as a
 * token issued before a role change would be: the API must still refuse it.
 */
export type HttpApp = {
  app: AppServer;
  database: TestDatabase;
  sql: pg.Client;
  callers: Record<Role, Caller>;
  /** The demo customer's own session with the demo vendor (messages both ways). */
  own: { sessionId: number; productId: number; messageIds: number[] };
  /** A session between two other people, with messages and notifications of its own. */
  others: { sessionId: number; customerId: number; vendorId: number; messageIds: number[]; notificationIds: number[]; productName: string; bodies: string[] };
  ids: { user: number; product: number; order: number };
  stop: () => Promise<void>;
};

export async function startHttpApp(label: string, env: Record<string, string> = {}): Promise<HttpApp> {
  const database = await createTestDatabase(label);
  let app: AppServer | undefined;
  const sql = new pg.Client({ connectionString: database.url });
  try {
    await prepareDatabase(database.url, { ...DEMO_SIZES, sessions: 30, customers: 20, products: 10, vendors: 5, orders: 3, messagesPerSession: 4 });
    ensurePrismaClient();
    ensureNextBuild();
    app = await startAppServer(database.url, { DATABASE_POOL_MAX: "5", ...env });
    await sql.connect();
    const callers = {} as Record<Role, Caller>;
    for (const role of ROLES) {
      const email = `${role}@demo.test`;
      const { rows } = await sql.query<{ id: number }>(`SELECT id FROM users WHERE email = $1`, [email]);
      callers[role] = { role, userId: rows[0]!.id, cookie: await signInOverHttp(app.url, email, DEMO_PASSWORD), token: await insertToken(sql, rows[0]!.id) };
    }
    const json = { "content-type": "application/json" };
    const bearer = (role: Role) => ({ ...json, authorization: `Bearer ${callers[role].token}` });
    const { rows: products } = await sql.query<{ id: number }>(
      `INSERT INTO products (name, vendor_id, updated_at) VALUES ('Matrix lamp', $1, now()) RETURNING id`,
      [callers.vendor.userId],
    );
    const productId = products[0]!.id;
    const started = await fetch(`${app.url}/api/v1/sessions`, { method: "POST", headers: bearer("customer"), body: JSON.stringify({ productId }) });
    expect(started.status).toBe(201);
    const sessionId = ((await started.json()) as { id: number }).id;
    const messageIds: number[] = [];
    for (const [role, body] of [["customer", "Own question"], ["vendor", "Own answer"]] as const) {
      const sent = await fetch(`${app.url}/api/v1/sessions/${sessionId}/messages`, { method: "POST", headers: bearer(role), body: JSON.stringify({ body }) });
      expect(sent.status).toBe(201);
      messageIds.push(((await sent.json()) as { message: { id: number } }).message.id);
    }
    // Someone else's conversation: neither demo participant takes part; it has messages and notifications.
    const { rows: other } = await sql.query<{ id: number; customer_id: number; vendor_id: number; product_name: string }>(
      `SELECT s.id, s.customer_id, s.vendor_id, s.product_name FROM chat_sessions s
        WHERE s.customer_id <> $1 AND s.vendor_id <> $2
          AND EXISTS (SELECT 1 FROM notifications n WHERE n.session_id = s.id)
        ORDER BY s.id LIMIT 1`,
      [callers.customer.userId, callers.vendor.userId],
    );
    expect(other).toHaveLength(1);
    const otherSession = other[0]!;
    const { rows: otherMessages } = await sql.query<{ id: number; body: string }>(`SELECT id, body FROM chat_messages WHERE session_id = $1 ORDER BY id`, [otherSession.id]);
    const { rows: otherNotifications } = await sql.query<{ id: number }>(`SELECT id FROM notifications WHERE session_id = $1 ORDER BY id`, [otherSession.id]);
    const { rows: order } = await sql.query<{ id: number }>(`SELECT id FROM orders ORDER BY id LIMIT 1`);
    return {
      app,
      database,
      sql,
      callers,
      own: { sessionId, productId, messageIds },
      others: {
        sessionId: otherSession.id,
        customerId: otherSession.customer_id,
        vendorId: otherSession.vendor_id,
        productName: otherSession.product_name,
        messageIds: otherMessages.map((m) => m.id),
        bodies: otherMessages.map((m) => m.body),
        notificationIds: otherNotifications.map((n) => n.id),
      },
      ids: { user: otherSession.customer_id, product: productId, order: order[0]!.id },
      stop: async () => {
        await sql.end().catch(() => {});
        await app?.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await sql.end().catch(() => {});
    await app?.stop();
    await database.drop();
    throw error;
  }
}

/** A live bearer token for the user, written straight into the table (stored hashed, as the app does). */
export async function insertToken(sql: pg.Client, userId: number): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await sql.query(`INSERT INTO api_tokens (user_id, token_hash) VALUES ($1, $2)`, [userId, createHash("sha256").update(token).digest("hex")]);
  return token;
}

/**
 * What the database holds, in one line: counts, unread totals, newest writes. Any write a
 * refused request made would change it.
 */
export async function databaseFingerprint(sql: pg.Client): Promise<string> {
  const { rows } = await sql.query<{ fingerprint: string }>(
    `SELECT concat_ws('|',
       (SELECT count(*) FROM users), (SELECT max(updated_at) FROM users), (SELECT count(*) FROM products),
       (SELECT count(*) FROM chat_sessions), (SELECT max(updated_at) FROM chat_sessions), (SELECT sum(message_count) FROM chat_sessions),
       (SELECT count(*) FROM chat_messages), (SELECT count(*) FROM chat_messages WHERE read_at IS NULL), (SELECT sum(total) FROM unread_totals),
       (SELECT count(*) FROM notifications), (SELECT count(*) FROM notifications WHERE read_at IS NULL),
       (SELECT count(*) FROM api_tokens WHERE revoked_at IS NULL), (SELECT count(*) FROM audit_log), (SELECT count(*) FROM settings)) AS fingerprint`,
  );
  return rows[0]!.fingerprint;
}
