// npm run bench:export-http -- --database <url> [--term <search>] — the sessions export through
// HTTP, as the browser downloads it, on an existing seeded database (a COPY of `bench`: the
// export writes audit entries and sign-ins write throttle rows, so never `bench` itself). Needs
// the app built (`npm run build`). For a search (default: the Latin word that matches closest to
// 100,000 sessions) and for every session, CSV and XLSX: seconds to the last byte, first byte,
// MB, and the server's resident memory (at start, peak while downloading, and 10 s after the
// last export). Each next to the floor: PostgreSQL's own `COPY (the same rows in the same order)
// TO STDOUT` through psql.
import { spawnSync } from "node:child_process";
import { request as httpRequest } from "node:http";
import { readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { ensureNextBuild } from "../lib/next-build";
import { ensurePrismaClient } from "../lib/prisma-client";
import { benchHarness } from "./harness";
import { agent, signIn } from "./http-client";
import { table } from "./measure";

const { values } = parseArgs({ options: { database: { type: "string" }, term: { type: "string" } } });
if (!values.database) throw new Error("--database <url of a copy of bench> is required");
const database = values.database;

const COLUMNS = "id, product_name, customer_name, vendor_name, message_count, unread_count, last_message_at, created_at, updated_at";
const ORDER = "last_message_at DESC, id DESC";

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
    const req = httpRequest(`${base}${path}`, { agent, headers: { cookie } }, (res) => {
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
function copyFloor(where: string): number {
  const started = performance.now();
  const run = spawnSync("psql", [database, "-v", "ON_ERROR_STOP=1", "-c", `COPY (SELECT ${COLUMNS} FROM chat_sessions WHERE ${where} ORDER BY ${ORDER}) TO STDOUT (FORMAT csv, HEADER)`], { stdio: ["ignore", "ignore", "pipe"] });
  if (run.status !== 0) throw new Error(`COPY failed: ${run.stderr}`);
  return (performance.now() - started) / 1000;
}

ensurePrismaClient();
ensureNextBuild();
const client = new pg.Client({ connectionString: database });
await client.connect();
// The search: the given term, else the first word of a product name matching closest to 100k sessions.
const term =
  values.term ??
  (
    await client.query<{ word: string }>(
      `SELECT word FROM (SELECT lower(split_part(name, ' ', 1)) AS word FROM products WHERE name ~ '^[A-Za-z]' GROUP BY 1) w
        ORDER BY abs((SELECT count(*) FROM chat_sessions WHERE search_text LIKE '%' || w.word || '%') - 100000) LIMIT 1`,
    )
  ).rows[0]!.word;
const escaped = term.replace(/'/g, "''");
const where = `search_text LIKE '%' || search_normalize('${escaped}') || '%'`;
const matching = (await client.query<{ n: string }>(`SELECT count(*) AS n FROM chat_sessions WHERE ${where}`)).rows[0]!.n;
await client.end();

const bench = benchHarness("bench_export_http", undefined);
const base = await bench.startInstance(10, "serve", { DATABASE_URL: database });
const pid = bench.children[0]!.pid!;
const cookie = await signIn(base, "admin@demo.test");
// The route's first request loads its code: not timed.
for (const format of ["csv", "xlsx"]) await download(base, `/chat-sessions/export?format=${format}&ids=1`, cookie, pid);
const start = memory(pid).rss;
const cases = [
  { name: `search '${term}' (${Number(matching).toLocaleString("en")} rows)`, query: `q=${encodeURIComponent(term)}`, where },
  { name: "every session", query: "", where: "TRUE" },
];
const rows: (string | number)[][] = [["export", "format", "seconds", "first byte ms", "MB", "server peak RSS MB", "COPY floor s", "÷ floor"]];
for (const exportCase of cases) {
  const floor = copyFloor(exportCase.where);
  for (const format of ["csv", "xlsx"] as const) {
    const result = await download(base, `/chat-sessions/export?format=${format}&${exportCase.query}`, cookie, pid);
    rows.push([exportCase.name, format, result.seconds.toFixed(2), result.firstByteMs.toFixed(0), result.mb.toFixed(1), result.peakRssMb.toFixed(0), floor.toFixed(2), (result.seconds / floor).toFixed(1)]);
    console.log(rows.at(-1)!.join("  "));
  }
}
await new Promise((resolve) => setTimeout(resolve, 10_000));
const after = memory(pid);
console.log(`\nSessions export through HTTP (load average ${loadavg().map((n) => n.toFixed(1)).join(" ")})\n`);
console.log(table(rows));
console.log(`\nserver RSS: ${start.toFixed(0)} MB after sign-in and a warm-up, ${after.peak.toFixed(0)} MB at its peak, ${after.rss.toFixed(0)} MB 10 s after the last export`);
agent.destroy();
await bench.cleanUp();
process.exit(0);
