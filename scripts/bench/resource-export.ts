// npm run bench:resource-export -- [--rows 200000]
// The audit log's export (the largest resource list: every action adds to it) read end to end
// on a fresh database of --rows entries, two ways, in the same run: the export route's row source
// (the list engine's rowsInOrder: one statement in the list's order through a cursor, 2,000 rows
// a FETCH) and the raw-SQL floor (the same order and join in one query on a bare pg connection). Prints
// time, rows/s and the ratio to the floor. The database is dropped after. (OFFSET pages, which
// the exports used before keyset, took 28–33× the floor at 200,000 entries: README, Benchmarks.)
// Quoted by lib/db.ts (queryRows): Prisma's result mapping added ~0.2 ms a query and ~100 MB of
// memory per 100,000 rows over the same reads through the driver; on 29 Nov 2026 the keyset
// export through Prisma's $queryRaw took 1.21 s (7.9× the floor), through the pool 0.20 s.
import { loadavg, cpus } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "../db/schema-engine";
import { ensurePrismaClient } from "../lib/prisma-client";
import { benchHarness } from "./harness";
import { table } from "./measure";
import { wholeNumberFlags } from "./options";

const { values } = parseArgs({ options: { rows: { type: "string", default: "200000" } } });
const ROWS = wholeNumberFlags(values)("rows");

const bench = benchHarness("bench_resource_export", process.env.BENCH_DATABASE_URL);

async function main() {
  ensurePrismaClient();
  console.log(`bench:resource-export — ${ROWS} audit entries, load average ${loadavg().map((n) => n.toFixed(2)).join(" ")} on ${cpus().length} cores`);
  await bench.withClient((c) => c.query(`CREATE DATABASE "${bench.dbName}"`));
  await applyMigrations(bench.url.toString());
  await bench.withClient(async (c) => {
    await c.query(`INSERT INTO users (name, email, role, updated_at) VALUES ('Auditor', 'auditor@bench.test', 'admin', now())`);
    // Entries a second apart, with every hundredth sharing its neighbour's time (ties the id breaks).
    await c.query(
      `INSERT INTO audit_log (actor_id, action, target_type, target_id, details, created_at)
       SELECT 1, 'users.update', 'user', n::text, jsonb_build_object('n', n), timestamptz '2026-01-01' + ((n - n % 100 / 99) * interval '1 second')
         FROM generate_series(1, $1) AS n`,
      [ROWS],
    );
    await c.query("ANALYZE audit_log");
  }, bench.url.toString());

  process.env.DATABASE_URL = bench.url.toString();
  process.env.DATABASE_POOL_MAX = "2";
  const { auditList } = await import("../../lib/audit-log/list");
  const { auditSource } = await import("../../lib/audit-log/list-source");
  const { rowsInOrder } = await import("../../lib/list-engine/keyset");
  const { noFilters } = await import("../../lib/list-engine/url-state");
  const { db, dbPool } = await import("../../lib/db");

  const timed = async (walk: () => Promise<number>) => {
    const started = performance.now();
    const rows = await walk();
    return { rows, seconds: (performance.now() - started) / 1000 };
  };
  // The export route's own reading: the list engine's cursor in the list's order.
  const exported = await timed(async () => {
    let count = 0;
    for await (const batch of rowsInOrder(auditSource, { filters: noFilters(auditList) }, { sort: "time", dir: "desc" })) count += batch.length;
    return count;
  });
  const raw = new pg.Client({ connectionString: bench.url.toString() });
  await raw.connect();
  const floor = await timed(async () => {
    const { rows } = await raw.query(
      `SELECT a.id, a.action, u.name AS "actorName", a.target_type AS "targetType", a.target_id AS "targetId", a.details, a.created_at AS "createdAt"
         FROM audit_log a LEFT JOIN users u ON u.id = a.actor_id ORDER BY a.created_at DESC, a.id DESC`,
    );
    return rows.length;
  });
  await raw.end();
  await db.$disconnect();
  await dbPool().end();

  const line = (name: string, run: { rows: number; seconds: number }) => [name, run.rows, run.seconds.toFixed(2), Math.round(run.rows / run.seconds), `${(run.seconds / floor.seconds).toFixed(1)}×`];
  console.log(
    "\n" +
      table([
        ["read", "rows", "seconds", "rows/s", "÷ floor"],
        line("the export's cursor (rowsInOrder)", exported),
        line("raw SQL, one query (floor)", floor),
      ]),
  );
  const complete = exported.rows === ROWS && floor.rows === ROWS;
  if (!complete) console.log(`Row counts differ from ${ROWS}: export ${exported.rows}, floor ${floor.rows}`);
  await bench.cleanUp();
  process.exit(complete ? 0 : 1);
}

main().catch(async (error) => {
  console.error(error);
  await bench.cleanUp();
  process.exit(1);
});
