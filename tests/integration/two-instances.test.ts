import pg from "pg";
import { connect } from "@nats-io/transport-node";
import { hashPassword } from "@/lib/auth/password";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { ensureNextBuild } from "../../scripts/lib/next-build";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { ensurePrismaClient } from "../../scripts/lib/prisma-client";
import { encodeCursor } from "@/lib/list-engine/cursor";
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { DEMO_SIZES } from "../../prisma/seed/seed";
import { startAppServers, type AppServer } from "../support/app-server";
import { signInOverHttp } from "../support/http-session";
import { postServerAction } from "../support/server-action-http";
import { openSse } from "../support/sse-client";
import { NATS_URL, requireNats } from "../support/nats-server";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// Two instances behind no load balancer at all, sharing one PostgreSQL: live updates must travel
// through the bus (LISTEN/NOTIFY, and again with NATS), since neither process knows the other
// exists. A answers the hot API routes without Next's router (lib/http/hot-api-routes.ts), B
// through it (HOT_API_ROUTES=off), so the same requests to both also prove the two ways answer alike.
type Bus = "postgres" | "nats";
let database: TestDatabase;
const pairs = {} as Record<Bus, [AppServer, AppServer]>;
const closers: (() => void)[] = [];

beforeAll(async () => {
  database = await createTestDatabase("twoinst");
  await requireNats();
  await prepareDatabase(database.url, { ...DEMO_SIZES, sessions: 20, customers: 20, products: 10, vendors: 5, orders: 2, messagesPerSession: 3 });
  // Build once here: two launchers finding a stale build would both run `next build`.
  ensurePrismaClient();
  ensureNextBuild();
  for (const [bus, EVENT_BUS] of [["postgres", "postgres"], ["nats", NATS_URL]] as const) {
    pairs[bus] = (await startAppServers(database.url, [{ DATABASE_POOL_MAX: "5", EVENT_BUS }, { DATABASE_POOL_MAX: "5", EVENT_BUS, HOT_API_ROUTES: "off" }])) as [AppServer, AppServer];
  }
}, 240_000);

afterAll(async () => {
  for (const close of closers) close();
  await Promise.all(Object.values(pairs).flat().map((app) => app.stop()));
  await database?.drop();
});

async function token(app: AppServer, email: string): Promise<string> {
  const response = await fetch(`${app.url}/api/v1/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

async function listenOnNats(): Promise<{ messageIds: number[] }> {
  const connection = await connect({ servers: NATS_URL });
  const heard = { messageIds: [] as number[] };
  connection.subscribe("chat.events", {
    callback: (_error, message) => {
      heard.messageIds.push((message.json() as { messageId?: number }).messageId ?? 0);
    },
  });
  await connection.flush();
  closers.push(() => void connection.close());
  return heard;
}

async function demoVendorProduct(name: string): Promise<number> {
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: number }>(
      `INSERT INTO products (name, vendor_id, updated_at) SELECT $1, id, now() FROM users WHERE email = 'vendor@demo.test' RETURNING id`,
      [name],
    );
    return rows[0]!.id;
  } finally {
    await client.end();
  }
}

describe.each<Bus>(["postgres", "nats"])("two instances on one PostgreSQL, on the %s bus", (bus) => {
  it("a message sent through one instance reaches an SSE subscriber and the admin list on the other", async () => {
    const [a, b] = pairs[bus];
    // On NATS, a listener of our own on the bus's subject proves the announcement went through NATS
    // (the instances' log reconcilers would deliver it even with NATS silent).
    const announced = bus === "nats" ? await listenOnNats() : null;
    const customer = await token(a, "customer@demo.test");
    const vendor = await token(b, "vendor@demo.test");
    const productId = await demoVendorProduct(`Two-instance lamp (${bus})`);
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
    if (announced) await vi.waitFor(() => expect(announced.messageIds).toContain(message.id));
    // The admin list on B (what the live refresh re-renders) shows the session with its message.
    const list = await fetch(`${b.url}/chat-sessions`, { headers: { cookie: `${adminCookie}; locale=en` } });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain(`Two-instance lamp (${bus})`);

    // And back: the vendor replies through B, the customer hears it on A.
    const reply = await fetch(`${b.url}/api/v1/sessions/${sessionId}/messages`, { method: "POST", headers: { authorization: `Bearer ${vendor}`, "content-type": "application/json" }, body: JSON.stringify({ body: "Answered through B" }) });
    expect(reply.status).toBe(201);
    const { message: answer } = (await reply.json()) as { message: { id: number } };
    await customerStream.sse.waitFor(ofMessage(answer.id));
    // Nothing of this session reached anyone else: the vendor stream only saw its own session.
    for (const event of vendorStream.sse.events) expect((JSON.parse(event.data) as { sessionId?: number }).sessionId ?? sessionId).toBe(sessionId);
  }, 60_000);
});

describe.each(["postgres", "nats"] as const)("ending a user's sessions on two instances (%s bus)", (bus) => {
  it("'sign out everywhere' through one instance refuses the user's token on the other at once, within its token cache, and closes their stream there", async () => {
    const [a, b] = pairs[bus];
    const email = `twoinst-${bus}@example.com`;
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const password = "a password of the test";
    const { rows } = await client
      .query<{ id: number }>(`INSERT INTO users (name, email, password_hash, role, updated_at) VALUES ('Two-instance customer', $1, $2, 'customer', now()) RETURNING id`, [email, await hashPassword(password)])
      .finally(() => client.end());
    const userId = rows[0]!.id;
    const issued = await fetch(`${b.url}/api/v1/tokens`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ email, password }) });
    const { token } = (await issued.json()) as { token: string };
    const bearer = { authorization: `Bearer ${token}` };
    expect((await fetch(`${b.url}/api/v1/sessions`, { headers: bearer })).status).toBe(200); // B now holds the token for 30 s
    const stream = await openSse(`${b.url}/api/v1/events`, bearer);
    closers.push(stream.close);
    expect(stream.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 500)); // both instances LISTEN by now

    const adminCookie = await signInOverHttp(a.url, "admin@demo.test", DEMO_PASSWORD);
    const ended = await postServerAction(a.url, adminCookie, { file: "lib/users/actions.ts", name: "signOutEverywhereAction", path: `/users/${userId}` }, { id: userId });
    expect(ended.text).toContain('"ok":true');

    const closed = await Promise.race([stream.sse.done.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000))]);
    expect(closed, "the stream on B ended").toBe(true);
    expect((await fetch(`${b.url}/api/v1/sessions`, { headers: bearer })).status).toBe(401);
  }, 60_000);
});

/** A staff member in a browser on one instance: their cookie, in English. */
type Agent = { app: AppServer; cookie: string; name: string };

async function staffOn(app: AppServer, email: (typeof DEMO_ACCOUNTS)[number]["email"]): Promise<Agent> {
  const cookie = await signInOverHttp(app.url, email, DEMO_PASSWORD);
  const name = DEMO_ACCOUNTS.find((account) => account.email === email)!.name;
  return { app, cookie: `${cookie}; locale=en`, name };
}

/** The session triage mode opened for the agent (the page's link to its edit page) and the cursor its Skip moves on from. */
async function openTriage(agent: Agent, query: string, at?: string): Promise<{ sessionId: number; skip: string }> {
  const response = await fetch(`${agent.app.url}/chat-sessions/triage?${query}${at ? `&at=${at}` : ""}`, { headers: { cookie: agent.cookie } });
  expect(response.status).toBe(200);
  const html = await response.text();
  const sessionId = Number(/href="\/chat-sessions\/(\d+)\/edit"/.exec(html)?.[1]);
  // The page hands its client the cursor in the flight data; Skip puts it in the URL, as here.
  const cursor = /\\"cursor\\":\{\\"value\\":\\"([^\\"]+)\\",\\"id\\":(\d+)\}/.exec(html);
  expect(sessionId, "triage mode opened a session").toBeGreaterThan(0);
  expect(cursor, "the page carries its cursor").not.toBeNull();
  return { sessionId, skip: encodeCursor({ value: cursor![1]!, id: Number(cursor![2]) }) };
}

/** What the agent's list (on their own instance) says about who holds each session of the queue: session id → "… is on it" or null. */
async function heldMarks(agent: Agent, query: string): Promise<Map<number, string | null>> {
  const response = await fetch(`${agent.app.url}/chat-sessions?${query}`, { headers: { cookie: agent.cookie } });
  expect(response.status).toBe(200);
  const marks = new Map<number, string | null>();
  for (const [, id, row] of (await response.text()).matchAll(/<tr[^>]* data-row-id="(\d+)"(.*?)<\/tr>/gs)) {
    marks.set(Number(id), /data-testid="held-by"[^>]*>([^<]*)</.exec(row!)?.[1] ?? null);
  }
  return marks;
}

/** Triage mode's "Back to list": the server action the page posts before it leaves. */
async function leaveTriage(agent: Agent): Promise<void> {
  const left = await postServerAction(agent.app.url, agent.cookie, { file: "lib/triage/actions.ts", name: "releaseHoldAction", path: "/chat-sessions/triage" }, {});
  expect(left.text).toContain('"ok":true');
}

describe("triage mode on two instances (issue 19)", () => {
  it("two staff members opening the same queue at the same moment on two instances get different sessions; each list shows who holds what; moving on frees the session", async () => {
    const [a, b] = pairs.postgres;
    // A queue of its own: four sessions of one product, each with a customer's question waiting 1 to 4 hours.
    const product = "Triage race kettle";
    const productId = await demoVendorProduct(product);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows: queued } = await client
      .query<{ id: number; created_at: Date }>(
        `WITH customers AS (SELECT id, row_number() OVER (ORDER BY id) AS n FROM users WHERE role = 'customer' ORDER BY id LIMIT 4),
              sessions AS (INSERT INTO chat_sessions (product_id, customer_id, vendor_id, updated_at)
                           SELECT $1, c.id, p.vendor_id, now() FROM customers c, products p WHERE p.id = $1 RETURNING id, customer_id)
         INSERT INTO chat_messages (session_id, sender_id, body, created_at)
         SELECT s.id, s.customer_id, 'Is it still in stock?', now() - make_interval(hours => c.n::int) FROM sessions s JOIN customers c ON c.id = s.customer_id
         RETURNING session_id AS id, created_at`,
        [productId],
      )
      .finally(() => client.end());
    expect(queued).toHaveLength(4);
    // The queue's order: longest waiting first.
    const [oldest, second, third] = queued.sort((x, y) => x.created_at.getTime() - y.created_at.getTime()).map((row) => row.id);
    const query = new URLSearchParams({ q: product, awaiting: "vendor" }).toString();
    const [admin, support] = await Promise.all([staffOn(a, "admin@demo.test"), staffOn(b, "support@demo.test")]);

    // Several rounds, so that either may win the race for the longest-waiting session.
    for (let round = 0; round < 3; round += 1) {
      const [adminPick, supportPick] = await Promise.all([openTriage(admin, query), openTriage(support, query)]);
      expect(adminPick.sessionId).not.toBe(supportPick.sessionId);
      await Promise.all([leaveTriage(admin), leaveTriage(support)]);
    }

    const [adminPick, supportPick] = await Promise.all([openTriage(admin, query), openTriage(support, query)]);
    expect(new Set([adminPick.sessionId, supportPick.sessionId])).toEqual(new Set([oldest, second]));
    // Each instance's list shows both holds, the other instance's included.
    for (const viewer of [admin, support]) {
      const marks = await heldMarks(viewer, query);
      expect(marks.get(adminPick.sessionId)).toBe(`${admin.name} is on it`);
      expect(marks.get(supportPick.sessionId)).toBe(`${support.name} is on it`);
    }

    // The admin skips: triage mode on A opens a session nobody holds, and the one skipped is free, on both lists.
    const adminNext = await openTriage(admin, query, adminPick.skip);
    expect(adminNext.sessionId).toBe(third);
    for (const viewer of [admin, support]) {
      const marks = await heldMarks(viewer, query);
      expect(marks.get(adminPick.sessionId)).toBeNull();
      expect(marks.get(adminNext.sessionId)).toBe(`${admin.name} is on it`);
    }
    // Support goes back to the list and starts again on B: the longest waiting is free again
    // (whichever of the two held it), and it is theirs.
    await leaveTriage(support);
    expect((await heldMarks(admin, query)).get(supportPick.sessionId)).toBeNull();
    expect((await openTriage(support, query)).sessionId).toBe(oldest);
    expect((await heldMarks(admin, query)).get(oldest!)).toBe(`${support.name} is on it`);
    // The admin leaves triage mode on A: their session shows free on B.
    await leaveTriage(admin);
    expect((await heldMarks(support, query)).get(adminNext.sessionId)).toBeNull();
    await leaveTriage(support);
  }, 60_000);
});

/**
 * What two servers must agree on: the status, the headers but those of the connection and its
 * encoding (and the request's own id), and the body (ids and times aside). Next's router drops a small answer's length and
 * so gzips even 159 bytes; the hot route keeps the length and sends them as they are.
 */
async function comparable(response: Response): Promise<{ status: number; headers: Record<string, string>; body: unknown }> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (!["date", "x-request-id", "connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"].includes(name)) headers[name] = value;
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
    const [a, b] = pairs.postgres;
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
