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

// Two instances behind no load balancer at all, sharing one PostgreSQL: live updates must travel
// through LISTEN/NOTIFY, since neither process knows the other exists. A answers the hot API
// routes without Next's router (lib/http/hot-api-routes.ts), B through it (HOT_API_ROUTES=off),
// so the same requests to both also prove the two ways answer alike.
let database: TestDatabase;
let a: AppServer;
let b: AppServer;
const closers: (() => void)[] = [];

beforeAll(async () => {
  database = await createTestDatabase("twoinst");
  await prepareDatabase(database.url, { ...DEMO_SIZES, sessions: 20, customers: 20, products: 10, vendors: 5, orders: 2, messagesPerSession: 3 });
  // Build once here: two launchers finding a stale build would both run `next build`.
  ensurePrismaClient();
  ensureNextBuild();
  const started = await Promise.allSettled([
    startAppServer(database.url, { DATABASE_POOL_MAX: "5" }),
    startAppServer(database.url, { DATABASE_POOL_MAX: "5", HOT_API_ROUTES: "off" }),
  ]);
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
  it("a message sent through one instance reaches an SSE subscriber and the admin list on the other", async () => {
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

/**
 * What two servers must agree on: the status, the headers but those of the connection and its
 * encoding, and the body (ids and times aside). Next's router drops a small answer's length and
 * so gzips even 159 bytes; the hot route keeps the length and sends them as they are.
 */
async function comparable(response: Response): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!["date", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"].includes(name)) headers[name] = value;
  });
  // Next's router names its client-router cache keys in every Vary; they mean nothing to the JSON API.
  const vary = headers.vary?.split(", ").filter((key) => !/^(rsc|next-router-)/.test(key)).join(", ");
  if (vary) headers.vary = vary;
  else delete headers.vary;
  // Next's router is handed a fresh script nonce for every request, pages or not; the hot routes
  // answer JSON and event streams, which run no script, with the policy's static script-src.
  headers["content-security-policy"] &&= headers["content-security-policy"].replace(/script-src [^;]*; /, "");
  const text = response.headers.get("content-type")?.startsWith("text/event-stream") ? "(stream)" : await response.text();
  const body = text.startsWith("{") ? JSON.parse(text, (key, value: unknown) => (["id", "createdAt"].includes(key) ? typeof value : value)) : text;
  return { status: response.status, headers, body };
}

describe("the hot API routes", () => {
  it("answer without Next's router exactly as Next's router does, good requests and bad", async () => {
    expect(a.output()).toContain("Hot API routes (no router): POST /api/v1/sessions/[id]/messages, GET /api/v1/events");
    expect(b.output()).not.toContain("Hot API routes");
    const customer = await token(a, "customer@demo.test");
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const product = await client.query<{ id: number }>(`SELECT id FROM products ORDER BY id LIMIT 1`);
    const others = await client.query<{ id: number }>(`SELECT s.id FROM chat_sessions s JOIN users u ON u.id = s.customer_id WHERE u.email <> 'customer@demo.test' LIMIT 1`);
    await client.end();
    const json = { authorization: `Bearer ${customer}`, "content-type": "application/json" };
    const started = await fetch(`${a.url}/api/v1/sessions`, { method: "POST", headers: json, body: JSON.stringify({ productId: product.rows[0]!.id }) });
    const { id: mine } = (await started.json()) as { id: number };
    const send = (id: string | number, body: string, headers: Record<string, string> = json, query = "") => ({ path: `/api/v1/sessions/${id}/messages${query}`, init: { method: "POST", headers, body } });
    // A body sent in chunks, with no declared length: refused once it passes the limit, as it streams.
    const chunked = (): RequestInit => ({
      method: "POST",
      headers: json,
      body: new ReadableStream({ start: (controller) => (controller.enqueue(new TextEncoder().encode(`{"body":"${"a".repeat(40_000)}"}`)), controller.close()) }),
      duplex: "half",
    } as RequestInit);
    const requests: { path: string; init: RequestInit | (() => RequestInit) }[] = [
      send(mine, JSON.stringify({ body: "Parity" })),
      send(mine, JSON.stringify({ body: "تكافؤ" }), { ...json, "accept-language": "ar" }),
      send(mine, JSON.stringify({ body: "With a query" }), json, "?x=1"),
      send(mine, "{"),
      send(mine, ""),
      send(mine, JSON.stringify({ body: "x".repeat(20_000) })),
      { path: `/api/v1/sessions/${mine}/messages`, init: chunked },
      send(mine, JSON.stringify({ body: 5, extra: true }), { ...json, "accept-language": "ar" }),
      send(mine, JSON.stringify({ body: "no token" }), { "content-type": "application/json" }),
      send(mine, JSON.stringify({ body: "bad token" }), { ...json, authorization: "Bearer not-a-real-token-at-all-000000" }),
      send(others.rows[0]!.id, JSON.stringify({ body: "someone else's" })),
      send(2_147_483_647, JSON.stringify({ body: "missing" })),
      send("abc", JSON.stringify({ body: "not an id" })),
      send("%ZZ", JSON.stringify({ body: "undecodable" })),
      { path: "/api/v1/events", init: {} },
      { path: "/api/v1/events", init: { headers: { authorization: `Bearer ${customer}`, "last-event-id": "abc" } } },
      { path: "/api/v1/events", init: { headers: { authorization: `Bearer ${customer}`, "last-event-id": "99999999999" } } },
      { path: "/api/v1/events", init: { headers: { authorization: `Bearer ${customer}`, "accept-language": "ar" } } },
    ];
    for (const { path, init } of requests) {
      const [viaHotRoute, viaRouter] = await Promise.all(
        [a, b].map(async (app) => {
          const stop = new AbortController();
          const response = await fetch(`${app.url}${path}`, { ...(typeof init === "function" ? init() : init), signal: stop.signal });
          const seen = await comparable(response);
          stop.abort();
          return seen;
        }),
      );
      expect({ path, ...viaHotRoute }).toEqual({ path, ...viaRouter });
    }
  }, 60_000);
});
