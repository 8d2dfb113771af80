import pg from "pg";
import { mkdtempSync, readFileSync, realpathSync, rmSync, statSync } from "node:fs";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed/demo-accounts";
import { removeEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";
import { serverActionId } from "../../scripts/lib/server-action-id";
import { startAppServer, type AppServer } from "../support/app-server";
import { signInOverHttp } from "../support/http-session";
import { openSse, type SseEvent } from "../support/sse-client";

// The default run, tested as it runs: `npm start`'s launcher with no DATABASE_URL, which starts
// the embedded PostgreSQL itself, driven over HTTP like a browser and the mobile app. The data
// folder is under a 0700 temporary folder: run as root, the server's own account cannot reach
// it, so the launcher has to place the data where it can. The pool's idle timeout is 1 s, so
// that connections come and go (and a new connection meets whatever an old one left behind).
const dataDir = mkdtempSync(join(tmpdir(), "embedded-start-"));
let app: AppServer | undefined;
let sql: pg.Client | undefined;
const closers: (() => void)[] = [];
afterAll(async () => {
  for (const close of closers) close();
  await sql?.end();
  await app?.stop();
  removeEmbeddedPostgres(join(dataDir, "postgres"));
  rmSync(dataDir, { recursive: true, force: true });
});

// SEED_DEMO unset: the embedded database is a demo without being asked.
const start = () => startAppServer(null, { EMBEDDED_DATA_DIR: dataDir, DATABASE_POOL_IDLE_MS: "1000", SEED_DEMO: "" });

/** Whether the app answers at the machine's non-loopback address (the demo's published logins must not). */
async function answersFromTheNetwork(appUrl: string): Promise<boolean> {
  const address = Object.values(networkInterfaces())
    .flat()
    .find((entry) => entry?.family === "IPv4" && !entry.internal)?.address;
  expect(address, "this machine has a non-loopback IPv4 address").toBeDefined();
  try {
    await fetch(`http://${address}:${new URL(appUrl).port}/sign-in`, { signal: AbortSignal.timeout(5_000) });
    return true;
  } catch {
    return false;
  }
}

/** The embedded server's own address, as the launcher printed it, with the password it keeps in .data. */
function embeddedUrl(output: string): string {
  const port = /Embedded PostgreSQL in .* on port (\d+)/.exec(output)?.[1];
  const password = readFileSync(join(dataDir, "postgres", "password"), "utf8").trim();
  return `postgresql://postgres:${password}@127.0.0.1:${port}/postgres`;
}

const json = { "content-type": "application/json" };
async function newToken(email: string): Promise<string> {
  const response = await fetch(`${app!.url}/api/v1/tokens`, { method: "POST", headers: json, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  expect(response.status).toBe(201);
  return ((await response.json()) as { token: string }).token;
}

async function apiSend(token: string, sessionId: number, body: string): Promise<Response> {
  return fetch(`${app!.url}/api/v1/sessions/${sessionId}/messages`, { method: "POST", headers: { ...json, authorization: `Bearer ${token}` }, body: JSON.stringify({ body }) });
}

/** The web chat's send, posted as the page's own client code posts it (its server action). */
async function webSend(cookie: string, sessionId: number, body: string): Promise<string> {
  const response = await fetch(`${app!.url}/chat/${sessionId}`, {
    method: "POST",
    headers: { cookie, origin: app!.url, "next-action": serverActionId("lib/participant-chat/actions.ts", "sendChatMessageAction"), accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" },
    body: JSON.stringify([{ sessionId, body }]),
  });
  expect(response.status).toBe(200);
  return response.text();
}

async function stored(body: string): Promise<number> {
  const { rows } = await sql!.query<{ n: number }>("SELECT count(*)::int AS n FROM chat_messages WHERE body = $1", [body]);
  return rows[0]!.n;
}

/** The app's pooled connections to the database (the bus's listener and this test's own aside). */
async function pooledConnections(): Promise<number> {
  const { rows } = await sql!.query<{ n: number }>(
    "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'client backend' AND application_name = '' AND pid <> pg_backend_pid()",
  );
  return rows[0]!.n;
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

const ofMessage = (id: number) => (event: SseEvent) => event.event === "message" && (JSON.parse(event.data) as { messageId: number }).messageId === id;

describe("npm start without DATABASE_URL (embedded PostgreSQL)", () => {
  let sessionId = 0;
  let customerCookie = "";
  let customerToken = "";
  let vendorToken = "";
  const streamEnded = { vendor: false, customer: false, admin: false };
  let streams: { vendor: Awaited<ReturnType<typeof openSse>>; customer: Awaited<ReturnType<typeof openSse>>; admin: Awaited<ReturnType<typeof openSse>> };

  /** A send both ways (web chat and API), each stored once and heard live on every stream. */
  async function sendBothWays(label: string): Promise<void> {
    const web = `${label}: from the web chat`;
    expect(await webSend(customerCookie, sessionId, web)).toContain('"ok":true');
    expect(await stored(web)).toBe(1);
    const { rows } = await sql!.query<{ id: number }>("SELECT id FROM chat_messages WHERE body = $1", [web]);
    await streams.vendor.sse.waitFor(ofMessage(rows[0]!.id));
    await streams.admin.sse.waitFor(ofMessage(rows[0]!.id));

    const reply = await apiSend(vendorToken, sessionId, `${label}: from the app`);
    expect(reply.status).toBe(201);
    const { message } = (await reply.json()) as { message: { id: number } };
    await streams.customer.sse.waitFor(ofMessage(message.id));
    expect(streamEnded).toEqual({ vendor: false, customer: false, admin: false });
  }

  it("starts from a clean folder on a real PostgreSQL with demo data, and runs the chat: API, web send, event streams", async () => {
    app = await start();
    const output = app.output();
    expect(output).toMatch(/Embedded PostgreSQL in .*postgres, on port \d+/);
    expect(output).toContain("Seeded demo data");
    expect((await fetch(`${app.url}/sign-in`)).status).toBe(200);
    await until(async () => app!.output().includes("admin@demo.test"), "the demo logins are printed");
    expect(await answersFromTheNetwork(app.url), "the embedded demo listens on loopback only").toBe(false);
    sql = new pg.Client({ connectionString: embeddedUrl(output), application_name: "embedded-start-test" });
    await sql.connect();
    expect((await sql.query<{ version: string }>("SELECT current_setting('server_version') AS version")).rows[0]!.version).toMatch(/^\d+\.\d+/);
    // Started under a 0700 folder: the server runs on the data the launcher placed (as root,
    // where its account can reach it, linked from the data folder) and not as root.
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    const { rows: server } = await sql.query<{ path: string }>("SELECT current_setting('data_directory') AS path");
    expect(realpathSync(join(dataDir, "postgres", "data"))).toBe(server[0]!.path);
    expect(statSync(server[0]!.path).uid).not.toBe(0);

    customerToken = await newToken("customer@demo.test");
    vendorToken = await newToken("vendor@demo.test");
    const { rows } = await sql.query<{ id: number }>(
      "INSERT INTO products (name, vendor_id, updated_at) SELECT 'Embedded lamp', id, now() FROM users WHERE email = 'vendor@demo.test' RETURNING id",
    );
    const started = await fetch(`${app.url}/api/v1/sessions`, { method: "POST", headers: { ...json, authorization: `Bearer ${customerToken}` }, body: JSON.stringify({ productId: rows[0]!.id }) });
    expect(started.status).toBe(201);
    sessionId = ((await started.json()) as { id: number }).id;
    const listed = await fetch(`${app.url}/api/v1/sessions`, { headers: { authorization: `Bearer ${vendorToken}` } });
    expect(listed.status).toBe(200);
    expect(JSON.stringify(await listed.json())).toContain("Embedded lamp");

    customerCookie = await signInOverHttp(app.url, "customer@demo.test", DEMO_PASSWORD);
    const adminCookie = await signInOverHttp(app.url, "admin@demo.test", DEMO_PASSWORD);
    streams = {
      vendor: await openSse(`${app.url}/api/v1/events`, { authorization: `Bearer ${vendorToken}` }),
      customer: await openSse(`${app.url}/api/events`, { cookie: customerCookie }),
      admin: await openSse(`${app.url}/api/events`, { cookie: adminCookie }),
    };
    for (const [who, stream] of Object.entries(streams)) {
      expect(stream.status).toBe(200);
      closers.push(stream.close);
      void stream.sse.done.then(() => (streamEnded[who as keyof typeof streamEnded] = true));
    }
    // Three sends in a row from the web chat: every one stored (the first send is not the only one).
    for (const n of [1, 2, 3]) {
      expect(await webSend(customerCookie, sessionId, `web send ${n}`)).toContain('"ok":true');
      expect(await stored(`web send ${n}`)).toBe(1);
    }
    await sendBothWays("first");
    const read = await fetch(`${app.url}/api/v1/sessions/${sessionId}/read`, { method: "POST", headers: { authorization: `Bearer ${vendorToken}` } });
    expect(read.status).toBe(200);
    await streams.customer.sse.waitFor((event) => event.event === "read");
  }, 240_000);

  it("after an idle period longer than the pool's idle timeout: new tokens, sends and live events all work", async () => {
    expect(await pooledConnections()).toBeGreaterThan(0);
    // Every pooled connection closed for idleness: what comes next runs on new connections.
    await until(async () => (await pooledConnections()) === 0, "the pool has no connection left");
    customerToken = await newToken("customer@demo.test");
    vendorToken = await newToken("vendor@demo.test");
    const mine = await fetch(`${app!.url}/api/v1/sessions`, { headers: { authorization: `Bearer ${customerToken}` } });
    expect(mine.status).toBe(200);
    await sendBothWays("after idle");
  }, 60_000);

  it("after a query that failed in the database: new tokens, sends and live events all work", async () => {
    // A trigger that refuses one body: the send's statement fails inside PostgreSQL, on a pooled connection.
    await sql!.query(`CREATE FUNCTION refuse_marked_body() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN IF NEW.body = 'refused on purpose' THEN RAISE EXCEPTION 'refused on purpose'; END IF; RETURN NEW; END $$`);
    await sql!.query("CREATE TRIGGER refuse_marked_body BEFORE INSERT ON chat_messages FOR EACH ROW EXECUTE FUNCTION refuse_marked_body()");
    const failedApi = await apiSend(vendorToken, sessionId, "refused on purpose");
    expect(failedApi.status).toBe(500);
    expect(((await failedApi.json()) as { error: { code: string } }).error.code).toBe("internal");
    // The web chat says it was a failure of the server, not a mistake in what was typed.
    const failedWeb = await webSend(customerCookie, sessionId, "refused on purpose");
    expect(failedWeb).toContain('"ok":false');
    expect(failedWeb).toContain('"code":"internal"');
    expect(await stored("refused on purpose")).toBe(0);

    customerToken = await newToken("customer@demo.test");
    vendorToken = await newToken("vendor@demo.test");
    await sendBothWays("after a failed query");
    // And once more after the connections that saw the failure have gone idle and closed.
    await until(async () => (await pooledConnections()) === 0, "the pool has no connection left");
    customerToken = await newToken("customer@demo.test");
    await sendBothWays("after the failure and idle");
  }, 60_000);

  it("stops, then starts again on the same data without re-seeding", async () => {
    await sql!.end();
    sql = undefined;
    for (const close of closers.splice(0)) close();
    await app!.stop();
    app = await start();
    expect((await fetch(`${app.url}/sign-in`)).status).toBe(200);
    expect(app.output()).not.toContain("Seeded demo data");
    expect(app.output()).not.toContain("Applied migrations");
    sql = new pg.Client({ connectionString: embeddedUrl(app.output()), application_name: "embedded-start-test" });
    await sql.connect();
    expect(await stored("after the failure and idle: from the web chat")).toBe(1);
  }, 180_000);
});
