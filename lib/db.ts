import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseConfig } from "@/lib/db-config";

// One client per server process (dev reloads modules, so keep it on globalThis), created on
// first use rather than at import, so that `next build` needs no database.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

function client(): PrismaClient {
  if (!globalForPrisma.prisma) {
    const { connectionString, poolMax } = databaseConfig();
    globalForPrisma.prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString, max: poolMax }) });
  }
  return globalForPrisma.prisma;
}

export const db = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const instance = client();
    const value: unknown = Reflect.get(instance, property, instance);
    return typeof value === "function" ? value.bind(instance) : value;
  },
});
