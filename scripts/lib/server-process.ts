// How the production server (scripts/serve.ts) is started: by the launcher (scripts/start.ts), and
// by the benches and tests that measure it, so that they measure what users run.

/**
 * node's arguments: one process, TypeScript through tsx's loader, and `gc()` for the collection
 * after a large export (lib/export/response.ts).
 */
export const SERVER_ARGS = ["--expose-gc", "--import", "tsx", "scripts/serve.ts"];

/**
 * The server's environment. glibc gives each thread that allocates its own memory arena, and
 * returns little of them; compression on libuv's threads (a workbook's zip) and large exports
 * spread freed memory over many. Two arenas (unless the operator chose otherwise): at 1M sessions
 * the sessions exports' peak RSS went 699 → 560 MB and the RSS 10 s after them 694 → 541 MB, for
 * no time lost (npm run bench:export-http, issue 16). jemalloc was measured too and is left to
 * the operator (LD_PRELOAD, README): it gave the memory of a 1M-row export back (RSS 10 s after,
 * 265–270 MB against glibc's 349–365), but the browser tests ran 10–15 % longer on it.
 */
export function serverEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { MALLOC_ARENA_MAX: "2", ...env };
}
