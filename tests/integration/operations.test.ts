import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { hostname } from "node:os";
import pg from "pg";
import { freePort } from "../../scripts/lib/embedded-postgres";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { DEMO_SIZES } from "../../prisma/seed/seed";
import { signInOverHttp } from "../support/http-session";
import { SseReader } from "../support/sse-client";
import { startAppServer, type AppServer } from "../support/app-server";
import { TcpProxy } from "../support/tcp-proxy";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let proxy: TcpProxy;
let app: AppServer;
let sql: pg.Client;
const METRICS_TOKEN = "metrics-token-for-tests";

beforeAll(async () => {
  database = await createTestDatabase("probes");
  await prepareDatabase(database.url, { ...DEMO_SIZES, sessions: 5, customers: 5, products: 5, vendors: 2, orders: 1 });
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  const target = new URL(database.url);
  proxy = new TcpProxy(await freePort(), { host: target.hostname, port: Number(target.port || 5432) });
  await proxy.open();
  const viaProxy = new URL(database.url);
  viaProxy.port = String(proxy.port);
  // A pool of several connections: the bus listens through PostgreSQL (LISTEN/NOTIFY).
  app = await startAppServer(viaProxy.toString(), { DATABASE_POOL_MAX: "4", METRICS_TOKEN });
}, 180_000);

afterAll(async () => {
  await app?.stop();
  await proxy?.cut();
  await sql?.end();
  await database?.drop();
});

async function probe(path: string): Promise<{ status: number; body: Record<string, unknown>; text: string; headers: Headers }> {
  const response = await fetch(`${app.url}${path}`);
  const text = await response.text();
  return { status: response.status, body: JSON.parse(text) as Record<string, unknown>, text, headers: response.headers };
}

async function eventually(path: string, status: number): Promise<Awaited<ReturnType<typeof probe>>> {
  let answer = await probe(path);
  for (let attempt = 0; attempt < 40 && answer.status !== status; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    answer = await probe(path);
  }
  return answer;
}

describe("health and readiness probes", () => {
  it("readiness is 503 while a migration this build ships is not applied, then 200", async () => {
    const { rows } = await sql.query<{ id: string; migration_name: string }>(
      "SELECT id, migration_name FROM _prisma_migrations ORDER BY migration_name DESC LIMIT 1",
    );
    await sql.query("UPDATE _prisma_migrations SET finished_at = NULL WHERE id = $1", [rows[0]!.id]);
    try {
      const pending = await probe("/readyz");
      expect(pending.status).toBe(503);
      expect(pending.body).toEqual({ status: "not_ready", reason: "migrations_pending" });
    } finally {
      await sql.query("UPDATE _prisma_migrations SET finished_at = now() WHERE id = $1", [rows[0]!.id]);
    }
    const ready = await probe("/readyz");
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: "ready" });
  });

  it("answer with no session, uncached, and say nothing about the host or the versions", async () => {
    for (const path of ["/healthz", "/readyz"]) {
      const answer = await probe(path);
      expect(answer.status, path).toBe(200);
      expect(answer.headers.get("cache-control"), path).toBe("no-store");
      expect(answer.headers.get("x-powered-by"), path).toBeNull();
      expect(answer.text, path).not.toContain(hostname());
      expect(answer.text, path).not.toMatch(/\d+\.\d+\.\d+|next|node|postgres/i);
    }
  });

  it("during a database outage: alive (no database call), not ready with the reason; ready again by itself", async () => {
    const cookie = await signInOverHttp(app.url, "support@demo.test", DEMO_PASSWORD);
    await proxy.cut();
    try {
      const alive = await probe("/healthz");
      expect(alive.status).toBe(200);
      expect(alive.body).toEqual({ status: "ok" });
      const notReady = await probe("/readyz");
      expect(notReady.status).toBe(503);
      expect(notReady.headers.get("retry-after")).toBe("5");
      expect(notReady.body).toEqual({ status: "not_ready", reason: "database_unreachable" });
      // The "database unavailable" page carries the request's id, for users to quote to support.
      const page = await fetch(`${app.url}/chat-sessions`, { headers: { cookie: `${cookie}; locale=en` } });
      const requestId = page.headers.get("x-request-id");
      expect(page.status).toBe(503);
      expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
      expect(await page.text()).toMatch(new RegExp(`data-testid="request-reference"[^>]*>Reference for support:.*${requestId}`));
    } finally {
      await proxy.open();
    }
    const ready = await eventually("/readyz", 200);
    expect(ready.body).toEqual({ status: "ready" });
  }, 30_000);

  it("GET /metrics with the token: requests by route pattern, open streams, bus lag, the pool, the process's memory", async () => {
    expect((await fetch(`${app.url}/metrics`)).status).toBe(401);
    const issued = await fetch(`${app.url}/api/v1/tokens`, { method: "POST", body: JSON.stringify({ email: "customer@demo.test", password: DEMO_PASSWORD }) });
    const { token } = (await issued.json()) as { token: string };
    const bearer = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const { rows } = await sql.query<{ id: number }>("SELECT id FROM products ORDER BY id LIMIT 1");
    const started = await fetch(`${app.url}/api/v1/sessions`, { method: "POST", headers: bearer, body: JSON.stringify({ productId: rows[0]!.id }) });
    const { id: sessionId } = (await started.json()) as { id: number };
    const controller = new AbortController();
    const stream = new SseReader(await fetch(`${app.url}/api/v1/events`, { headers: bearer, signal: controller.signal }));
    const scrape = async () => (await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })).text();
    const sample = (text: string, name: string, labels: string) => Number(text.split("\n").find((line) => line.startsWith(`${name}{${labels}} `))?.split(" ").at(-1));
    // The stream is registered (and so subscribed) before the message is sent.
    for (let attempt = 0; attempt < 40 && sample(await scrape(), "sse_open_streams", 'kind="participant"') !== 1; attempt += 1) await new Promise((resolve) => setTimeout(resolve, 100));
    const sent = await fetch(`${app.url}/api/v1/sessions/${sessionId}/messages`, { method: "POST", headers: bearer, body: JSON.stringify({ body: "metrics probe" }) });
    expect(sent.status).toBe(201);
    await stream.waitFor((event) => event.event === "message");
    const text = await scrape();
    controller.abort();
    expect(sample(text, "http_request_duration_seconds_count", 'route="/api/v1/sessions/[id]/messages",method="POST",status_class="2xx"')).toBe(1);
    expect(sample(text, "sse_open_streams", 'kind="participant"')).toBe(1);
    expect(text).toMatch(/^bus_notification_lag_seconds_count [1-9]/m);
    expect(sample(text, "db_pool_connections", 'state="waiting"')).toBe(0);
    expect(text).toMatch(/^process_resident_memory_bytes [1-9]/m);
    expect(text).toMatch(/^nodejs_heap_size_used_bytes [1-9]/m);
    expect(text).not.toContain("metrics probe");
  }, 30_000);

  it("Idempotency-Key through the server's hot lane (the send answered without Next's router): one message, the answer replayed", async () => {
    const issued = await fetch(`${app.url}/api/v1/tokens`, { method: "POST", body: JSON.stringify({ email: "customer@demo.test", password: DEMO_PASSWORD }) });
    const { token } = (await issued.json()) as { token: string };
    const { rows } = await sql.query<{ id: number }>("SELECT id FROM chat_sessions WHERE customer_id = (SELECT id FROM users WHERE email = 'customer@demo.test') ORDER BY id LIMIT 1");
    const sessionId = rows[0]!.id;
    const send = (body: string) =>
      fetch(`${app.url}/api/v1/sessions/${sessionId}/messages`, { method: "POST", headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "idempotency-key": "hot-lane-key" }, body: JSON.stringify({ body }) });
    const first = await send("only once, please");
    const again = await send("only once, please");
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.headers.get("idempotent-replayed")).toBe("true");
    expect(await again.text()).toBe(await first.text());
    expect((await send("something else")).status).toBe(422);
    const { rows: stored } = await sql.query("SELECT id FROM chat_messages WHERE session_id = $1 AND body = 'only once, please'", [sessionId]);
    expect(stored).toHaveLength(1);
  });
});
