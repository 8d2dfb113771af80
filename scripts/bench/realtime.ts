// npm run bench:realtime -- [--subscribers 1000] [--rate 100] [--seconds 10] [--messages 5000] [--concurrency 64] [--pool 10] [--instances 1] [--clients process|in-process] [--server serve|next]
// 1,000 SSE subscribers (customers and vendors, one stream each, on /api/v1/events) on loopback,
// read in a process of their own (scripts/bench/realtime-subscribers.ts; --clients in-process
// reads them in the sender's process, as the first version of this bench did); messages sent
// through the API, in two phases:
//  1. latency: --rate messages/s for --seconds, paced (open loop); send→receive latency p50/p99
//     is from the moment the POST is issued to the moment the recipient's stream delivers it;
//  2. throughput: --messages sent as fast as --concurrency requests in flight allow; the rate.
// Each phase also prints the CPU used by the server, PostgreSQL's backends, the subscribers and
// the sender (share of one core), and the flat-out rate is set against a raw-SQL floor measured first
// (rawSqlFloor). Then every counter is checked against a fresh count. A fresh database `bench_realtime` on the
// local PostgreSQL (or $BENCH_REALTIME_DATABASE_URL's server) is created and dropped.
import { fork } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { Agent, request as httpRequest } from "node:http";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "../db/schema-engine";
import { ensureNextBuild } from "../lib/next-build";
import { ensurePrismaClient } from "../lib/prisma-client";
import { benchHarness, cpuTicks, percentile } from "./harness";
import { table } from "./measure";
import { wholeNumberFlags } from "./options";
import { openSubscribers, type Arrival, type Subscriber } from "./realtime-subscribers";

const { values } = parseArgs({
  options: {
    subscribers: { type: "string", default: "1000" },
    messages: { type: "string", default: "5000" },
    concurrency: { type: "string", default: "64" },
    pool: { type: "string", default: "10" },
    instances: { type: "string", default: "1" },
    rate: { type: "string", default: "100" },
    seconds: { type: "string", default: "10" },
    clients: { type: "string", default: "process" },
    server: { type: "string", default: "serve" },
  },
});
const int = wholeNumberFlags(values);
const SUBSCRIBERS = int("subscribers") - (int("subscribers") % 2);
const MESSAGES = int("messages");
const CONCURRENCY = int("concurrency");
const POOL = int("pool");
const INSTANCES = int("instances");
const PAIRS = SUBSCRIBERS / 2;
const WARMUP = Math.min(200, MESSAGES);
const RATE = int("rate");
const PACED = RATE * int("seconds");
if (values.clients !== "process" && values.clients !== "in-process") throw new Error("--clients takes process or in-process");
const CLIENTS = values.clients;
if (values.server !== "serve" && values.server !== "next") throw new Error("--server takes serve (npm start's server) or next (plain next start)");
const SERVER = values.server;

const bench = benchHarness("bench_realtime", process.env.BENCH_REALTIME_DATABASE_URL);
const { url, dbName, children, cleanUp } = bench;
const admin = bench.withClient;
const startInstance = () => bench.startInstance(POOL, SERVER);

type Pair = { sessionId: number; customer: { id: number; token: string }; vendor: { id: number; token: string } };

async function setUp(): Promise<Pair[]> {
  await admin((c) => c.query(`CREATE DATABASE "${dbName}"`));
  await applyMigrations(url.toString());
  return admin(async (c) => {
    const tokens = Array.from({ length: SUBSCRIBERS }, () => randomBytes(32).toString("base64url"));
    const users = await c.query<{ id: number; role: string; n: number }>(
      `INSERT INTO users (name, email, role, updated_at)
       SELECT CASE WHEN n % 2 = 0 THEN 'Customer ' ELSE 'Vendor ' END || n, 'u' || n || '@bench.test',
              (CASE WHEN n % 2 = 0 THEN 'customer' ELSE 'vendor' END)::"Role", now()
         FROM generate_series(0, $1 - 1) AS n RETURNING id, role, (regexp_match(email, '\\d+'))[1]::int AS n`,
      [SUBSCRIBERS],
    );
    const byN = new Map(users.rows.map((row) => [row.n, row.id]));
    await c.query(`INSERT INTO api_tokens (user_id, token_hash) SELECT * FROM unnest($1::int[], $2::text[])`, [
      tokens.map((_, n) => byN.get(n)!),
      tokens.map((token) => createHash("sha256").update(token).digest("hex")),
    ]);
    const pairs: Pair[] = [];
    for (let i = 0; i < PAIRS; i += 1) {
      const customerId = byN.get(2 * i)!;
      const vendorId = byN.get(2 * i + 1)!;
      pairs.push({ sessionId: 0, customer: { id: customerId, token: tokens[2 * i]! }, vendor: { id: vendorId, token: tokens[2 * i + 1]! } });
    }
    const products = await c.query<{ id: number; vendor_id: number }>(
      `INSERT INTO products (name, vendor_id, updated_at) SELECT 'Product ' || v, v, now() FROM unnest($1::int[]) AS v RETURNING id, vendor_id`,
      [pairs.map((p) => p.vendor.id)],
    );
    const productOf = new Map(products.rows.map((row) => [row.vendor_id, row.id]));
    const sessions = await c.query<{ id: number; vendor_id: number }>(
      `INSERT INTO chat_sessions (product_id, customer_id, vendor_id, updated_at)
       SELECT p, c, v, now() FROM unnest($1::int[], $2::int[], $3::int[]) AS t(p, c, v) RETURNING id, vendor_id`,
      [pairs.map((p) => productOf.get(p.vendor.id)!), pairs.map((p) => p.customer.id), pairs.map((p) => p.vendor.id)],
    );
    const sessionOf = new Map(sessions.rows.map((row) => [row.vendor_id, row.id]));
    for (const pair of pairs) pair.sessionId = sessionOf.get(pair.vendor.id)!;
    return pairs;
  }, url.toString());
}

const nowMs = () => Number(process.hrtime.bigint()) / 1e6;

// The floor: the same writes with no HTTP, no app and no fan-out, one plain statement per message
// (the message, its notification and both participants' events; the triggers count them and
// order the events), CONCURRENCY at once over a pool of POOL connections. The app batches
// concurrent sends (lib/chat/send-message.ts), so it may beat it.
const FLOOR_SEND = `
  WITH m AS (
    INSERT INTO chat_messages (session_id, sender_id, body)
    SELECT c.id, $2, $3 FROM chat_sessions c WHERE c.id = $1 AND (c.customer_id = $2 OR c.vendor_id = $2)
    RETURNING id, session_id, sender_id
  ), n AS (
    INSERT INTO notifications (user_id, session_id, message_id)
    SELECT CASE WHEN c.customer_id = m.sender_id THEN c.vendor_id ELSE c.customer_id END, m.session_id, m.id
      FROM m JOIN chat_sessions c ON c.id = m.session_id
  )
  INSERT INTO user_events (user_id, kind, session_id, message_id, sender_id)
  SELECT p.user_id, 'message', m.session_id, m.id, m.sender_id
    FROM m JOIN chat_sessions c ON c.id = m.session_id CROSS JOIN LATERAL (VALUES (c.customer_id), (c.vendor_id)) AS p(user_id)
   ORDER BY p.user_id`;

async function rawSqlFloor(pairs: Pair[]): Promise<number> {
  const pool = new pg.Pool({ connectionString: url.toString(), max: POOL });
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < MESSAGES) {
      const n = next++;
      const pair = pairs[n % PAIRS]!;
      const from = Math.floor(n / PAIRS) % 2 === 0 ? pair.customer : pair.vendor;
      await pool.query({ text: FLOOR_SEND, values: [pair.sessionId, from.id, `floor message ${n}`] });
    }
  }));
  const seconds = (performance.now() - started) / 1000;
  await pool.end();
  return MESSAGES / seconds;
}

async function main() {
  ensurePrismaClient();
  ensureNextBuild();
  const os = await import("node:os");
  console.log(`bench:realtime — ${SUBSCRIBERS} subscribers (${PAIRS} sessions), pool ${POOL}, ${INSTANCES} instance(s) of ${SERVER === "serve" ? "scripts/serve.ts" : "next start"}, clients ${CLIENTS}, load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
  const pairs = await setUp();
  const floorRate = await rawSqlFloor(pairs);
  const bases = await Promise.all(Array.from({ length: INSTANCES }, startInstance));

  // Who received what, when: messageId → arrival time at the recipient (ms, process.hrtime's clock, which is
  // the machine's monotonic clock and so the same in the clients' process).
  const arrivedAt = new Map<number, number>();
  let recipientDeliveries = 0;
  let senderEchoes = 0;
  let strayDeliveries = 0;
  const arrival = (messageId: number, kind: Arrival["kind"], at: bigint) => {
    if (kind === "stray") strayDeliveries += 1;
    else if (kind === "echo") senderEchoes += 1;
    else {
      recipientDeliveries += 1;
      arrivedAt.set(messageId, Number(at) / 1e6);
    }
  };
  const list: Subscriber[] = pairs.flatMap((pair, i) => [
    { userId: pair.customer.id, token: pair.customer.token, sessionId: pair.sessionId, base: bases[(2 * i) % bases.length]! },
    { userId: pair.vendor.id, token: pair.vendor.token, sessionId: pair.sessionId, base: bases[(2 * i + 1) % bases.length]! },
  ]);
  const openStarted = performance.now();
  let connected = 0;
  let closeClients: () => Promise<void>;
  let clientPid = process.pid;
  let clientCpu = () => 0;
  if (CLIENTS === "in-process") {
    const subscribers = await openSubscribers(list, (a) => arrival(a.messageId, a.kind, a.at));
    connected = subscribers.opened;
    closeClients = () => subscribers.close();
  } else {
    const child = fork(fileURLToPath(new URL("./realtime-subscribers.ts", import.meta.url)), ["--child"], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
    children.push(child);
    clientPid = child.pid!;
    clientCpu = () => [...cpuTicks([clientPid]).values()].reduce((a, b) => a + b, 0) / 100;
    let closed: () => void = () => {};
    await new Promise<void>((resolve, reject) => {
      child.on("message", (message: { open?: number; failed?: string; arrivals?: [number, Arrival["kind"], string][]; closed?: true }) => {
        if (message.arrivals) for (const [id, kind, at] of message.arrivals) arrival(id, kind, BigInt(at));
        if (message.open !== undefined) (connected = message.open), resolve();
        if (message.failed) reject(new Error(message.failed));
        if (message.closed) closed();
      });
      child.send({ subscribers: list });
    });
    closeClients = () => new Promise<void>((resolve) => ((closed = resolve), child.send({ close: true })));
  }
  console.log(`${connected} SSE streams open in ${((performance.now() - openStarted) / 1000).toFixed(1)} s`);

  // Sends go through a keep-alive agent (plain node:http: fetch costs the sender several times more CPU).
  const agent = new Agent({ keepAlive: true, maxSockets: Math.max(CONCURRENCY, 256) });
  const post = (base: string, path: string, token: string, body: string): Promise<{ status: number; text: string }> =>
    new Promise((resolve, reject) => {
      const req = httpRequest(`${base}${path}`, { method: "POST", agent, headers: { authorization: `Bearer ${token}`, "content-type": "application/json", "content-length": Buffer.byteLength(body) } }, (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => resolve({ status: res.statusCode!, text }));
      });
      // A kept-alive socket the server closed as idle just as it was reused: the request never
      // reached the server (Node's documented case), so it is sent again on a fresh socket.
      req.on("error", (error: NodeJS.ErrnoException) => (req.reusedSocket && error.code === "ECONNRESET" ? post(base, path, token, body).then(resolve, reject) : reject(error)));
      req.end(body);
    });

  let sequence = 0;
  const send = async (n: number, sentAt: Map<number, number>) => {
    const pair = pairs[n % PAIRS]!;
    const from = Math.floor(n / PAIRS) % 2 === 0 ? pair.customer : pair.vendor;
    const started = nowMs();
    const response = await post(bases[n % bases.length]!, `/api/v1/sessions/${pair.sessionId}/messages`, from.token, JSON.stringify({ body: `bench message ${n}` }));
    if (response.status !== 201) throw new Error(`send refused: ${response.status} ${response.text}`);
    const { message } = JSON.parse(response.text) as { message: { id: number } };
    sentAt.set(message.id, started);
  };
  const run = async (count: number) => {
    const sentAt = new Map<number, number>();
    const first = sequence;
    sequence += count;
    let next = first;
    const started = performance.now();
    await Promise.all(Array.from({ length: Math.min(CONCURRENCY, count) }, async () => {
      while (next < first + count) await send(next++, sentAt);
    }));
    return { sentAt, seconds: (performance.now() - started) / 1000 };
  };
  const waitForAll = async (ids: Iterable<number>, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    for (const id of ids) while (!arrivedAt.has(id) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 5));
  };
  const latenciesOf = (sentAt: Map<number, number>) =>
    [...sentAt].filter(([id]) => arrivedAt.has(id)).map(([id, at]) => arrivedAt.get(id)! - at).sort((a, b) => a - b);

  // Where the CPU goes during a phase: the server, the database's backends, the subscribers, the sender.
  const serverPids = children.filter((c) => c.pid !== clientPid).map((c) => c.pid!);
  type Mark = { at: number; server: Map<number, number>; db: Map<number, number>; clients: number; sender: number };
  const mark = async (): Promise<Mark> => {
    const dbPids = await admin(async (c) => (await c.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [dbName])).rows.map((r) => r.pid));
    const sender = (process.cpuUsage().user + process.cpuUsage().system) / 1e6;
    return { at: performance.now(), server: cpuTicks(serverPids), db: cpuTicks(dbPids), clients: clientCpu(), sender };
  };
  const used = (from: Map<number, number>, to: Map<number, number>) => [...to].reduce((sum, [pid, ticks]) => sum + ticks - (from.get(pid) ?? 0), 0) / 100;
  const cpuShare = (a: Mark, b: Mark) => {
    const seconds = (b.at - a.at) / 1000;
    const pct = (cpu: number) => `${Math.round((100 * cpu) / seconds)}%`;
    const sender = b.sender - a.sender;
    const clients = CLIENTS === "in-process" ? "(in sender)" : pct(b.clients - a.clients);
    return `server ${pct(used(a.server, b.server))}, postgres ${pct(used(a.db, b.db))}, subscribers ${clients}, sender ${pct(sender)}`;
  };

  const warm = await run(WARMUP);
  await waitForAll(warm.sentAt.keys());

  // What 1,000 open, quiet streams cost.
  const idleMark = await mark();
  await new Promise((resolve) => setTimeout(resolve, 3000));
  const idleCpu = cpuShare(idleMark, await mark());

  // 1. Latency at a steady rate: each send starts on its own schedule, whatever the others do.
  const pacedSentAt = new Map<number, number>();
  const pacedMark = await mark();
  const pacedStart = performance.now();
  const pacedFirst = sequence;
  sequence += PACED;
  // One timer issues every send that is due (not a timer and a pending closure per send, whose
  // garbage, 20,000 at 1,000/s for 20 s, paused the sender for tens of milliseconds at a time).
  await new Promise<void>((resolve, reject) => {
    let issued = 0;
    let answered = 0;
    const dueAt = (i: number) => pacedStart + (i * 1000) / RATE;
    const issueDue = () => {
      while (issued < PACED && dueAt(issued) <= performance.now()) {
        send(pacedFirst + issued, pacedSentAt).then(() => (answered += 1) === PACED && resolve(), reject);
        issued += 1;
      }
      if (issued < PACED) setTimeout(issueDue, Math.max(0, dueAt(issued) - performance.now()));
    };
    issueDue();
  });
  const pacedSeconds = (performance.now() - pacedStart) / 1000;
  await waitForAll(pacedSentAt.keys());
  const pacedCpu = cpuShare(pacedMark, await mark());
  const paced = latenciesOf(pacedSentAt);

  // 2. Throughput: as fast as CONCURRENCY requests in flight go.
  const loadedMark = await mark();
  const { sentAt, seconds } = await run(MESSAGES);
  const loadedCpu = cpuShare(loadedMark, await mark());
  await waitForAll(sentAt.keys());
  const loaded = latenciesOf(sentAt);
  const missing = PACED + MESSAGES - paced.length - loaded.length;
  await new Promise((resolve) => setTimeout(resolve, 500)); // let late duplicates show

  await closeClients();
  agent.destroy();

  const sent = WARMUP + PACED + MESSAGES;
  const total = sent + MESSAGES; // and the floor's
  const check = await admin(async (c) => {
    const drift = await c.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM chat_sessions s
        WHERE s.message_count <> (SELECT count(*) FROM chat_messages m WHERE m.session_id = s.id)
           OR s.unread_count <> (SELECT count(*) FROM chat_messages m WHERE m.session_id = s.id AND m.read_at IS NULL)
           OR s.last_message_at <> (SELECT max(m.created_at) FROM chat_messages m WHERE m.session_id = s.id)`,
    );
    const sums = await c.query<{ messages: number; counted: number; unread: number; notifications: number }>(
      `SELECT (SELECT sum(message_count)::int FROM chat_sessions) AS messages, (SELECT count(*)::int FROM chat_messages) AS counted,
              (SELECT sum(total)::int FROM unread_totals) AS unread, (SELECT count(*)::int FROM notifications) AS notifications`,
    );
    return { drifting: drift.rows[0]!.n, ...sums.rows[0]! };
  }, url.toString());
  const countersExact = check.drifting === 0 && check.messages === total && check.counted === total && check.unread === total && check.notifications === total;

  console.log(
    "\n" +
      table([
        ["measure", "value"],
        ["subscribers (open SSE streams)", connected],
        ["   CPU, 3 s with no messages (of one core)", idleCpu],
        [`1. paced: ${PACED} messages at ${RATE}/s (achieved)`, `${(PACED / pacedSeconds).toFixed(0)}/s`],
        ["   send→receive p50 / p99 / max (ms)", `${percentile(paced, 0.5).toFixed(1)} / ${percentile(paced, 0.99).toFixed(1)} / ${paced.at(-1)!.toFixed(1)}`],
        ["   CPU (of one core)", pacedCpu],
        [`2. flat out: ${MESSAGES} messages, ${CONCURRENCY} in flight`, `${(MESSAGES / seconds).toFixed(0)} messages/s, all answered 201`],
        ["   send→receive p50 / p99 / max (ms)", `${percentile(loaded, 0.5).toFixed(1)} / ${percentile(loaded, 0.99).toFixed(1)} / ${loaded.at(-1)!.toFixed(1)}`],
        ["   CPU (of one core)", loadedCpu],
        [`   floor: the same ${MESSAGES} writes in raw SQL, ${CONCURRENCY} at once`, `${floorRate.toFixed(0)} messages/s; the API sustains ${(MESSAGES / seconds / floorRate).toFixed(2)}× the floor`],
        ["recipient deliveries (expected)", `${recipientDeliveries} (${sent})`],
        ["sender echoes (expected)", `${senderEchoes} (${sent})`],
        ["deliveries to anyone else", strayDeliveries],
        ["missing after 30 s", missing],
        ["counters exact (sessions, unread total, notifications)", countersExact ? "yes" : `NO ${JSON.stringify(check)}`],
      ]),
  );
  console.log(`Targets: p99 ≤ 50 ms at 1,000 subscribers; ≥ 1,000 messages/s sustained. Load average now ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}.`);
  await cleanUp();
  process.exit(countersExact && missing === 0 && strayDeliveries === 0 && recipientDeliveries === sent && senderEchoes === sent ? 0 : 1);
}

main().catch(async (error) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
