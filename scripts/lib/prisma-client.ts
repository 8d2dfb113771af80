import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";

const SCHEMA = "prisma/schema.prisma";
const CLIENT = "lib/generated/prisma/client.ts";

/**
 * Generates the Prisma client when it is missing or older than the schema.
 * The CLI insists on a schema-engine binary even though `generate` never runs it, and that
 * binary cannot be downloaded here, so any existing file stands in for it.
 */
export function ensurePrismaClient(): void {
  if (existsSync(CLIENT) && statSync(CLIENT).mtimeMs >= statSync(SCHEMA).mtimeMs) return;
  const result = spawnSync("npx", ["prisma", "generate"], {
    stdio: "inherit",
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath },
  });
  if (result.status !== 0) throw new Error("prisma generate failed");
}
