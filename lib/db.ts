import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { randomUUID } from "node:crypto";
import pg from "pg";
import { to as copyTo } from "pg-copy-streams";
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
  const pool = newPool(databaseConfig().poolMax);
  metrics().pools.push(pool);
  whenClosing(async () => {
    await existingProcessSingleton<PrismaClient>("prisma")?.$disconnect();
    await pool.end();
  });
  return pool;
}

/** A pool on DATABASE_URL of `max` connections. */
function newPool(max: number, applicationName?: string): pg.Pool {
  const { connectionString, poolIdleMs } = databaseConfig();
  const pool = new pg.Pool({ connectionString, max, idleTimeoutMillis: poolIdleMs, application_name: applicationName });
  // An idle connection the server ends (a restart, an administrator's kill) is an event, not a crash:
  // the pool drops it and opens another on the next query.
  pool.on("error", (error) => logger().warn({ err: error }, "an idle database connection was closed by the server"));
  return pool;
}

/**
 * Two connections of their own for cancelling the list's reads: a cancel that waited for one of
 * the pool's connections could wait behind the very reads it is to stop (every one of them busy
 * with a slow read that lost its race).
 */
function cancelsPool(): pg.Pool {
  return processSingleton("cancels-pool", () => {
    const pool = newPool(2, "cancels");
    whenClosing(() => pool.end());
    return pool;
  });
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
 * A read on a pooled connection of its own that `cancel` stops (PostgreSQL's pg_cancel_backend),
 * for the list page's two ways of reading a page, run side by side (lib/list-engine/plan.ts). It
 * runs without JIT: a backend compiling a plan (hundreds of ms for the users list's unread filter
 * at 200k users, ~480 of its 1,220 ms) does not see a cancel until it has compiled. And without
 * parallel workers: two reads share the machine's cores, and the second is a hedge. The users with
 * unread messages read first (a parallel scan, three processes on 2 cores) slowed the walk beside
 * it, oldest-created first, from 23–25 ms to 100–120 (26–27 ms without workers; bench:list's sections).
 *
 * One round trip: the read-only transaction, JIT's setting and the statement (its values written
 * in) go as one message, which starts with a token of this read's own; a cancel finds the backend
 * running it by that token in pg_stat_activity. Asking for the backend's id first cost a round
 * trip on every page of few matches (0.24 ms, a third of what the best SQL takes there), and
 * behind a transaction-mode pooler (PgBouncer) the id the connection announced is the pooler's.
 * The transaction stays open until the cancel has been sent: until then the backend (behind a
 * pooler too) runs nothing but this read, so the signal cannot reach another user's statement; a
 * cancel that reaches it idle is ignored by PostgreSQL. Then the transaction is rolled back and
 * the connection goes back to the pool; one whose transaction will not end is dropped.
 */
export function cancellableRead<Row extends pg.QueryResultRow>(sql: Prisma.Sql): { rows: Promise<Row[]>; cancel: () => Promise<void> } {
  const token = `/* read ${randomUUID()} */`;
  let sent = false;
  let cancelled = false;
  let cancelling: Promise<unknown> = Promise.resolve();
  const statement = `${token} BEGIN READ ONLY; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0; ${withValuesInline(sql)}`;
  const rows = (async () => {
    const client = await dbPool().connect();
    if (cancelled) {
      client.release();
      return [];
    }
    sent = true;
    try {
      const results = (await client.query(statement)) as unknown as pg.QueryResult<Row>[];
      return results.at(-1)?.rows ?? [];
    } finally {
      // The page has its rows now; ending the transaction need not hold it up (a round trip).
      void endRead(client, cancelling);
    }
  })();
  const cancel = async () => {
    if (!cancelled && sent) cancelling = signalWhileRunning(token, rows);
    cancelled = true;
    await rows.catch(() => undefined);
  };
  return { rows, cancel };
}

/**
 * Sends the cancel to the backend running the statement that starts with `token`, once it shows
 * there as running: a cancel asked for the moment the statement was sent may find the backend not
 * yet started on it, and tries again until it is, or until the read has ended.
 */
export async function signalWhileRunning(token: string, read: Promise<unknown>): Promise<void> {
  let ended = false;
  void read.then(
    () => (ended = true),
    () => (ended = true),
  );
  // The token holds no LIKE wildcard (a UUID's hex and dashes).
  const running = `${token}%`;
  while (!ended) {
    const signalled = await cancelsPool().query("SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE state = 'active' AND query LIKE $1 AND pid <> pg_backend_pid()", [running]);
    if ((signalled.rowCount ?? 0) > 0) return;
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
}

/**
 * A cancellable read's connection back to the pool: once a cancel sent to it has been delivered
 * (it must not reach the next user's query), its read-only transaction ended; one whose
 * transaction will not end is dropped.
 */
async function endRead(client: pg.PoolClient, cancelling: Promise<unknown>): Promise<void> {
  await cancelling.catch(() => undefined);
  // Read only: nothing to commit, and a rollback also ends a cancelled read's transaction.
  const ended = await client.query("ROLLBACK").then(
    () => undefined,
    (error: Error) => error,
  );
  client.release(ended);
}

/**
 * A query's rows `batch` at a time through a cursor, for a download: PostgreSQL plans and runs it
 * once — a search is matched and its matches sorted once, the table read once, as COPY does —
 * and each FETCH hands over the next rows. (Reading the next batch while the caller wrote this one
 * held ~100 MB more of the driver's buffers during a 200k-row workbook, for no time measurably
 * saved.) Batches of a query re-run per batch (keyset seeks, or the matching ids read by id)
 * fetched each row through the index by itself, in the sort's order, all over the table: 4–7×
 * COPY's time for a 100k-row export (bench:export-http). The price: a connection and its
 * transaction are held until the rows are read or the loop is left (the browser went away or
 * finished). The connection is one of its own, not the pool's: a slow download would keep a
 * pooled one for its length, and a transcript reads its messages through the pool while its
 * sessions' cursor is open — as many transcripts as the pool has connections would each hold one
 * and wait for another, for ever, and the whole app with them.
 */
export async function* rowsInBatches<T extends pg.QueryResultRow>(sql: Prisma.Sql, batch: number): AsyncGenerator<T[]> {
  const client = await openExportTransaction();
  try {
    await client.query(`DECLARE rows_in_batches NO SCROLL CURSOR FOR ${sql.text}`, sql.values as unknown[]);
    for (;;) {
      const { rows } = await client.query<T>(`FETCH ${batch} FROM rows_in_batches`);
      if (rows.length > 0) yield rows;
      if (rows.length < batch) return;
    }
  } finally {
    // Ending the connection ends its transaction and cursor (read only: nothing to commit).
    await client.end().catch(() => undefined);
  }
}

/**
 * A query's rows as PostgreSQL's binary COPY writes them, the chunks as they arrive, for a
 * download whose bytes the database writes whole (a list's CSV lines: lib/list-engine/csv-in-sql.ts):
 * the server passes bytes on instead of making a string of each row and encoding it again, and
 * no FETCH waits for the next. At 1M sessions the whole table's lines took 7.8 s through the
 * cursor and 5.5 s through COPY (issue 16). The connection is the export's own, as for
 * `rowsInBatches`; leaving the loop ends it, and the COPY with it.
 */
export async function* copyOut(sql: Prisma.Sql): AsyncGenerator<Buffer> {
  const client = await openExportTransaction();
  try {
    yield* client.query(copyTo(`COPY (${withValuesInline(sql)}) TO STDOUT (FORMAT binary)`));
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** A connection of a download's own, in a read transaction planned for all its rows. */
async function openExportTransaction(): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: databaseConfig().connectionString, application_name: "export" });
  // Lost between two reads (a server restart): the next read fails with it, and so does the download.
  client.on("error", (error) => logger().warn({ err: error }, "an export's database connection was closed"));
  await client.connect();
  try {
    // Planned for all its rows (COPY's plan) rather than for the first tenth, and without JIT,
    // whose compiling of the per-row subqueries cost more than the whole read (seconds).
    await client.query("BEGIN; SET LOCAL cursor_tuple_fraction = 1; SET LOCAL jit = off");
    return client;
  } catch (error) {
    await client.end().catch(() => undefined);
    throw error;
  }
}

/**
 * The statement with its values written in as literals, for COPY, which takes no parameters. A
 * quoted literal is typed by its context as a parameter is (`= ANY('{1,2}'::int[])`, `= '12'`);
 * text is escaped by the driver. Any other kind of value is refused rather than guessed at.
 */
export function withValuesInline(sql: Prisma.Sql): string {
  return sql.text.replace(/\$(\d+)/g, (placeholder, position: string) => {
    const index = Number(position) - 1;
    if (index >= sql.values.length) throw new Error(`${placeholder}: no such value`);
    return sqlLiteral(sql.values[index]);
  });
}

function sqlLiteral(value: unknown): string {
  if (value === null) return "NULL";
  if (typeof value === "string") return pg.escapeLiteral(value);
  if (typeof value === "boolean") return value ? "'true'" : "'false'";
  if (typeof value === "number" && Number.isFinite(value)) return `'${value}'`;
  if (Array.isArray(value) && value.every((item) => Number.isSafeInteger(item))) return `'{${value.join(",")}}'`;
  throw new Error(`a value of type ${typeof value} cannot be written into a statement`);
}

/**
 * Options of a transaction that acts on an "all matching" selection of any size (bulk mark-read,
 * assignment, Undo, deletion): Prisma's default of 5 s ends it mid-way under load; 100,000 messages took
 * ~20 s on the loaded 2-core box (npm run bench:undo).
 */
export const BULK_TRANSACTION = { timeout: 300_000, maxWait: 30_000 } as const;
