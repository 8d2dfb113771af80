// npm run bench:realtime -- [--bus postgres,nats] [--instances 1] [--writers 16,64,256] [--subscribers 1000] [--rate 100] [--seconds 10] [--messages 5000] [--pool 10] [--clients process|in-process] [--server serve|next]
// Each bus in turn (LISTEN/NOTIFY, then NATS JetStream at $NATS_URL or 127.0.0.1:4222), side by
// side in one run on one database: --instances fresh app instances on it, 1,000 SSE subscribers
// (customers and vendors, one stream each, on /api/v1/events, spread over the instances) on
// loopback, read in a process of their own (scripts/bench/realtime-subscribers.ts; --clients
// in-process reads them in the sender's process); the servers' memory per open stream; then
// messages sent through the API, in two phases:
//  1. latency: --rate messages/s for --seconds, paced (open loop); send→receive latency p50/p99
//     is from the moment the POST is issued to the moment the recipient's stream delivers it;
//  2. throughput: --messages sent as fast as N requests in flight allow, for each N of --writers
//     (raise them until a bus's rate stops growing); the rate, against a raw-SQL floor of the
//     same writes at the same N (rawSqlFloor).
// Each phase also prints the CPU used by the servers, PostgreSQL's backends, nats-server, the
// subscribers and the sender (share of one core), and the load average. Then every counter is
// checked against a fresh count. A fresh database `bench_realtime` on the local PostgreSQL (or
// $BENCH_REALTIME_DATABASE_URL's server) is created and dropped.
import { fork } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
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
    writers: { type: "string", default: "16,64,256" },
    bus: { type: "string", default: "postgres,nats" },
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
const WRITERS = values.writers.split(",").map((n) => Number(n));
if (WRITERS.some((n) => !Number.isInteger(n) || n < 1)) throw new Error("--writers takes whole numbers, comma-separated (e.g. 16,64,256)");
type Bus = "postgres" | "nats";
const BUSES = values.bus.split(",") as Bus[];
if (BUSES.some((bus) => bus !== "postgres" && bus !== "nats")) throw new Error("--bus takes postgres, nats or both (postgres,nats)");
const NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";
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
const startInstance = (env: Record<string, string>) => bench.startInstance(POOL, SERVER, env);

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
// order the events), `writers` at once over a pool of POOL connections. The app batches
// concurrent sends (lib/participant-chat/send-message.ts), so it may beat it.
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

async function rawSqlFloor(pairs: Pair[], writers: number): Promise<number> {
  const pool = new pg.Pool({ connectionString: url.toString(), max: POOL });
  let next = 0;
  const started = performance.now();
  await Promise.all(Array.from({ length: writers }, async () => {
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

/** Resident memory (kB) of these processes and their descendants (Linux /proc). */
function rssKb(rootPids: number[]): number {
  let total = 0;
  for (const pid of cpuTicks(rootPids).keys()) {
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? 0);
    } catch {
      // gone
    }
  }
  return total;
}

/** The local nats-server processes (their CPU is the NATS bus's). */
function natsServerPids(): number[] {
  return readdirSync("/proc").filter((entry) => /^\d+$/.test(entry)).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "nats-server";
    } catch {
      return false;
    }
  }).map(Number);
}

type BusRun = { bus: Bus; rows: (string | number)[][]; ok: boolean; sent: number };

/** One bus: INSTANCES fresh instances on it, SUBSCRIBERS streams, the paced phase, then flat out at each writer count. */
async function runBus(bus: Bus, pairs: Pair[], floors: Map<number, number>, firstSequence: number): Promise<BusRun> {
  const os = await import("node:os");
  const load = () => os.loadavg().map((n) => n.toFixed(2)).join(" ");
  const firstChild = children.length;
  const bases = await Promise.all(Array.from({ length: INSTANCES }, () => startInstance({ EVENT_BUS: bus === "nats" ? NATS_URL : "postgres" })));
  const serverPids = children.slice(firstChild).map((c) => c.pid!);
  await new Promise((resolve) => setTimeout(resolve, 1000)); // settled
  const rssBefore = rssKb(serverPids);

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
  const openSeconds = (performance.now() - openStarted) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const rssPerStream = ((rssKb(serverPids) - rssBefore) * 1024) / Math.max(1, connected);

  // Sends go through a keep-alive agent (plain node:http: fetch costs the sender several times more CPU).
  const agent = new Agent({ keepAlive: true, maxSockets: Math.max(...WRITERS, 256) });
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

  let sequence = firstSequence;
  const send = async (n: number, sentAt: Map<number, number>) => {
    const pair = pairs[n % PAIRS]!;
    const from = Math.floor(n / PAIRS) % 2 === 0 ? pair.customer : pair.vendor;
    const started = nowMs();
    const response = await post(bases[n % bases.length]!, `/api/v1/sessions/${pair.sessionId}/messages`, from.token, JSON.stringify({ body: `bench message ${n}` }));
    if (response.status !== 201) throw new Error(`send refused: ${response.status} ${response.text}`);
    const { message } = JSON.parse(response.text) as { message: { id: number } };
    sentAt.set(message.id, started);
  };
  const run = async (count: number, writers: number) => {
    const sentAt = new Map<number, number>();
    const first = sequence;
    sequence += count;
    let next = first;
    const started = performance.now();
    await Promise.all(Array.from({ length: Math.min(writers, count) }, async () => {
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

  // Where the CPU goes during a phase: the servers, the database's backends, NATS, the subscribers, the sender.
  const natsPids = natsServerPids();
  type Mark = { at: number; server: Map<number, number>; db: Map<number, number>; nats: Map<number, number>; clients: number; sender: number };
  const mark = async (): Promise<Mark> => {
    const dbPids = await admin(async (c) => (await c.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = $1`, [dbName])).rows.map((r) => r.pid));
    const sender = (process.cpuUsage().user + process.cpuUsage().system) / 1e6;
    return { at: performance.now(), server: cpuTicks(serverPids), db: cpuTicks(dbPids), nats: cpuTicks(natsPids), clients: clientCpu(), sender };
  };
  const used = (from: Map<number, number>, to: Map<number, number>) => [...to].reduce((sum, [pid, ticks]) => sum + ticks - (from.get(pid) ?? 0), 0) / 100;
  const cpuShare = (a: Mark, b: Mark) => {
    const seconds = (b.at - a.at) / 1000;
    const pct = (cpu: number) => `${Math.round((100 * cpu) / seconds)}%`;
    const sender = b.sender - a.sender;
    const clients = CLIENTS === "in-process" ? "(in sender)" : pct(b.clients - a.clients);
    return `server ${pct(used(a.server, b.server))}, postgres ${pct(used(a.db, b.db))}, nats ${pct(used(a.nats, b.nats))}, subscribers ${clients}, sender ${pct(sender)}`;
  };

  const warm = await run(WARMUP, WRITERS[0]!);
  await waitForAll(warm.sentAt.keys());

  // What the open, quiet streams cost.
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
  const rows: (string | number)[][] = [
    [`[${bus}] subscribers (open SSE streams), opened in`, `${connected}, ${openSeconds.toFixed(1)} s; load average ${load()}`],
    ["   server memory per open stream (RSS growth ÷ streams)", `${(rssPerStream / 1024).toFixed(1)} kB`],
    ["   CPU, 3 s with no messages (of one core)", idleCpu],
    [`1. paced: ${PACED} messages at ${RATE}/s (achieved)`, `${(PACED / pacedSeconds).toFixed(0)}/s`],
    ["   send→receive p50 / p99 / max (ms)", `${percentile(paced, 0.5).toFixed(1)} / ${percentile(paced, 0.99).toFixed(1)} / ${paced.at(-1)!.toFixed(1)}`],
    ["   CPU (of one core)", pacedCpu],
  ];

  // 2. Throughput: as fast as N writers (requests in flight) go, N raised step by step.
  let received = paced.length;
  for (const writers of WRITERS) {
    const loadedMark = await mark();
    const { sentAt, seconds } = await run(MESSAGES, writers);
    const loadedCpu = cpuShare(loadedMark, await mark());
    await waitForAll(sentAt.keys());
    const loaded = latenciesOf(sentAt);
    received += loaded.length;
    const floor = floors.get(writers)!;
    rows.push(
      [`2. flat out: ${MESSAGES} messages, ${writers} writers`, `${(MESSAGES / seconds).toFixed(0)} messages/s (${(MESSAGES / seconds / floor).toFixed(2)}× the raw-SQL floor ${floor.toFixed(0)}/s); load average ${load()}`],
      ["   send→receive p50 / p99 / max (ms)", `${percentile(loaded, 0.5).toFixed(1)} / ${percentile(loaded, 0.99).toFixed(1)} / ${loaded.at(-1)!.toFixed(1)}`],
      ["   CPU (of one core)", loadedCpu],
    );
  }
  await new Promise((resolve) => setTimeout(resolve, 500)); // let late duplicates show
  await closeClients();
  agent.destroy();
  for (const child of children.slice(firstChild)) {
    try {
      process.kill(-child.pid!, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
  }

  const sent = sequence - firstSequence;
  const missing = sent - WARMUP - received;
  rows.push(
    ["   recipient deliveries (expected)", `${recipientDeliveries} (${sent})`],
    ["   sender echoes (expected)", `${senderEchoes} (${sent})`],
    ["   deliveries to anyone else", strayDeliveries],
    ["   missing after 30 s", missing],
  );
  return { bus, rows, sent, ok: missing === 0 && strayDeliveries === 0 && recipientDeliveries === sent && senderEchoes === sent };
}

async function main() {
  ensurePrismaClient();
  ensureNextBuild();
  const os = await import("node:os");
  console.log(`bench:realtime — buses ${BUSES.join(", ")}, ${SUBSCRIBERS} subscribers (${PAIRS} sessions), pool ${POOL}, ${INSTANCES} instance(s) of ${SERVER === "serve" ? "scripts/serve.ts" : "next start"}, writers ${WRITERS.join(", ")}, clients ${CLIENTS}, load average ${os.loadavg().map((n) => n.toFixed(2)).join(" ")} on ${os.cpus().length} cores`);
  const pairs = await setUp();
  const floors = new Map<number, number>();
  for (const writers of WRITERS) floors.set(writers, await rawSqlFloor(pairs, writers));
  const runs: BusRun[] = [];
  let sequence = 0;
  for (const bus of BUSES) {
    const result = await runBus(bus, pairs, floors, sequence);
    sequence += result.sent;
    runs.push(result);
    console.log(`\n${table([["measure", "value"], ...result.rows])}`);
  }

  const sent = runs.reduce((sum, r) => sum + r.sent, 0);
  const total = sent + MESSAGES * WRITERS.length; // and the floors'
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
  console.log(`\ncounters exact (sessions, unread total, notifications): ${countersExact ? "yes" : `NO ${JSON.stringify(check)}`}`);
  console.log(`Targets: p99 ≤ 50 ms at 1,000 subscribers; ≥ 1,000 messages/s sustained. Load average now ${os.loadavg().map((n) => n.toFixed(2)).join(" ")}.`);
  await cleanUp();
  process.exit(countersExact && runs.every((r) => r.ok) ? 0 : 1);
}

main().catch(async (error) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
