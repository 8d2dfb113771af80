// npm run bench:load -- [--agents 50] [--seconds 30] [--pool 10] [--sessions 2000] [--messages-per-session 100] [--floor-seconds 10]
//                         [--via-proxy [--pool-mode transaction|session]]
// N simulated staff agents on loopback against ONE built `next start` on a fresh seeded database
// (the demo seed's sizes by default; `bench_load_<pid>` on the local PostgreSQL or $BENCH_LOAD_DATABASE_URL's server, dropped after).
// Each agent signs in (support or admin, through next-auth's credentials endpoint, as the form
// does) and loops for --seconds, doing what the panel's pages do over HTTP:
//   list     GET /chat-sessions?… random sort/direction, search, filters; sometimes follows the
//            page's own "next page" links (keyset cursors) one to three pages deep;
//   open     GET /chat-sessions/<id>/edit (the session and its newest 50 messages, ROW-1);
//   markRead the messages section's server action (markMessagesReadAction, POST with Next-Action,
//            the id read from the build's server-reference manifest), all of the session's messages;
//   send     the composer's server action (addMessageAction) as the session's customer or vendor.
// Prints requests/s and p50/p95/p99 per kind and every error (there must be none), then checks
// every counter against a fresh count (lib/chat-sessions/counter-drift.ts, as check:counters)
// and that every send is stored exactly once. Last, the raw-SQL floor of the two reads: the same
// queries the list and open pages make, in hand-written SQL through a pg pool of --pool
// connections, with the same number of concurrent loops, for --floor-seconds; and the ratios.
// --via-proxy: after the run against one instance, the same load for --seconds against three
// instances behind nginx with their queries through PgBouncer (scripts/lib/scaled-out.ts; pool mode
// transaction unless --pool-mode says session), and both throughputs side by side.
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { findCounterDrift, hasDrift } from "../../lib/chat-sessions/counter-drift";
import { sessionsList } from "../../lib/chat-sessions/list";
import { encodeCursor } from "../../lib/list-engine/cursor";
import { DEMO_SIZES, seed } from "../../prisma/seed/seed";
import { applyMigrations } from "../db/schema-engine";
import { ensureNextBuild } from "../lib/next-build";
import { ensurePrismaClient } from "../lib/prisma-client";
import { ensureProxyPackages, startScaledOut } from "../lib/scaled-out";
import { serverActionId } from "../lib/server-action-id";
import { benchHarness, cpuTicks, percentile } from "./harness";
import { agent, httpCall, signIn, type Reply } from "./http-client";
import { table } from "./measure";
import { wholeNumberFlags } from "./options";
import { WAITING_SORT_SQL } from "../../lib/chat-sessions/waiting";

const { values } = parseArgs({
  options: {
    agents: { type: "string", default: "50" },
    seconds: { type: "string", default: "30" },
    pool: { type: "string", default: "10" },
    sessions: { type: "string", default: "2000" },
    "messages-per-session": { type: "string", default: String(DEMO_SIZES.messagesPerSession) },
    "floor-seconds": { type: "string", default: "10" },
    "via-proxy": { type: "boolean", default: false },
    "pool-mode": { type: "string", default: "transaction" },
  },
});
const POOL_MODE = values["pool-mode"] === "session" ? "session" : "transaction";
const int = wholeNumberFlags(values);
const AGENTS = int("agents");
const SECONDS = int("seconds");
const POOL = int("pool");
const SESSIONS = int("sessions");
const MESSAGES_PER_SESSION = int("messages-per-session", 0);
const FLOOR_SECONDS = int("floor-seconds");
const STAFF = ["support@demo.test", "admin@demo.test"];
// the list's notice when a page link's cursor does not parse (the first page is shown instead)
const BAD_CURSOR_NOTICE = "رابط الصفحة غير صالح";

const bench = benchHarness("bench_load", process.env.BENCH_LOAD_DATABASE_URL);
const { url, dbName, children, withClient, cleanUp } = bench;
const startInstance = () => bench.startInstance(POOL);
const withBenchDb = <T>(run: (client: pg.Client) => Promise<T>) => withClient(run, url.toString());


/** CPU ticks (user + system, 1/100 s) used so far by these processes and their descendants (Linux /proc). */
const ticksOf = (rootPids: number[]) => [...cpuTicks(rootPids).values()].reduce((sum, ticks) => sum + ticks, 0);
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const chance = (p: number) => Math.random() < p;

type Kind = "list" | "open" | "markRead" | "send";
const KINDS: Kind[] = ["list", "open", "markRead", "send"];

type Data = {
  sessions: { id: number; customerId: number; vendorId: number }[];
  terms: string[];
  customers: number[];
  vendors: number[];
  products: number[];
};

/** A random view of the list, as a URL query and as the floor's SQL. */
function randomView(data: Data) {
  const query = new URLSearchParams();
  const where: string[] = [];
  const params: unknown[] = [];
  if (chance(0.3)) {
    const term = pick(data.terms);
    query.set("q", term);
    params.push(term);
    where.push(`search_text LIKE '%' || search_normalize($${params.length}) || '%'`);
  }
  if (chance(0.2)) {
    query.set("unread", "1");
    where.push("unread_count > 0");
  }
  if (chance(0.15)) {
    query.set("recent", "1");
    where.push("last_message_at >= now() - interval '7 days'");
  }
  if (chance(0.2)) {
    const [key, column, ids] = pick([
      ["customer", "customer_id", data.customers],
      ["vendor", "vendor_id", data.vendors],
      ["product", "product_id", data.products],
    ] as const);
    const id = pick(ids);
    query.set(key, String(id));
    params.push(id);
    where.push(`${column} = $${params.length}`);
  }
  const sort = chance(0.5) ? "lastMessage" : pick(Object.keys(sessionsList.sorts));
  const dir = pick(["asc", "desc"] as const);
  if (sort !== "lastMessage" || dir !== "desc") (query.set("sort", sort), query.set("dir", dir));
  const column = { product: "product_name", customer: "customer_name", vendor: "vendor_name", messages: "message_count", lastMessage: "last_message_at", created: "created_at", updated: "updated_at", waiting: WAITING_SORT_SQL }[sort];
  return { query, path: `/chat-sessions${query.size ? `?${query}` : ""}`, where: where.length ? where.join(" AND ") : "TRUE", params, order: `${column} ${dir}, id ${dir}` };
}

/**
 * The next page's URL, as the pager's button makes it: the page carries its next keyset cursor in
 * its React payload (`"nextCursor":{"value":…,"id":…}`, escaped inside the HTML).
 */
function nextPagePath(html: string, query: URLSearchParams, page: number): string | null {
  const match = /\\?"nextCursor\\?":\{\\?"value\\?":(\\?"(?:[^"\\]|\\\\.)*?\\?"|-?[\d.]+),\\?"id\\?":(\d+)\}/.exec(html);
  if (!match) return null;
  const raw = match[1]!;
  const value = raw.includes('"') ? raw.replace(/^\\?"|\\?"$/g, "") : Number(raw);
  const next = new URLSearchParams(query);
  next.set("after", encodeCursor({ value, id: Number(match[2]) } as Parameters<typeof encodeCursor>[0]));
  next.set("page", String(page + 1));
  return `/chat-sessions?${next}`;
}

async function main() {
  ensurePrismaClient();
  ensureNextBuild();
  const load = () => loadavg().map((n) => n.toFixed(2)).join(" ");
  console.log(`bench:load — ${AGENTS} agents for ${SECONDS} s, pool ${POOL}, ${SESSIONS} sessions × ${MESSAGES_PER_SESSION} messages, load average ${load()} on ${cpus().length} cores`);

  await withClient((c) => c.query(`CREATE DATABASE "${dbName}"`));
  await applyMigrations(url.toString());
  const seedStarted = Date.now();
  const data = await withBenchDb(async (c): Promise<Data> => {
    await seed(c, { ...DEMO_SIZES, sessions: SESSIONS, messagesPerSession: MESSAGES_PER_SESSION });
    const sessions = await c.query<Data["sessions"][number]>(`SELECT id, customer_id AS "customerId", vendor_id AS "vendorId" FROM chat_sessions ORDER BY id`);
    const words = await c.query<{ word: string }>(
      `SELECT DISTINCT split_part(product_name, ' ', 1) AS word FROM chat_sessions UNION SELECT DISTINCT split_part(customer_name, ' ', 1) FROM chat_sessions LIMIT 200`,
    );
    const ids = async (sql: string) => (await c.query<{ id: number }>(sql)).rows.map((r) => r.id);
    return {
      sessions: sessions.rows,
      terms: words.rows.map((r) => r.word).filter((w) => w.length >= 2),
      customers: await ids("SELECT DISTINCT customer_id AS id FROM chat_sessions"),
      vendors: await ids("SELECT DISTINCT vendor_id AS id FROM chat_sessions"),
      products: await ids("SELECT DISTINCT product_id AS id FROM chat_sessions"),
    };
  });
  console.log(`seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)} s`);
  const before = await withBenchDb(async (c) => (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM chat_messages")).rows[0]!.n);

  const base = await startInstance();
  const markReadId = serverActionId("lib/chat-sessions/messages/actions.ts", "markMessagesReadAction");
  const addMessageId = serverActionId("lib/chat-sessions/messages/actions.ts", "addMessageAction");

  // Sign-ins are not timed: scrypt by design costs ~100 ms of CPU each.
  const cookies: string[] = [];
  for (let i = 0; i < AGENTS; i += 4) {
    cookies.push(...(await Promise.all(Array.from({ length: Math.min(4, AGENTS - i) }, (_, j) => signIn(base, STAFF[(i + j) % STAFF.length]!)))));
  }
  console.log(`${cookies.length} agents signed in (${STAFF.join(", ")})`);

  // Numbers every send's body across runs (each is checked to be stored exactly once).
  let sequence = 0;
  const runAgents = async (base: string, cookies: string[], serverPids: number[], title: string) => {
    const samples: Record<Kind, number[]> = { list: [], open: [], markRead: [], send: [] };
    const errors: string[] = [];
    let sendsOk = 0;
    let deeperPages = 0;
    const timed = async (kind: Kind, run: () => Promise<Reply>, ok: (reply: Reply) => boolean, what: string): Promise<Reply | null> => {
      const started = performance.now();
      try {
        const reply = await run();
        const ms = performance.now() - started;
        if (!ok(reply)) {
          errors.push(`${kind} ${what}: ${reply.status}${reply.location ? ` → ${reply.location}` : ""} ${reply.text.slice(0, 200).replace(/\s+/g, " ")}`);
          return null;
        }
        samples[kind].push(ms);
        return reply;
      } catch (error) {
        errors.push(`${kind} ${what}: ${String(error)}`);
        return null;
      }
    };
    const get = (cookie: string, path: string) => httpCall(base, "GET", path, { cookie, accept: "text/html" });
    const action = (cookie: string, path: string, id: string, input: unknown) =>
      httpCall(base, "POST", path, { cookie, origin: base, "next-action": id, accept: "text/x-component", "content-type": "text/plain;charset=UTF-8" }, JSON.stringify([input]));
    const isPage = (marker: string) => (reply: Reply) => reply.status === 200 && reply.text.includes(marker);
    // a list page: rows, or the empty state for a view nothing matches
    const isList = (reply: Reply) => reply.status === 200 && (reply.text.includes("data-row-id=") || reply.text.includes('data-testid="list-empty"'));
    const actionOk = (reply: Reply) => reply.status === 200 && reply.text.includes('"ok":true');

    const backends = () =>
      withClient(async (c) => (await c.query<{ pid: number }>("SELECT pid FROM pg_stat_activity WHERE datname = $1", [dbName])).rows.map((r) => r.pid));
    const cpuBefore = { server: ticksOf(serverPids), db: ticksOf(await backends()), self: process.cpuUsage() };
    const deadline = performance.now() + SECONDS * 1000;
    const started = performance.now();
    await Promise.all(
      cookies.map(async (cookie, agentIndex) => {
        while (performance.now() < deadline) {
          // Browse: a random view, then sometimes the page's own next-page links.
          const view = randomView(data);
          let reply = await timed("list", () => get(cookie, view.path), isList, view.path);
          let page = 1;
          for (let depth = chance(0.3) ? 1 + Math.floor(Math.random() * 3) : 0; reply && depth > 0 && performance.now() < deadline; depth -= 1) {
            const next = nextPagePath(reply.text, view.query, page);
            if (!next) break;
            page += 1;
            deeperPages += 1;
            reply = await timed("list", () => get(cookie, next), (r) => isList(r) && !r.text.includes(BAD_CURSOR_NOTICE) && r.text.includes(`"page\\":${page}`), next);
          }
          if (performance.now() >= deadline) break;
          // Open a session (one listed, else any), mark it read, sometimes reply in it.
          const listed = reply ? [...reply.text.matchAll(/data-row-id="(\d+)"/g)].map((m) => Number(m[1])) : [];
          const session = listed.length ? data.sessions.find((s) => s.id === pick(listed)) ?? pick(data.sessions) : pick(data.sessions);
          const path = `/chat-sessions/${session.id}/edit`;
          await timed("open", () => get(cookie, path), isPage('id="messages"'), path);
          if (chance(0.5)) await timed("markRead", () => action(cookie, path, markReadId, { sessionId: session.id, all: true }), actionOk, path);
          if (chance(0.5)) {
            const n = (sequence += 1);
            const sent = await timed(
              "send",
              () => action(cookie, path, addMessageId, { sessionId: session.id, senderId: chance(0.5) ? session.vendorId : session.customerId, body: `load ${agentIndex}-${n}` }),
              actionOk,
              path,
            );
            if (sent) sendsOk += 1;
          }
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const selfCpu = process.cpuUsage(cpuBefore.self);
    const cpu = {
      server: (ticksOf(serverPids) - cpuBefore.server) / 100 / elapsed,
      db: (ticksOf(await backends()) - cpuBefore.db) / 100 / elapsed, // backends that lived through the run
      agents: (selfCpu.user + selfCpu.system) / 1e6 / elapsed,
    };
    const requests = KINDS.reduce((sum, kind) => sum + samples[kind].length, 0) + errors.length;
    const rows: (string | number)[][] = [["kind", "requests", "per s", "p50 ms", "p95 ms", "p99 ms", "max ms"]];
    for (const kind of KINDS) {
      const sorted = [...samples[kind]].sort((a, b) => a - b);
      rows.push([kind, sorted.length, (sorted.length / elapsed).toFixed(1), percentile(sorted, 0.5).toFixed(1), percentile(sorted, 0.95).toFixed(1), percentile(sorted, 0.99).toFixed(1), (sorted.at(-1) ?? NaN).toFixed(1)]);
    }
    const all = KINDS.flatMap((kind) => samples[kind]).sort((a, b) => a - b);
    rows.push(["all", all.length, (all.length / elapsed).toFixed(1), percentile(all, 0.5).toFixed(1), percentile(all, 0.95).toFixed(1), percentile(all, 0.99).toFixed(1), (all.at(-1) ?? NaN).toFixed(1)]);
    console.log(`\n${title}: ${requests} requests in ${elapsed.toFixed(1)} s = ${(requests / elapsed).toFixed(1)} requests/s, ${AGENTS} agents (load average ${load()})\n`);
    console.log(table(rows));
    const pct = (share: number) => `${Math.round(share * 100)}%`;
    console.log(`CPU during the run (share of one core): server ${pct(cpu.server)}, PostgreSQL backends ${pct(cpu.db)}, agents ${pct(cpu.agents)}`);
    console.log(`(list includes ${deeperPages} next pages followed through the pages' keyset cursors)`);
    console.log(`\nerrors: ${errors.length}`);
    for (const error of errors.slice(0, 20)) console.log(`  ${error}`);
    if (errors.length > 20) console.log(`  … and ${errors.length - 20} more`);
    return { samples, errors, sendsOk, elapsed, all, requests };
  };

  const direct = await runAgents(base, cookies, children.map((c) => c.pid!), "1 instance, direct");
  let viaProxy: Awaited<ReturnType<typeof runAgents>> | null = null;
  if (values["via-proxy"]) {
    const missing = ensureProxyPackages();
    if (missing) throw new Error(`--via-proxy: ${missing}`);
    const cluster = await startScaledOut(url.toString(), { count: 3, poolMax: POOL, poolMode: POOL_MODE });
    try {
      const proxyCookies: string[] = [];
      for (let i = 0; i < AGENTS; i += 4) {
        proxyCookies.push(...(await Promise.all(Array.from({ length: Math.min(4, AGENTS - i) }, (_, j) => signIn(cluster.url, STAFF[(i + j) % STAFF.length]!)))));
      }
      viaProxy = await runAgents(cluster.url, proxyCookies, cluster.instances.map((instance) => instance.process.pid!), `3 instances via nginx + PgBouncer (${POOL_MODE} mode)`);
    } finally {
      await cluster.close();
    }
    const rate = (run: typeof direct) => (run.requests / run.elapsed).toFixed(1);
    console.log(`\nthroughput: 1 instance direct ${rate(direct)} requests/s; 3 instances via nginx + PgBouncer ${rate(viaProxy)} requests/s (${AGENTS} agents each, ${cpus().length} cores)`);
  }
  agent.destroy();
  const { samples, elapsed, all } = direct;
  const errors = [...direct.errors, ...(viaProxy?.errors ?? [])];
  const sendsOk = direct.sendsOk + (viaProxy?.sendsOk ?? 0);

  // Counters: every stored counter and the badge against a fresh count; every send stored once.
  const check = await withBenchDb(async (c) => {
    const report = await findCounterDrift(c);
    const stored = (await c.query<{ n: number; distinct: number }>(`SELECT count(*)::int AS n, count(DISTINCT body)::int AS distinct FROM chat_messages WHERE body LIKE 'load %'`)).rows[0]!;
    const total = (await c.query<{ n: number }>("SELECT count(*)::int AS n FROM chat_messages")).rows[0]!.n;
    return { report, stored, total };
  });
  const countersExact = !hasDrift(check.report);
  const sendsExact = check.stored.n === sendsOk && check.stored.distinct === sendsOk && check.total === before + sendsOk;
  console.log(
    `counters (check:counters' findCounterDrift): ${countersExact ? `exact — badge total ${check.report.unreadTotal}, no session drifts` : `DRIFT ${JSON.stringify(check.report).slice(0, 500)}`}`,
  );
  console.log(`sends: ${sendsOk} answered ok, ${check.stored.n} stored (${check.stored.distinct} distinct), messages ${before} → ${check.total}: ${sendsExact ? "exact" : "NOT EXACT"}`);

  // The floor: the same reads in hand-written SQL, same concurrency, through a pool of the app's size.
  const floorPool = new pg.Pool({ connectionString: url.toString(), max: POOL });
  const userIds = await floorPool.query<{ id: number }>("SELECT id FROM users WHERE email = ANY($1)", [STAFF]);
  const floorSamples: Record<"list" | "open", number[]> = { list: [], open: [] };
  const floorDeadline = performance.now() + FLOOR_SECONDS * 1000;
  const floorStarted = performance.now();
  const COLUMNS = "id, product_id, product_name, customer_id, customer_name, vendor_id, vendor_name, message_count, unread_count, last_message_at, created_at, updated_at";
  await Promise.all(
    Array.from({ length: AGENTS }, async () => {
      while (performance.now() < floorDeadline) {
        const userId = pick(userIds.rows).id;
        const view = randomView(data);
        let t = performance.now();
        // what the list page reads: the user (re-read every request), the page, the capped count, the badge
        await floorPool.query("SELECT id, role, name, email FROM users WHERE id = $1", [userId]);
        await floorPool.query(`SELECT ${COLUMNS} FROM chat_sessions WHERE ${view.where} ORDER BY ${view.order} LIMIT 26`, view.params);
        await floorPool.query(`SELECT count(*) FROM (SELECT 1 FROM chat_sessions WHERE ${view.where} LIMIT 1001) s`, view.params);
        await floorPool.query("SELECT sum(total) FROM unread_totals");
        floorSamples.list.push(performance.now() - t);
        const session = pick(data.sessions);
        t = performance.now();
        // what the open page reads: the user, the session, its newest 51 messages with senders, the badge
        await floorPool.query("SELECT id, role, name, email FROM users WHERE id = $1", [userId]);
        await floorPool.query(`SELECT ${COLUMNS}, order_id FROM chat_sessions WHERE id = $1`, [session.id]);
        await floorPool.query(
          `SELECT m.id, m.body, m.created_at, m.read_at, u.id AS sender_id, u.name, u.role FROM chat_messages m JOIN users u ON u.id = m.sender_id
            WHERE m.session_id = $1 ORDER BY m.created_at DESC, m.id DESC LIMIT 51`,
          [session.id],
        );
        await floorPool.query("SELECT sum(total) FROM unread_totals");
        floorSamples.open.push(performance.now() - t);
      }
    }),
  );
  const floorElapsed = (performance.now() - floorStarted) / 1000;
  await floorPool.end();
  const floorRows: (string | number)[][] = [["read", "app req/s", "floor req/s", "app p50", "floor p50", "app p95", "floor p95", "ratio p50", "ratio p95"]];
  for (const kind of ["list", "open"] as const) {
    const app = [...samples[kind]].sort((a, b) => a - b);
    const floor = [...floorSamples[kind]].sort((a, b) => a - b);
    floorRows.push([
      kind,
      (app.length / elapsed).toFixed(1),
      (floor.length / floorElapsed).toFixed(1),
      percentile(app, 0.5).toFixed(1),
      percentile(floor, 0.5).toFixed(1),
      percentile(app, 0.95).toFixed(1),
      percentile(floor, 0.95).toFixed(1),
      (percentile(app, 0.5) / percentile(floor, 0.5)).toFixed(1),
      (percentile(app, 0.95) / percentile(floor, 0.95)).toFixed(1),
    ]);
  }
  console.log(`\nRaw-SQL floor of the reads: ${AGENTS} concurrent loops, pool ${POOL}, ${FLOOR_SECONDS} s (the app's figures include HTTP, next-auth's JWT, React rendering and the mixed writes)\n`);
  console.log(table(floorRows));
  console.log(`(load average ${load()})`);

  await cleanUp();
  process.exit(errors.length === 0 && countersExact && sendsExact && all.length > 0 ? 0 : 1);
}

main().catch(async (error) => {
  console.error(error);
  await cleanUp();
  process.exit(1);
});
