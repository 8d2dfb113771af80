import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findCounterDrift, hasDrift } from "@/lib/chat-sessions/counter-drift";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { DEMO_SIZES } from "../../prisma/seed/seed";
import { ensureNextBuild } from "../../scripts/lib/next-build";
import { prepareDatabase } from "../../scripts/lib/prepare-database";
import { ensurePrismaClient } from "../../scripts/lib/prisma-client";
import { ensureProxyPackages, startScaledOut, type ScaledOut } from "../../scripts/lib/scaled-out";
import { signInOverHttp } from "../support/http-session";
import { SseReader } from "../support/sse-client";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

let database: TestDatabase;
let cluster: ScaledOut;
let sql: pg.Client;
// Installed with apt-get when missing (as root); when that cannot be, the run says why, in the
// skipped test's title and on the console, and npm test's totals count it as skipped.
const missing = ensureProxyPackages();
if (missing) console.warn(`scaled-out smoke test skipped: ${missing}`);

beforeAll(async () => {
  if (missing) return;
  database = await createTestDatabase("scaled");
  await prepareDatabase(database.url, { ...DEMO_SIZES, sessions: 20, customers: 10, products: 10, vendors: 3, orders: 2 });
  ensurePrismaClient();
  ensureNextBuild();
  sql = new pg.Client({ connectionString: database.url });
  await sql.connect();
  cluster = await startScaledOut(database.url, { count: 3 });
}, 300_000);

afterAll(async () => {
  await cluster?.close();
  await sql?.end();
  await database?.drop();
});

/** The instances' error lines, to say why a request failed. */
const errorLines = () => cluster.instances.flatMap((instance) => instance.output().split("\n").filter((line) => line.includes('"level":50'))).join("\n");
const upstreamPort = (response: Response) => Number(response.headers.get("x-upstream")?.split(":").at(-1));

describe.skipIf(missing !== null)("three instances behind nginx, queries through PgBouncer (transaction mode)", () => {
  it(`sign-in and the list through the proxy; a send on one instance reaches a stream on another; an instance killed and restarted while clients stay; counters exact${missing ? ` (not run: ${missing})` : ""}`, async () => {
    const cookie = await signInOverHttp(cluster.url, "support@demo.test", DEMO_PASSWORD);
    const list = await fetch(`${cluster.url}/chat-sessions`, { headers: { cookie: `${cookie}; locale=en` } });
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('data-testid="nav-unread-badge"');

    const issued = await fetch(`${cluster.url}/api/v1/tokens`, { method: "POST", body: JSON.stringify({ email: "customer@demo.test", password: DEMO_PASSWORD }) });
    expect(issued.status).toBe(201);
    const { token } = (await issued.json()) as { token: string };
    const headers = { authorization: `Bearer ${token}`, "content-type": "application/json" };
    const { rows } = await sql.query<{ id: number }>("SELECT id FROM chat_sessions WHERE customer_id = (SELECT id FROM users WHERE email = 'customer@demo.test') ORDER BY id LIMIT 1");
    const sessionId = rows[0]!.id;

    // The stream, through the proxy, on some instance; the send straight to another one.
    const opened = await fetch(`${cluster.url}/api/v1/events`, { headers });
    expect(opened.status).toBe(200);
    const streamPort = upstreamPort(opened);
    const stream = new SseReader(opened);
    const other = cluster.instances.find((instance) => instance.port !== streamPort)!;
    const sendVia = (base: string, body: string) => fetch(`${base}/api/v1/sessions/${sessionId}/messages`, { method: "POST", headers: { ...headers, "idempotency-key": body.replaceAll(" ", "-") }, body: JSON.stringify({ body }) });
    const first = await sendVia(other.url, "across instances");
    expect(first.status, errorLines()).toBe(201);
    const { message } = (await first.json()) as { message: { id: number } };
    const delivered = await stream.waitFor((event) => event.event === "message" && JSON.parse(event.data).messageId === message.id);
    const lastEventId = delivered.id!;

    // The stream's instance goes away: the stream is told to come back; meanwhile the others serve.
    const streamIndex = cluster.instances.findIndex((instance) => instance.port === streamPort);
    expect(await cluster.stop(streamIndex)).toBe(0);
    await stream.done;
    expect(stream.text()).toContain("retry: 500");
    const sentMeanwhile: number[] = [];
    for (let i = 0; i < 5; i += 1) {
      const sent = await sendVia(cluster.url, `while one is down ${i}`);
      expect(sent.status, errorLines()).toBe(201);
      sentMeanwhile.push(((await sent.json()) as { message: { id: number } }).message.id);
    }
    // The client resumes through the proxy (on another instance) and is sent exactly what it missed.
    const resumed = await fetch(`${cluster.url}/api/v1/events`, { headers: { ...headers, "last-event-id": lastEventId } });
    expect(upstreamPort(resumed)).not.toBe(streamPort);
    const again = new SseReader(resumed);
    for (const id of sentMeanwhile) await again.waitFor((event) => event.event === "message" && JSON.parse(event.data).messageId === id);
    expect(again.events.filter((event) => event.event === "message").map((event) => JSON.parse(event.data).messageId)).toEqual(sentMeanwhile);

    await cluster.restart(streamIndex);
    const back = await sendVia(cluster.instances[streamIndex]!.url, "after the restart");
    expect(back.status, errorLines()).toBe(201);
    const backId = ((await back.json()) as { message: { id: number } }).message.id;
    await again.waitFor((event) => event.event === "message" && JSON.parse(event.data).messageId === backId);
    resumed.body?.cancel().catch(() => undefined);

    expect(hasDrift(await findCounterDrift(sql))).toBe(false);
  }, 120_000);
});
