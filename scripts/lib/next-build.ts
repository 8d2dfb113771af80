import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { isFresh, recordStamp, sourceHash } from "./source-hash";

const SOURCES = ["app", "components", "lib", "public", "next.config.ts", "tailwind.config.ts", "package-lock.json", "prisma/schema.prisma"];
// Generated from prisma/schema.prisma and the lock file, both already in SOURCES.
const DERIVED = ["lib/generated"];
const STAMP = ".next/source-hash";

/** The sources' hash, and whether the build in `root`/.next was made from them as they are now. */
export function nextBuildState(root = "."): { hash: string; fresh: boolean } {
  const hash = sourceHash(root, SOURCES, DERIVED);
  return { hash, fresh: existsSync(join(root, ".next/BUILD_ID")) && isFresh(join(root, STAMP), hash) };
}

/** Runs `next build` unless the build there was made from these very sources (by content). */
export function ensureNextBuild(): void {
  const { hash, fresh } = nextBuildState();
  if (fresh) return;
  console.log("Building the app (next build)…");
  const result = spawnSync("./node_modules/.bin/next", ["build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (result.status !== 0) throw new Error("next build failed");
  recordStamp(STAMP, hash);
}
