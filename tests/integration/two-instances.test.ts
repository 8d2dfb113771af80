import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ensureNextBuild } from "../../scripts/lib/next-build";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { ensurePrismaClient } from "../../scripts/lib/prisma-client";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { DEMO_SIZES } from "../../prisma/seed/seed";
import { startAppServer, type AppServer } from "../support/app-server";
import { signInOverHttp } from "../support/http-session";
import { openSse } from "../support/sse-client";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// Two `next start` instances behind no load balancer at all, sharing one PostgreSQL: live
// updates must travel through LISTEN/NOTIFY, since neither process knows the other exists.
// Needs a PostgreSQL server (the embedded database is one process's single connection).
let database: TestDatabase;
let a: AppServer;
let b: AppServer;
const closers: (() => void)[] = [];

beforeAll(async () => {
  database = await createTestDatabase("twoinst");
  if (database.poolMax === 1) return;
  await prepareDatabase(database.url, { ...DEMO_SIZES, sessions: 20, customers: 20, products: 10, vendors: 5, orders: 2, messagesPerSession: 3 });
  // Build once here: two launchers finding a stale build would both run `next build`.
  ensurePrismaClient();
  ensureNextBuild();
  const started = await Promise.allSettled([startAppServer(database.url, { DATABASE_POOL_MAX: "5" }), startAppServer(database.url, { DATABASE_POOL_MAX: "5" })]);
  const failed = started.find((outcome) => outcome.status === "rejected");
  if (failed) {
    // Never leave the instance that did start running.
    await Promise.all(started.map((outcome) => (outcome.status === "fulfilled" ? outcome.value.stop() : undefined)));
    throw failed.reason;
  }
  [a, b] = started.map((outcome) => (outcome as PromiseFulfilledResult<AppServer>).value) as [AppServer, AppServer];
}, 240_000);

afterAll(async () => {
  for (const close of closers) close();
  await Promise.all([a?.stop(), b?.stop()]);
  await database?.drop();
});

async function token(app: AppServer, email: string): Promise<string> {
  const response = await fetch(`${app.url}/api/v1/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

async function demoVendorProduct(): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO products (name, vendor_id, updated_at) SELECT 'Two-instance lamp', id, now() FROM users WHERE email = 'vendor@demo.test' RETURNING id`,
    );
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}

describe("two instances on one PostgreSQL", () => {
  it("a message sent through one instance reaches an SSE subscriber and the admin list on the other", async ({ skip }) => {
    if (database.poolMax === 1) skip("no PostgreSQL server: the embedded database cannot be shared by two instances");
    const customer = await token(a, "customer@demo.test");
    const vendor = await token(b, "vendor@demo.test");
    const productId = await demoVendorProduct();
    const started = await fetch(`${a.url}/api/v1/sessions`, { method: "POST", headers: { authorization: `Bearer ${customer}`, "content-type": "application/json" }, body: JSON.stringify({ productId }) });
    expect(started.status).toBe(201);
    const { id: sessionId } = (await started.json()) as { id: number };

    // Subscribers on B: the vendor (mobile API) and an admin (the admin screens' stream).
    const vendorStream = await openSse(`${b.url}/api/v1/events`, { authorization: `Bearer ${vendor}` });
    closers.push(vendorStream.close);
    expect(vendorStream.status).toBe(200);
    const adminCookie = await signInOverHttp(b.url, "admin@demo.test", DEMO_PASSWORD);
    const adminStream = await openSse(`${b.url}/api/events`, { cookie: adminCookie });
    closers.push(adminStream.close);
    expect(adminStream.status).toBe(200);
    // The customer listens on A for the reply that will be sent through B.
    const customerStream = await openSse(`${a.url}/api/v1/events`, { authorization: `Bearer ${customer}` });
    closers.push(customerStream.close);
    await new Promise((resolve) => setTimeout(resolve, 500)); // both instances LISTEN by now

    const sent = await fetch(`${a.url}/api/v1/sessions/${sessionId}/messages`, { method: "POST", headers: { authorization: `Bearer ${customer}`, "content-type": "application/json" }, body: JSON.stringify({ body: "Through instance A" }) });
    expect(sent.status).toBe(201);
    const { message } = (await sent.json()) as { message: { id: number } };

    const ofMessage = (id: number) => (event: { event: string; data: string }) => event.event === "message" && (JSON.parse(event.data) as { messageId: number }).messageId === id;
    const atVendor = await vendorStream.sse.waitFor(ofMessage(message.id));
    expect(atVendor.id).toMatch(/^\d+$/); // the vendor's notification id: the resume point
    expect(JSON.parse(atVendor.data)).toEqual({ sessionId, messageId: message.id, senderId: expect.any(Number) });
    await adminStream.sse.waitFor(ofMessage(message.id));
    // The admin list on B (what the live refresh re-renders) shows the session with its message.
    const list = await fetch(`${b.url}/chat-sessions`, { headers: { cookie: `${adminCookie}; locale=en` } });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain("Two-instance lamp");

    // And back: the vendor replies through B, the customer hears it on A.
    const reply = await fetch(`${b.url}/api/v1/sessions/${sessionId}/messages`, { method: "POST", headers: { authorization: `Bearer ${vendor}`, "content-type": "application/json" }, body: JSON.stringify({ body: "Answered through B" }) });
    expect(reply.status).toBe(201);
    const { message: answer } = (await reply.json()) as { message: { id: number } };
    await customerStream.sse.waitFor(ofMessage(answer.id));
    // Nothing of this session reached anyone else: the vendor stream only saw its own session.
    for (const event of vendorStream.sse.events) expect((JSON.parse(event.data) as { sessionId?: number }).sessionId ?? sessionId).toBe(sessionId);
  }, 60_000);
});
