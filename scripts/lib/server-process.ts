// How the production server (scripts/serve.ts) is started: by the launcher (scripts/start.ts), and
// by the benches and tests that measure it, so that they measure what users run.
import { existsSync } from "node:fs";

/**
 * node's arguments: one process, TypeScript through tsx's loader, and `gc()` for the collection
 * after a large export (lib/export/response.ts).
 */
export const SERVER_ARGS = ["--expose-gc", "--import", "tsx", "scripts/serve.ts"];

/** Debian's jemalloc (package libjemalloc2), where this machine's architecture keeps it. */
export const JEMALLOC = `/usr/lib/${process.arch === "arm64" ? "aarch64" : "x86_64"}-linux-gnu/libjemalloc.so.2`;

/**
 * The server's environment: its allocator. glibc gives each thread that allocates its own memory
 * arena and returns little of them; compression on libuv's threads (a workbook's zip) and large
 * exports spread freed memory over many. jemalloc, where installed, hands freed pages back to the
 * system within a second or so (a background thread purges them): after a 1M-session workbook
 * the server's RSS went back to 270 MB where glibc kept it at 349 (started at 317 and 304: npm run
 * bench:export-http, issue 16). Without it, two glibc arenas (peak 699 → 560 MB, after 694 →
 * 541 MB, against glibc's default). An operator's own LD_PRELOAD, MALLOC_CONF or
 * MALLOC_ARENA_MAX wins (LD_PRELOAD= turns jemalloc off).
 */
export function serverEnvironment(env: NodeJS.ProcessEnv, jemalloc = JEMALLOC): NodeJS.ProcessEnv {
  const allocator = env.LD_PRELOAD === undefined && existsSync(jemalloc) ? { LD_PRELOAD: jemalloc, MALLOC_CONF: "background_thread:true,dirty_decay_ms:1000,muzzy_decay_ms:0" } : {};
  return { MALLOC_ARENA_MAX: "2", ...allocator, ...env };
}
