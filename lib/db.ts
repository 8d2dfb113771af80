import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { databaseConfig } from "@/lib/db-config";
import { whenClosing } from "@/lib/lifecycle";
import { logger } from "@/lib/observability/logger";
import { metrics } from "@/lib/observability/metrics";

// One pool and one client per server process (dev reloads modules, so they live on globalThis),
// created on first use rather than at import, so that `next build` needs no database.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; pool?: pg.Pool };

/**
 * The process's connections: Prisma and the few plain-driver readers share them. No correctness
 * may depend on session state surviving on one of them (README, "The pooled-connection rule").
 */
export function dbPool(): pg.Pool {
  if (!globalForDb.pool) {
    const { connectionString, poolMax, poolIdleMs } = databaseConfig();
    globalForDb.pool = new pg.Pool({ connectionString, max: poolMax, idleTimeoutMillis: poolIdleMs });
    metrics().pools.push(globalForDb.pool);
    const pool = globalForDb.pool;
    // An idle connection the server ends (a restart, an administrator's kill) is an event, not a crash:
    // the pool drops it and opens another on the next query.
    pool.on("error", (error) => logger().warn({ err: error }, "an idle database connection was closed by the server"));
    whenClosing(async () => {
      await globalForDb.prisma?.$disconnect();
      await pool.end();
    });
  }
  return globalForDb.pool;
}

function client(): PrismaClient {
  globalForDb.prisma ??= new PrismaClient({ adapter: new PrismaPg(dbPool()) });
  return globalForDb.prisma;
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
 * export): Prisma's result mapping adds ~0.2 ms a query and ~100 MB of memory per 100,000 rows.
 */
export async function queryRows<T extends pg.QueryResultRow>(sql: Prisma.Sql): Promise<T[]> {
  return (await dbPool().query<T>(sql.text, sql.values as unknown[])).rows;
}

/**
 * Options of a transaction that acts on an "all matching" selection of any size (bulk mark-read,
 * assignment, Undo): Prisma's default of 5 s ends it mid-way under load; 100,000 messages took
 * ~20 s on the loaded 2-core box (npm run bench:undo).
 */
export const BULK_TRANSACTION = { timeout: 300_000, maxWait: 30_000 } as const;
