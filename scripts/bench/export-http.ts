// npm run bench:export-http -- --database <url> [--term <search>] [--only sessions|transcripts] —
// the sessions export and the transcript export (issue 19: the sessions' messages) through HTTP,
// as the browser downloads them, on an existing seeded database (a COPY of `bench`: the export
// writes audit entries and sign-ins write throttle rows, so never `bench` itself). Needs the app
// built (`npm run build`). Sessions: for a search (default: the Latin word that matches closest to
// 100,000 sessions) and for every session. Transcripts: for the search whose sessions hold closest
// to 100,000 messages, and the one closest to 1,000,000. CSV and XLSX each: seconds to the last
// byte, first byte, MB, and the server's resident memory (peak while downloading; at start and
// 10 s after each kind's last export). Each next to the floor: PostgreSQL's own `COPY (the same
// rows in the same order) TO STDOUT` through psql.
import { spawnSync } from "node:child_process";
import { request as httpRequest } from "node:http";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureNextBuild } from "../lib/next-build";
import { ensurePrismaClient } from "../lib/prisma-client";
import { benchHarness } from "./harness";
import { agent, httpCall, signIn } from "./http-client";
import { table } from "./measure";

const { values } = parseArgs({ options: { database: { type: "string" }, term: { type: "string" }, only: { type: "string" } } });
if (!values.database) throw new Error("--database <url of a copy of bench> is required");
if (values.only && values.only !== "sessions" && values.only !== "transcripts") throw new Error("--only sessions|transcripts");
const database = values.database;
const METRICS_TOKEN = "bench-metrics";

const COLUMNS = "id, product_name, customer_name, vendor_name, message_count, unread_count, last_message_at, created_at, updated_at";
const ORDER = "last_message_at DESC, id DESC";
// The transcript's rows as lib/chat-sessions/transcript.ts reads them: the sessions in the list's
// order, each conversation's messages and staff notes oldest first.
const transcriptSql = (where: string) => `
  SELECT s.id, s.product_name, s.customer_name, s.vendor_name, coalesce(u.name, ''),
         CASE WHEN e.note = 1 THEN 'note' WHEN e.author_id = s.customer_id THEN 'customer' WHEN e.author_id = s.vendor_id THEN 'vendor' ELSE 'other' END,
         e.created_at, e.read_at, r.name, e.body
    FROM chat_sessions s
    CROSS JOIN LATERAL (
      SELECT m.id, 0 AS note, m.sender_id AS author_id, m.created_at, m.read_at, m.read_by_staff_id, m.body FROM chat_messages m WHERE m.session_id = s.id
      UNION ALL
      SELECT n.id, 1, n.author_id, n.created_at, NULL, NULL, n.body FROM session_notes n WHERE n.session_id = s.id
    ) e
    LEFT JOIN users u ON u.id = e.author_id
    LEFT JOIN users r ON r.id = e.read_by_staff_id
   WHERE ${where}
   ORDER BY s.last_message_at DESC, s.id DESC, e.created_at, e.note, e.id`;

/** Where the server's memory is, from its /metrics (prom-client's process metrics), in MB. */
async function memoryParts(base: string): Promise<string> {
  const text = (await httpCall(base, "GET", "/metrics", { authorization: `Bearer ${METRICS_TOKEN}` })).text;
  const mb = (name: string) => (Number(text.split("\n").find((line) => line.startsWith(`${name} `))?.split(" ")[1]) / 1e6).toFixed(0);
  return `V8 heap ${mb("nodejs_heap_size_used_bytes")} used of ${mb("nodejs_heap_size_total_bytes")}, outside it ${mb("nodejs_external_memory_bytes")}`;
}

/** The server's resident memory now and its high-water mark, in MB (Linux /proc). */
function memory(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`${field}:\\s+(\\d+) kB`).exec(status)?.[1] ?? 0) / 1024;
  return { rss: kb("VmRSS"), peak: kb("VmHWM") };
}

/** One download, read to its end: seconds, first byte, MB and the server's peak RSS while it ran. */
function download(base: string, path: string, cookie: string, pid: number): Promise<{ seconds: number; firstByteMs: number; mb: number; peakRssMb: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    let firstByteMs = 0;
    let bytes = 0;
    let peakRssMb = memory(pid).rss;
    const sampler = setInterval(() => (peakRssMb = Math.max(peakRssMb, memory(pid).rss)), 50);
    // A connection of its own: a kept-alive one may have been closed by the server during a long COPY floor.
    const req = httpRequest(`${base}${path}`, { agent: false, headers: { cookie } }, (res) => {
      if (res.statusCode !== 200) reject(new Error(`${path}: HTTP ${res.statusCode}`));
      res.on("data", (chunk: Buffer) => {
        if (!firstByteMs) firstByteMs = performance.now() - started;
        bytes += chunk.length;
      });
      res.on("end", () => {
        clearInterval(sampler);
        resolve({ seconds: (performance.now() - started) / 1000, firstByteMs, mb: bytes / 1e6, peakRssMb: Math.max(peakRssMb, memory(pid).rss) });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

/** PostgreSQL's floor: COPY of the same rows in the same order, to nowhere (psql's output discarded). */
function copyFloor(select: string): number {
  const started = performance.now();
  const run = spawnSync("psql", [database, "-v", "ON_ERROR_STOP=1", "-c", `COPY (${select}) TO STDOUT (FORMAT csv, HEADER)`], { stdio: ["ignore", "ignore", "pipe"] });
  if (run.status !== 0) throw new Error(`COPY failed: ${run.stderr}`);
  return (performance.now() - started) / 1000;
}

ensurePrismaClient();
ensureNextBuild();
const client = new pg.Client({ connectionString: database });
await client.connect();
const searchWhere = (term: string) => `search_text LIKE '%' || search_normalize('${term.replace(/'/g, "''")}') || '%'`;
// Per first word of a Latin product name: the sessions whose search text has it, and their messages (one pass).
const words = (
  await client.query<{ word: string; sessions: string; messages: string }>(
    `WITH w AS (SELECT DISTINCT lower(split_part(name, ' ', 1)) AS word FROM products WHERE name ~ '^[A-Za-z]')
     SELECT w.word, count(*) AS sessions, sum(s.message_count) AS messages FROM chat_sessions s JOIN w ON s.search_text LIKE '%' || w.word || '%' GROUP BY w.word`,
  )
).rows.map((row) => ({ word: row.word, sessions: Number(row.sessions), messages: Number(row.messages) }));
const everything = (
  await client.query<{ sessions: string; messages: string }>(`SELECT (SELECT count(*) FROM chat_sessions) AS sessions, (SELECT count(*) FROM chat_messages) AS messages`)
).rows.map((row) => ({ sessions: Number(row.sessions), messages: Number(row.messages) }))[0]!;
// A --term that is no product's first word (e.g. 'li') is counted by itself.
const termSessions = values.term ? Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM chat_sessions WHERE ${searchWhere(values.term)}`)).rows[0]!.n) : null;
await client.end();
const closest = (size: number, of: "sessions" | "messages") => words.reduce((best, word) => (Math.abs(word[of] - size) < Math.abs(best[of] - size) ? word : best));
const sessionsTerm = values.term ?? closest(100_000, "sessions").word;
const matching = termSessions ?? words.find((word) => word.word === sessionsTerm)?.sessions ?? "?";
const count = (n: number | string) => n.toLocaleString("en");

type ExportCase = { name: string; route: string; query: string; floor: string };
type ExportKind = { kind: "sessions" | "transcripts"; cases: ExportCase[] };
const kinds = ([
  {
    kind: "sessions",
    cases: [
      { name: `search '${sessionsTerm}' (${count(matching)} rows)`, route: "/chat-sessions/export", query: `q=${encodeURIComponent(sessionsTerm)}`, floor: `SELECT ${COLUMNS} FROM chat_sessions WHERE ${searchWhere(sessionsTerm)} ORDER BY ${ORDER}` },
      { name: "every session", route: "/chat-sessions/export", query: "", floor: `SELECT ${COLUMNS} FROM chat_sessions ORDER BY ${ORDER}` },
    ],
  },
  {
    kind: "transcripts",
    cases: [100_000, 1_000_000].map((size) => {
      const { word, sessions, messages } = closest(size, "messages");
      // On a smaller database every session may come nearer the size than any search.
      if (Math.abs(everything.messages - size) < Math.abs(messages - size)) {
        return { name: `transcript, every session (${count(everything.sessions)} sessions, ${count(everything.messages)} messages)`, route: "/chat-sessions/transcript", query: "", floor: transcriptSql("TRUE") };
      }
      return { name: `transcript, search '${word}' (${count(sessions)} sessions, ${count(messages)} messages)`, route: "/chat-sessions/transcript", query: `q=${encodeURIComponent(word)}`, floor: transcriptSql(searchWhere(word)) };
    }),
  },
] satisfies ExportKind[]).filter(({ kind }) => !values.only || values.only === kind);

const bench = benchHarness("bench_export_http", undefined);
// A failed download must not leave the server running (it is detached, in a group of its own).
try {
  const base = await bench.startInstance(10, "serve", { DATABASE_URL: database, METRICS_TOKEN });
  const pid = bench.children[0]!.pid!;
  const cookie = await signIn(base, "admin@demo.test");
  // Each route's first request loads its code: not timed.
  for (const { cases } of kinds) for (const format of ["csv", "xlsx"]) await download(base, `${cases[0]!.route}?format=${format}&ids=1`, cookie, pid);
  const rows: (string | number)[][] = [["export", "format", "seconds", "first byte ms", "MB", "server peak RSS MB", "COPY floor s", "÷ floor"]];
  const memoryLines: string[] = [];
  for (const { kind, cases } of kinds) {
    const start = memory(pid).rss;
    const startParts = await memoryParts(base);
    let peak = start;
    for (const exportCase of cases) {
      const floor = copyFloor(exportCase.floor);
      for (const format of ["csv", "xlsx"] as const) {
        const result = await download(base, `${exportCase.route}?format=${format}&${exportCase.query}`, cookie, pid);
        peak = Math.max(peak, result.peakRssMb);
        rows.push([exportCase.name, format, result.seconds.toFixed(2), result.firstByteMs.toFixed(0), result.mb.toFixed(1), result.peakRssMb.toFixed(0), floor.toFixed(2), (result.seconds / floor).toFixed(1)]);
        console.log(rows.at(-1)!.join("  "));
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 10_000));
    memoryLines.push(
      `${kind}: server RSS ${start.toFixed(0)} MB before (${startParts}), ${peak.toFixed(0)} MB at its peak, ${memory(pid).rss.toFixed(0)} MB 10 s after the last export (${await memoryParts(base)})`,
    );
  }
  console.log(`\nExports through HTTP (load average ${loadavg().map((n) => n.toFixed(1)).join(" ")})\n`);
  console.log(table(rows));
  console.log(`\n${memoryLines.join("\n")}`);
} finally {
  agent.destroy();
  await bench.cleanUp();
}
process.exit(0);
