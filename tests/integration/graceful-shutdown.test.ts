import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { DEMO_SIZES } from "../../prisma/seed/seed";
import { freePort } from "../../scripts/lib/embedded-postgres";
import { ensureNextBuild } from "../../scripts/lib/next-build";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { ensurePrismaClient } from "../../scripts/lib/prisma-client";
import { startInstance, type Instance } from "../../scripts/lib/scaled-out";
import { signInOverHttp } from "../support/http-session";
import { SseReader } from "../support/sse-client";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

// The server itself (scripts/serve.ts), not the launcher, so that its own exit code is seen.
async function serve(databaseUrl: string): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  // 50 sends from one customer: above the default send rate (30 per 10 s), which is not what this test is about.
  return startInstance(port, { ...process.env, DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: "5", NEXTAUTH_SECRET: "test-secret", NEXTAUTH_URL: url, LOG_FORMAT: "json", SHUTDOWN_GRACE_MS: "30000", SEND_RATE_LIMIT: "1000" });
}

let database: TestDatabase;
let sql: pg.Client;

beforeAll(async () => {
  database = await createTestDatabase("shutdown");
  await prepareDatabase(database.url, { ...DEMO_SIZES, sessions: 5, customers: 5, products: 5, vendors: 2, orders: 1 });
  ensurePrismaClient();
  ensureNextBuild();
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
}, 240_000);

afterAll(async () => {
  await sql?.end();
  await database?.drop();
});

describe("graceful shutdown on SIGTERM", () => {
  it("killed during 50 concurrent sends: every send either got its 201 or left no row; streams told to come back; exit 0", async () => {
    const server = await serve(database.url);
    try {
      const issued = await fetch(`${server.url}/api/v1/tokens`, { method: "POST", body: JSON.stringify({ email: "customer@demo.test", password: DEMO_PASSWORD }) });
      const { token } = (await issued.json()) as { token: string };
      const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
      const { rows: products } = await sql.query<{ id: number }>("SELECT id FROM products ORDER BY id LIMIT 1");
      const started = await fetch(`${server.url}/api/v1/sessions`, { method: "POST", headers, body: JSON.stringify({ productId: products[0]!.id }) });
      const { id: sessionId } = (await started.json()) as { id: number };

      const stream = new SseReader(await fetch(`${server.url}/api/v1/events`, { headers }));
      const prefix = `shutdown-${Date.now()}-`;
      const sends = Array.from({ length: 50 }, (_, i) =>
        fetch(`${server.url}/api/v1/sessions/${sessionId}/messages`, { method: "POST", headers, body: JSON.stringify({ body: `${prefix}${i}` }) }).then(
          (response) => response.status,
          () => "failed" as const,
        ),
      );
      // Once the first send is answered, the others are in flight or about to be refused.
      await Promise.race(sends);
      server.process.kill("SIGTERM");
      const statuses = await Promise.all(sends);
      expect(await server.exited).toBe(0);
      await stream.done;

      const { rows } = await sql.query<{ body: string }>("SELECT body FROM chat_messages WHERE session_id = $1 AND body LIKE $2", [sessionId, `${prefix}%`]);
      const stored = new Set(rows.map((row) => row.body));
      const answered = new Set(statuses.flatMap((status, i) => (status === 201 ? [`${prefix}${i}`] : [])));
      expect([...stored].sort()).toEqual([...answered].sort());
      expect(answered.size).toBeGreaterThan(0);
      for (const status of statuses) expect([201, "failed"]).toContain(status);
      console.log(`graceful shutdown: ${answered.size} of 50 sends answered 201 and stored, ${50 - answered.size} refused and not stored`);
      expect(stream.text()).toMatch(/retry: 500\n: shutting down\n\n$/);
      const log = server.output();
      expect(log).toContain('"msg":"shutting down"');
      expect(log).toContain('"msg":"stopped"');
      expect(log).not.toContain("grace period over");
    } finally {
      if (server.process.exitCode === null) server.process.kill("SIGKILL");
    }
  }, 60_000);

  it("an export being streamed when SIGTERM comes is finished, whole, before the server exits 0", async () => {
    const ENTRIES = 30_000;
    await sql.query("INSERT INTO audit_log (action, target_type, details) SELECT 'test.entry', 'test', '{}' FROM generate_series(1, $1)", [ENTRIES]);
    const { rows } = await sql.query<{ n: number }>("SELECT count(*)::int AS n FROM audit_log");
    const server = await serve(database.url);
    try {
      const cookie = await signInOverHttp(server.url, "admin@demo.test", DEMO_PASSWORD);
      const response = await fetch(`${server.url}/audit/export?format=csv`, { headers: { cookie } });
      expect(response.status).toBe(200);
      const reader = response.body!.getReader();
      const first = await reader.read();
      server.process.kill("SIGTERM");
      // A slow reader: the export is still being written while the server drains.
      const chunks = [first.value!];
      for (let part = await reader.read(); !part.done; part = await reader.read()) {
        chunks.push(part.value);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      expect(await server.exited).toBe(0);
      const csv = Buffer.concat(chunks).toString("utf8").trimEnd();
      // The header and one line per entry (the audit log as it was when the export started).
      expect(csv.split("\r\n").length).toBeGreaterThanOrEqual(rows[0]!.n + 1);
      const shuttingDown = server.output().split("\n").find((line) => line.includes('"msg":"shutting down"'))!;
      expect(JSON.parse(shuttingDown)).toMatchObject({ signal: "SIGTERM", inFlight: 1 });
    } finally {
      if (server.process.exitCode === null) server.process.kill("SIGKILL");
    }
  }, 90_000);
});
