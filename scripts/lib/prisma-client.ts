import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isFresh, recordStamp, sourceHash } from "./source-hash";

// The client is made from the schema by the Prisma version the lock file pins.
const SOURCES = ["prisma/schema.prisma", "package-lock.json"];
const CLIENT = "lib/generated/prisma/client.ts";
const STAMP = "lib/generated/prisma/.source-hash";

/** The sources' hash, and whether the client in `root` was generated from them as they are now. */
export function prismaClientState(root = "."): { hash: string; fresh: boolean } {
  const hash = sourceHash(root, SOURCES);
  return { hash, fresh: existsSync(join(root, CLIENT)) && isFresh(join(root, STAMP), hash) };
}

/**
 * Generates the Prisma client when it is missing or was generated from other sources (by content).
 * The CLI insists on a schema-engine binary even though `generate` never runs it, and that
 * binary cannot be downloaded here, so any existing file stands in for it.
 */
export function ensurePrismaClient(): void {
  const { hash, fresh } = prismaClientState();
  if (fresh) return;
  const result = spawnSync("npx", ["prisma", "generate"], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath },
  });
  if (result.status !== 0) throw new Error("prisma generate failed");
  recordStamp(STAMP, hash);
}
