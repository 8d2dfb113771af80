import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { databaseConfig } from "@/lib/db-config";
import { whenClosing } from "@/lib/lifecycle";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";
import { existingProcessSingleton, processSingleton } from "@/lib/process-singleton";

// One pool and one client per server process (lib/process-singleton.ts), created on first use
// rather than at import, so that `next build` needs no database.

/**
 * The process's connections: Prisma and the few plain-driver readers share them. No correctness
 * may depend on session state surviving on one of them (README, "The pooled-connection rule").
 */
export function dbPool(): pg.Pool {
  return processSingleton("pool", openPool);
}

function openPool(): pg.Pool {
  const { connectionString, poolMax, poolIdleMs } = databaseConfig();
  const pool = new pg.Pool({ connectionString, max: poolMax, idleTimeoutMillis: poolIdleMs });
  metrics().pools.push(pool);
  // An idle connection the server ends (a restart, an administrator's kill) is an event, not a crash:
  // the pool drops it and opens another on the next query.
  pool.on("error", (error) => logger().warn({ err: error }, "an idle database connection was closed by the server"));
  whenClosing(async () => {
    await existingProcessSingleton<PrismaClient>("prisma")?.$disconnect();
    await pool.end();
  });
  return pool;
}

const openClient = () => new PrismaClient({ adapter: new PrismaPg(dbPool()) });

function client(): PrismaClient {
  return processSingleton("prisma", openClient);
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});

/**
 * A read straight through the driver, for the hot and bulk reads (the list page, the badge, the
 * export): Prisma's result mapping costs time per query and memory per row (figures:
 * scripts/bench/resource-export.ts).
 */
export async function queryRows<T extends pg.QueryResultRow>(sql: Prisma.Sql): Promise<T[]> {
  return (await dbPool().query<T>(sql.text, sql.values as unknown[])).rows;
}

/**
 * A query's rows `batch` at a time through a cursor, for a download: PostgreSQL plans and runs it
 * once — a search is matched and its matches sorted once, the table read once, as COPY does —
 * and each FETCH hands over the next rows, the following batch being read while the caller writes
 * this one. Batches of a query re-run per batch (keyset seeks, or the matching ids read by id)
 * fetched each row through the index by itself, in the sort's order, all over the table: 4–7×
 * COPY's time for a 100k-row export (bench:export-http). The price: a pooled connection and its
 * transaction are held until the rows are read or the loop is left (the browser went away or
 * finished), so a slow download keeps one connection for its length.
 */
export async function* rowsInBatches<T extends pg.QueryResultRow>(sql: Prisma.Sql, batch: number): AsyncGenerator<T[]> {
  const client = await dbPool().connect();
  let reading: Promise<pg.QueryResult<T>> | null = null;
  let failed: Error | undefined;
  try {
    // Planned for all its rows (COPY's plan) rather than for the first tenth, and without JIT,
    // whose compiling of the per-row subqueries cost more than the whole read (seconds).
    await client.query("BEGIN; SET LOCAL cursor_tuple_fraction = 1; SET LOCAL jit = off");
    await client.query(`DECLARE rows_in_batches NO SCROLL CURSOR FOR ${sql.text}`, sql.values as unknown[]);
    const next = () => {
      const fetched = client.query<T>(`FETCH ${batch} FROM rows_in_batches`);
      // Read ahead: if the caller stops before taking it, its failure is nobody's (awaited below).
      fetched.catch(() => undefined);
      return fetched;
    };
    reading = next();
    while (reading) {
      const { rows }: pg.QueryResult<T> = await reading;
      reading = rows.length === batch ? next() : null;
      if (rows.length > 0) yield rows;
    }
  } catch (error) {
    failed = error instanceof Error ? error : new Error(String(error));
    throw error;
  } finally {
    await reading?.catch(() => undefined);
    if (!failed) await client.query("COMMIT").catch((error: unknown) => (failed = error instanceof Error ? error : new Error(String(error))));
    // A connection that failed mid-transaction is closed rather than handed to the next user.
    client.release(failed);
  }
}

/**
 * Options of a transaction that acts on an "all matching" selection of any size (bulk mark-read,
 * assignment, Undo, deletion): Prisma's default of 5 s ends it mid-way under load; 100,000 messages took
 * ~20 s on the loaded 2-core box (npm run bench:undo).
 */
export const BULK_TRANSACTION = { timeout: 300_000, maxWait: 30_000 } as const;
