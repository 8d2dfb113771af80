import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient, type Prisma } from "@/lib/generated/prisma/client";
import { databaseConfig } from "@/lib/db-config";

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
