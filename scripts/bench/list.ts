// npm run bench:list [-- --parts alone,matrix,sections,page,export] — each list scenario and each figure of the overview (issue 18) through the app's own
// query functions, next to the same query as hand-written SQL on a bare pg connection, in the same
// run; prints median, p95 and the ratios. Then the combination matrix (scripts/bench/list-matrix.ts:
// every sort × direction × filter or search, against the best hand-written SQL). Then the page
// through HTTP (warm: 30 requests, then 100 timed) next to the SQL floor of its loaders' queries (scripts/bench/list-page.ts). Then the export
// of 100,000 rows (CSV and XLSX, app and raw floor, each in a fresh process:
// scripts/bench/export.ts): time, first byte, peak RSS. `--only <text>` keeps the scenarios whose name has it,
// `--except <text>` drops them.
// Run `npm run bench:seed` first. The app code is loaded with the react-server condition, as
// Next loads it, so its "server-only" guard lets it in.
//
// Figures the code relies on, measured with this bench (2-core box, 1M sessions):
// - lib/list-engine/keyset.ts COUNT_CAP: an exact count(*) over a million sessions costs ~300 ms;
//   a common search term counted to 10,000 took 150–200 ms (a bitmap heap scan of every counted
//   row), to 1,000 20–60 ms; an unfiltered count to either is a few ms.
// - lib/list-engine/keyset.ts EXPORT_BATCH: with exceljs, 500 rows a batch kept an XLSX export of
//   100k rows near 200 MB peak RSS (1,000 a batch: ~250 MB). Batches are 2,000 now (fewer round
//   trips and plans: issue 16); this bench's export part prints the peak RSS that costs.
import { spawnSync } from "node:child_process";
import { cpus, loadavg } from "node:os";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import pg from "pg";
import { benchDatabaseUrl } from "./database";
import { matrixSource, printMatrix, runMatrix, type MatrixFilter } from "./list-matrix";
import { measure, table, type Timing } from "./measure";

const { values: flags } = parseArgs({ options: { parts: { type: "string", default: "alone,matrix,sections,page,export" }, only: { type: "string" }, except: { type: "string" } } });
const parts = new Set(flags.parts!.split(","));
const url = await benchDatabaseUrl();
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_MAX = "4";

const { sessionsList } = await import("../../lib/chat-sessions/list");
const { defaultState } = await import("../../lib/list-engine/url-state");
const DEFAULT_PARAMS = defaultState(sessionsList);
const SORT_KEYS = Object.keys(sessionsList.sorts) as (keyof typeof sessionsList.sorts)[];
const { COUNT_CAP, countSessions, listSessions } = await import("../../lib/chat-sessions/list-query");
const { getUnreadTotal } = await import("../../lib/chat-sessions/unread-total");
const { builtInQueueTabs, countQueueTabs } = await import("../../lib/chat-sessions/queue-tabs");
const { TAB_COUNT_CAP } = await import("../../lib/chat-sessions/queues");
const { WAITING_SORT_SQL } = await import("../../lib/chat-sessions/waiting");
const { db } = await import("../../lib/db");
const overview = await import("../../lib/overview/overview-figures");
type SessionsListState = typeof DEFAULT_PARAMS;

const raw = new pg.Client({ connectionString: url });
await raw.connect();
// the matrices' hand-written SQL is also tried without JIT (list-matrix.ts)
const rawWithoutJit = new pg.Client({ connectionString: url, options: "-c jit=off" });
await rawWithoutJit.connect();
const matrixClients = { jitOn: raw, jitOff: rawWithoutJit };
const one = async <T extends pg.QueryResultRow>(sql: string, values: unknown[] = []) => (await raw.query<T>(sql, values)).rows[0]!;

const { sessions } = await one<{ sessions: string }>("SELECT count(*) AS sessions FROM chat_sessions");
const { messages } = await one<{ messages: string }>("SELECT count(*) AS messages FROM chat_messages");
const busyCustomer = await one<{ id: number }>("SELECT customer_id AS id FROM chat_sessions GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
const busyVendor = await one<{ id: number }>("SELECT vendor_id AS id FROM chat_sessions GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
const busyProduct = await one<{ id: number }>("SELECT product_id AS id FROM chat_sessions GROUP BY 1 ORDER BY count(*) DESC LIMIT 1");
// Page 2,000 of 25 rows: the keyset cursor of row 49,975 in the default order.
const deepOffset = Math.max(0, Math.min(49_974, Number(sessions) - 26));
const deep = await one<{ last_message_at: Date; id: number }>("SELECT last_message_at, id FROM chat_sessions ORDER BY last_message_at DESC, id DESC OFFSET $1 LIMIT 1", [deepOffset]);

// A rare term: one product's full name (a few dozen sessions out of a million), a five-digit one
// at 20k products so that no other product's name starts with it.
const rare = await one<{ term: string }>("SELECT lower(name) AS term FROM products WHERE id >= (SELECT max(id) * 3 / 5 FROM products) ORDER BY id LIMIT 1");
const COLUMNS = "id, product_id, product_name, customer_id, customer_name, vendor_id, vendor_name, message_count, unread_count, last_message_at, created_at, updated_at";
const SORT_SQL: Record<string, string> = { product: "product_name", customer: "customer_name", vendor: "vendor_name", messages: "message_count", lastMessage: "last_message_at", created: "created_at", updated: "updated_at", waiting: WAITING_SORT_SQL };
// Issue 19's built-in queues (lib/chat-sessions/queues.ts), as hand-written conditions; 1440 minutes is the default red threshold.
const QUEUE_SQL = [
  "TRUE",
  "assignee_id = 0", // Mine, for no viewer (the bench's): nobody's id
  "assignee_id IS NULL",
  "unread_count > 0",
  "awaiting = 'vendor'",
  "awaiting = 'vendor' AND awaiting_since < now() - interval '1440 minutes'",
  "awaiting = 'customer'",
  "last_message_at >= now() - interval '7 days'",
];
const tabCountsSql = `SELECT ${QUEUE_SQL.map((where, i) => `(SELECT count(*) FROM (SELECT 1 FROM chat_sessions WHERE ${where} LIMIT ${TAB_COUNT_CAP + 1}) s) AS c${i}`).join(", ")}`;

type Scenario = { name: string; app: () => Promise<unknown>; raw: () => Promise<unknown> };
const page = (patch: Partial<SessionsListState>, where: string, values: unknown[] = [], order = "last_message_at DESC, id DESC"): Scenario => ({
  name: "",
  app: () => listSessions({ ...DEFAULT_PARAMS, ...patch }),
  raw: () => raw.query(`SELECT ${COLUMNS} FROM chat_sessions WHERE ${where} ORDER BY ${order} LIMIT 26`, values),
});
const named = (name: string, scenario: Scenario): Scenario => ({ ...scenario, name });

const scenarios: Scenario[] = [
  named("default page (SORT-1)", page({}, "TRUE")),
  ...SORT_KEYS.flatMap((sort) =>
    (["asc", "desc"] as const).map((dir) => named(`sort ${sort} ${dir}`, page({ sort, dir }, "TRUE", [], `${SORT_SQL[sort]} ${dir}, id ${dir}`))),
  ),
  named("FLT-1 customer", page({ customer: busyCustomer.id }, "customer_id = $1", [busyCustomer.id])),
  named("FLT-2 vendor", page({ vendor: busyVendor.id }, "vendor_id = $1", [busyVendor.id])),
  named("FLT-3 product", page({ product: busyProduct.id }, "product_id = $1", [busyProduct.id])),
  named("FLT-4 unread", page({ unread: true }, "unread_count > 0")),
  named("FLT-5 recent", page({ recent: true }, "last_message_at >= now() - interval '7 days'")),
  named("SEARCH-1 arabic 'احمد'", page({ q: "احمد" }, "search_text LIKE '%' || search_normalize($1) || '%'", ["احمد"])),
  named("SEARCH-1 latin 'watch'", page({ q: "watch" }, "search_text LIKE '%' || search_normalize($1) || '%'", ["watch"])),
  // Few matches: the trigram index does the work (no early stop on the sort index).
  named(`SEARCH-1 rare '${rare.term}'`, page({ q: rare.term }, "search_text LIKE '%' || search_normalize($1) || '%'", [rare.term])),
  named("SEARCH-1 no match 'zzqx'", page({ q: "zzqx" }, "search_text LIKE '%' || search_normalize($1) || '%'", ["zzqx"])),
  named(
    `page ${Math.floor(deepOffset / 25) + 2} (keyset)`,
    page({ after: { value: deep.last_message_at.toISOString(), id: deep.id }, page: 2000 }, "(last_message_at, id) < ($1::timestamptz, $2)", [deep.last_message_at, deep.id]),
  ),
  named("queue awaiting vendor, longest waiting first", page({ awaiting: "vendor", sort: "waiting", dir: "asc" }, "awaiting = 'vendor'", [], `${WAITING_SORT_SQL} asc, id asc`)),
  { name: `queue tabs: all ${QUEUE_SQL.length} counts (capped at ${TAB_COUNT_CAP})`, app: () => countQueueTabs(builtInQueueTabs(), null), raw: () => raw.query(tabCountsSql) },
  { name: "NAV-2 badge", app: () => getUnreadTotal(), raw: () => raw.query("SELECT sum(total) FROM unread_totals") },
  // No work at all: what the app's database layer (Prisma + adapter) adds to any query.
  { name: "driver floor: SELECT 1", app: () => db.$queryRaw`SELECT 1`, raw: () => raw.query("SELECT 1") },
  { name: `count (capped at ${COUNT_CAP.toLocaleString("en")})`, app: () => countSessions(DEFAULT_PARAMS), raw: () => raw.query("SELECT count(*) FROM (SELECT 1 FROM chat_sessions LIMIT $1) s", [COUNT_CAP + 1]) },
  {
    name: "count, search 'احمد'",
    app: () => countSessions({ ...DEFAULT_PARAMS, q: "احمد" }),
    raw: () => raw.query("SELECT count(*) FROM (SELECT 1 FROM chat_sessions WHERE search_text LIKE '%' || search_normalize($1) || '%' LIMIT $2) s", ["احمد", COUNT_CAP + 1]),
  },
];

// The overview (issue 18, the page at /): each figure's query function, and all of them as the page
// runs them (in parallel on the pool), against hand-written SQL over the same indexes and count
// tables on a pool of the same size. Target: p95 <= 150 ms at 1M sessions.
const rawPool = new pg.Pool({ connectionString: url, max: 4 });
const OVERVIEW_SQL = {
  unread: "SELECT sum(total) FROM unread_totals",
  awaiting: "SELECT (SELECT sum(sessions) FROM vendor_awaiting_counts), (SELECT awaiting_since FROM chat_sessions WHERE awaiting = 'vendor' ORDER BY awaiting_since, id LIMIT 1)",
  vendors: "SELECT a.*, u.name FROM (SELECT * FROM vendor_awaiting_counts WHERE sessions > 0 ORDER BY sessions DESC, vendor_id LIMIT 5) a JOIN users u ON u.id = a.vendor_id",
  perDay: "SELECT day, sum(messages) FROM message_day_counts WHERE day >= current_date - 30 GROUP BY day ORDER BY day",
  firstReply: `SELECT week, (min(seconds) FILTER (WHERE upto > (total - 1) / 2) + min(seconds) FILTER (WHERE upto > total / 2)) / 2.0, max(total)
                 FROM (SELECT week, seconds, sum(sessions) OVER (PARTITION BY week ORDER BY seconds) AS upto, sum(sessions) OVER (PARTITION BY week) AS total
                         FROM first_reply_counts WHERE week >= date_trunc('week', now() - interval '7 weeks')::date) c GROUP BY week`,
  conversion: `WITH cohort AS (SELECT vendor_id, sum(sessions) AS sessions, sum(converted) AS converted FROM conversion_week_counts
                  WHERE week >= date_trunc('week', now() - interval '83 days')::date AND week <= date_trunc('week', now() - interval '21 days')::date GROUP BY vendor_id)
               SELECT (SELECT sum(sessions) FROM cohort), (SELECT sum(converted) FROM cohort), c.*, u.name
                 FROM (SELECT * FROM cohort ORDER BY sessions DESC, vendor_id LIMIT 10) c JOIN users u ON u.id = c.vendor_id`,
};
const rawOverview = (name: keyof typeof OVERVIEW_SQL) => () => rawPool.query(OVERVIEW_SQL[name]);
scenarios.push(
  { name: "overview: unread total", app: () => getUnreadTotal(), raw: rawOverview("unread") },
  { name: "overview: awaiting vendor + longest wait", app: () => overview.loadAwaiting(), raw: rawOverview("awaiting") },
  { name: "overview: vendors most waiting", app: () => overview.loadVendorsMostWaiting(), raw: rawOverview("vendors") },
  { name: "overview: messages per day (30 days)", app: () => overview.loadMessagesPerDay(new Date()), raw: rawOverview("perDay") },
  { name: "overview: median first reply per week", app: () => overview.loadFirstReplyByWeek(new Date()), raw: rawOverview("firstReply") },
  { name: "overview: conversion in 14 days", app: () => overview.loadConversion(new Date()), raw: rawOverview("conversion") },
  { name: "overview: every figure (the page's queries)", app: () => overview.loadOverviewFigures(), raw: () => Promise.all(Object.keys(OVERVIEW_SQL).map((name) => rawOverview(name as keyof typeof OVERVIEW_SQL)())) },
);

// `--only <text>`: just the scenarios whose name contains it (one figure, quicker); `--except
// <text>`: all but those (say, the overview on a database seeded before its count tables).
const { only, except } = flags;
const kept = scenarios.filter((scenario) => (!only || scenario.name.includes(only)) && (!except || !scenario.name.includes(except)));
scenarios.splice(0, scenarios.length, ...kept);
const fmt = (ms: number) => ms.toFixed(1);
const load = () => loadavg().map((value) => value.toFixed(1)).join(" ");
console.log(`\nList at ${Number(sessions).toLocaleString("en")} sessions / ${Number(messages).toLocaleString("en")} messages (${cpus().length} CPUs, load average ${load()})`);

if (parts.has("alone")) {
  // Warm every path once (JIT, Prisma's query plans, the database's cache) before timing any.
  for (const scenario of scenarios) {
    for (let i = 0; i < 3; i += 1) {
      await scenario.app();
      await scenario.raw();
    }
  }
  const results: (string | number)[][] = [["scenario", "app median", "app p95", "raw median", "raw p95", "ratio median", "ratio p95", "p95 <= 150 ms"]];
  const timings: { name: string; app: Timing; raw: Timing }[] = [];
  for (const scenario of scenarios) {
    const app = await measure(scenario.app);
    const floor = await measure(scenario.raw);
    timings.push({ name: scenario.name, app, raw: floor });
    results.push([scenario.name, fmt(app.median), fmt(app.p95), fmt(floor.median), fmt(floor.p95), (app.median / floor.median).toFixed(2), (app.p95 / floor.p95).toFixed(2), app.p95 <= 150 ? "yes" : "NO"]);
  }
  console.log(`\nEach scenario alone (ms, 20 runs each; load average ${load()})\n`);
  console.log(table(results));
  const first = timings[0];
  const deepPage = timings.find((t) => t.name.endsWith("(keyset)"));
  if (first && deepPage) console.log(`\ndeep page / page 1: ${(deepPage.app.median / first.app.median).toFixed(2)}×`);
}

if (parts.has("matrix")) {
  const { pattern: commonArabic } = await one<{ pattern: string }>("SELECT '%' || search_normalize($1) || '%' AS pattern", ["يوسف"]);
  const rarePattern = `%${rare.term}%`;
  const search = (name: string, term: string, pattern: string): MatrixFilter => ({ name, params: { q: term }, where: "search_text LIKE $1", values: [pattern] });
  const filters: MatrixFilter[] = [
    { name: "no filter", params: {}, where: "TRUE", values: [] },
    { name: "FLT-1 customer", params: { customer: busyCustomer.id }, where: "customer_id = $1", values: [busyCustomer.id] },
    { name: "FLT-2 vendor", params: { vendor: busyVendor.id }, where: "vendor_id = $1", values: [busyVendor.id] },
    { name: "FLT-3 product", params: { product: busyProduct.id }, where: "product_id = $1", values: [busyProduct.id] },
    { name: "FLT-4 unread", params: { unread: true }, where: "unread_count > 0", values: [] },
    { name: "FLT-5 recent", params: { recent: true }, where: "last_message_at >= now() - interval '7 days'", values: [] },
    search("'يوسف'", "يوسف", commonArabic),
    search("'watch'", "watch", "%watch%"),
    search(`rare '${rare.term}'`, rare.term, rarePattern),
    { name: "FLT-4 + FLT-5", params: { unread: true, recent: true }, where: "unread_count > 0 AND last_message_at >= now() - interval '7 days'", values: [] },
    { name: "FLT-2 + 'يوسف'", params: { vendor: busyVendor.id, q: "يوسف" }, where: "vendor_id = $1 AND search_text LIKE $2", values: [busyVendor.id, commonArabic] },
    { name: "FLT-5 + 'watch'", params: { recent: true, q: "watch" }, where: "last_message_at >= now() - interval '7 days' AND search_text LIKE $1", values: ["%watch%"] },
  ];
  const { sessionsSource } = await import("../../lib/chat-sessions/list-source");
  const rows = await runMatrix(matrixClients, matrixSource(sessionsSource), SORT_SQL as Record<(typeof SORT_KEYS)[number], string>, filters, (sort, dir, params) => listSessions({ ...DEFAULT_PARAMS, ...params, sort, dir }));
  printMatrix(rows);
  console.log(`(load average ${load()})`);
}

if (parts.has("sections")) {
  const { benchSectionMatrices } = await import("./list-sections");
  console.log(`\nThe other lists' combination matrices (load average ${load()})`);
  await benchSectionMatrices(matrixClients, one, flags.only, console.log);
  console.log(`(load average ${load()})`);
}

if (parts.has("page")) {
  const { benchListPage } = await import("./list-page");
  console.log(`\nThe sessions page through HTTP (one client, Arabic, admin; ms, 20 runs each) and the SQL floor of its loaders' queries (load average ${load()})\n`);
  await benchListPage(
    url,
    [
      { name: "default page", query: "" },
      { name: "FLT-2 vendor", query: `vendor=${busyVendor.id}` },
      { name: "FLT-5 recent", query: "recent=1" },
      { name: "SEARCH-1 latin 'watch'", query: "q=watch" },
      { name: `SEARCH-1 rare '${rare.term}'`, query: `q=${encodeURIComponent(rare.term)}` },
      { name: "sort customer asc", query: "sort=customer&dir=asc" },
    ],
    console.log,
  );
  console.log(`(load average ${load()})`);
}

if (parts.has("export")) {
  // Export: the first 100,000 rows of the whole set, through the app's streaming writers and
  // through the raw floor, each in a fresh process (peak RSS is the kernel's high-water mark).
  const EXPORT_ROWS = 100_000;
  // Transcripts (issue 19): the messages of the first 100,000 sessions (about 1M at the bench's 10 a session).
  function timeExport(format: "csv" | "xlsx", mode: "app" | "raw" | "transcript") {
    const script = fileURLToPath(new URL("./export.ts", import.meta.url));
    const run = spawnSync(process.execPath, ["--import", "tsx", "--conditions=react-server", script, format, String(EXPORT_ROWS), mode, url], { encoding: "utf8" });
    if (run.status !== 0) throw new Error(`export bench failed: ${run.stderr}`);
    const result = JSON.parse(run.stdout.trim().split("\n").at(-1)!) as { rows: number; seconds: number; firstByteMs: number; mb: number; baselineRssMb: number; peakRssMb: number };
    return [`${format} ${mode}`, result.rows, result.seconds.toFixed(2), result.firstByteMs.toFixed(0), result.mb.toFixed(1), result.baselineRssMb.toFixed(0), result.peakRssMb.toFixed(0)];
  }
  console.log(`\nExport of ${EXPORT_ROWS.toLocaleString("en")} rows; transcript: their messages, counted in "rows" (targets: CSV <= 3 s, XLSX <= 6 s, first byte < 1 s, peak RSS <= 250 MB)\n`);
  const exportTable: (string | number)[][] = [["export", "rows", "seconds", "first byte ms", "MB", "RSS at start MB", "peak RSS MB"]];
  for (const format of ["csv", "xlsx"] as const) for (const mode of ["app", "raw", "transcript"] as const) exportTable.push(timeExport(format, mode));
  console.log(table(exportTable));
  console.log(`(load average ${load()})`);
}
await raw.end();
await rawWithoutJit.end();
await rawPool.end();
process.exit(0);
