// npm run bench:partitioned-messages -- [--messages 10000000] [--sessions 1000000] [--months 24] [--runs 300]
// Would time-partitioning chat_messages help? A scratch database on the local PostgreSQL (or
// $BENCH_DATABASE_URL's server) gets two copies of the same messages (25-byte bodies, spread evenly
// over --months months and --sessions sessions): `plain`, one table, and `parted`, partitioned by
// month on created_at; both with the conversation index (session_id, created_at, id). Then a
// conversation's newest 50 messages, with no time bound and bounded to the last 30 days, --runs
// times each on random sessions (20 warm-ups first), twice in alternation; median and p95.
// The sessions list reads chat_sessions only, so it is not part of this. The database is dropped after.
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { benchHarness, percentile } from "./harness";
import { table } from "./measure";
import { wholeNumberFlags } from "./options";

const { values } = parseArgs({
  options: {
    messages: { type: "string", default: "10000000" },
    sessions: { type: "string", default: "1000000" },
    months: { type: "string", default: "24" },
    runs: { type: "string", default: "300" },
  },
});
const int = wholeNumberFlags(values);
const MESSAGES = int("messages");
const SESSIONS = int("sessions");
const MONTHS = int("months");
const RUNS = int("runs");
const START = "2025-01-01";

const bench = benchHarness("bench_partition", process.env.BENCH_DATABASE_URL);
const load = () => loadavg().map((n) => n.toFixed(2)).join(" ");

async function timed(client: pg.Client, sql: string): Promise<string> {
  const started = performance.now();
  await client.query(sql);
  return `${((performance.now() - started) / 1000).toFixed(1)} s`;
}

async function main() {
  console.log(`bench:partitioned-messages — ${MESSAGES} messages, ${SESSIONS} sessions, ${MONTHS} monthly partitions, load average ${load()} on ${cpus().length} cores`);
  await bench.withClient((c) => c.query(`CREATE DATABASE "${bench.dbName}"`));
  // Serial plans, set for this connection of its own at its start (no session state set later).
  const client = new pg.Client({ connectionString: bench.url.toString(), options: "-c max_parallel_workers_per_gather=0" });
  await client.connect();
  try {
    await client.query(`CREATE TABLE plain (id bigint PRIMARY KEY, session_id int NOT NULL, sender_id int NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL, read_at timestamptz)`);
    await client.query(`CREATE TABLE parted (id bigint NOT NULL, session_id int NOT NULL, sender_id int NOT NULL, body text NOT NULL, created_at timestamptz NOT NULL, read_at timestamptz) PARTITION BY RANGE (created_at)`);
    for (let month = 0; month < MONTHS; month += 1) {
      await client.query(
        `CREATE TABLE parted_${month} PARTITION OF parted FOR VALUES FROM (timestamptz '${START}' + make_interval(months => ${month})) TO (timestamptz '${START}' + make_interval(months => ${month + 1}))`,
      );
    }
    const steps: [string, string][] = [];
    steps.push([
      "load plain",
      await timed(
        client,
        `INSERT INTO plain SELECT n, 1 + ((n::bigint * 7919) % ${SESSIONS})::int, 1 + n % 1000, 'message body number ' || n,
                timestamptz '${START}' + (n::float8 / ${MESSAGES}) * (timestamptz '${START}' + make_interval(months => ${MONTHS}) - timestamptz '${START}' - interval '1 day'), NULL
           FROM generate_series(1, ${MESSAGES}) n`,
      ),
    ]);
    steps.push(["copy into parted", await timed(client, "INSERT INTO parted SELECT * FROM plain")]);
    steps.push(["index plain", await timed(client, "CREATE INDEX ON plain (session_id, created_at, id)")]);
    steps.push(["index parted", await timed(client, "CREATE INDEX ON parted (session_id, created_at, id)")]);
    await client.query("VACUUM ANALYZE plain");
    await client.query("VACUUM ANALYZE parted");
    const { rows: size } = await client.query<{ size: string }>(`SELECT pg_size_pretty(pg_total_relation_size('plain')) AS size`);
    steps.push(["plain with its indexes", size[0]!.size]);

    const newest = await client.query<{ at: string }>("SELECT max(created_at)::text AS at FROM plain");
    const sessions = Array.from({ length: RUNS }, (_, i) => 1 + ((i * 104729) % SESSIONS));
    const queries = {
      "a conversation, newest 50": (t: string) => `SELECT id, sender_id, body, created_at FROM ${t} WHERE session_id = $1 ORDER BY created_at DESC, id DESC LIMIT 50`,
      "the same, last 30 days only": (t: string) =>
        `SELECT id, sender_id, body, created_at FROM ${t} WHERE session_id = $1 AND created_at >= timestamptz '${newest.rows[0]!.at}' - interval '30 days' ORDER BY created_at DESC, id DESC LIMIT 50`,
    };
    const rows: (string | number)[][] = [["query", "table", "round", "median ms", "p95 ms", "load average"]];
    for (const round of [1, 2]) {
      for (const [name, sql] of Object.entries(queries)) {
        for (const t of ["plain", "parted"]) {
          for (let i = 0; i < 20; i += 1) await client.query(sql(t), [sessions[i]]);
          const samples: number[] = [];
          for (const session of sessions) {
            const started = performance.now();
            await client.query(sql(t), [session]);
            samples.push(performance.now() - started);
          }
          samples.sort((a, b) => a - b);
          rows.push([name, t, round, percentile(samples, 0.5).toFixed(3), percentile(samples, 0.95).toFixed(3), load()]);
        }
      }
    }
    const plan = await client.query<{ "QUERY PLAN": string }>(`EXPLAIN (ANALYZE, BUFFERS, TIMING OFF) ${queries["a conversation, newest 50"]("parted").replace("$1", String(sessions[0]))}`);
    console.log(`\n${table([["step", "time / size"], ...steps])}\n\n${table(rows)}`);
    console.log(`\nparted, no time bound: ${plan.rows.filter((row) => /Buffers|Execution/.test(row["QUERY PLAN"])).slice(0, 1).map((row) => row["QUERY PLAN"].trim()).join("")} (every partition's index is probed)`);
  } finally {
    await client.end();
    await bench.cleanUp();
  }
}

main().catch(async (error) => {
  console.error(error);
  await bench.cleanUp();
  process.exit(1);
});
