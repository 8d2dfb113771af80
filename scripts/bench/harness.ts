// What the end-to-end benches share: a database of their own on a PostgreSQL server (dropped
// after), built app instances on it, and the CPU their processes use.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";
import pg from "pg";
import { freePort } from "../lib/embedded-postgres";
import { SERVER_ARGS, serverEnvironment } from "../lib/server-process";

export type AppServer = "serve" | "next";

export function benchHarness(name: string, serverUrl: string | undefined) {
  const server = new URL(serverUrl ?? process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres");
  const dbName = `${name}_${process.pid}`;
  const url = new URL(server);
  url.pathname = `/${dbName}`;
  const children: ChildProcess[] = [];

  /** Runs `run` on a fresh connection to `target` (the server's maintenance database by default). */
  async function withClient<T>(run: (client: pg.Client) => Promise<T>, target = server.toString()): Promise<T> {
    const client = new pg.Client({ connectionString: target });
    await client.connect();
    try {
      return await run(client);
    } finally {
      await client.end();
    }
  }

  /** Stops every process started and drops the bench's database. */
  async function cleanUp() {
    for (const child of children) {
      if (!child.pid || child.exitCode !== null) continue;
      try {
        process.kill(-child.pid, "SIGTERM"); // a server and its process group
      } catch {
        child.kill("SIGTERM");
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
    await withClient((c) => c.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)).catch(() => {});
  }
  process.on("SIGINT", () => void cleanUp().then(() => process.exit(130)));

  /**
   * The built app on a free loopback port, on the bench's database, served as `npm start` serves it
   * (scripts/serve.ts) or by plain `next start`; resolves with its URL once it answers.
   */
  async function startInstance(pool: number, server: AppServer = "serve", env: Record<string, string> = {}): Promise<string> {
    const { base, child } = await startAppServer({ databaseUrl: url.toString(), pool, server, env });
    children.push(child);
    return base;
  }

  return { server, url, dbName, children, withClient, cleanUp, startInstance };
}

/**
 * A built app (the checkout in `cwd`, run by `node`) on a free loopback port and `databaseUrl`,
 * served as `npm start` serves it (scripts/serve.ts) or by plain `next start`, in a process group
 * of its own; resolves once it answers. BENCH_SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof"
 * profiles it.
 */
export async function startAppServer({
  databaseUrl,
  pool,
  server = "serve",
  cwd = process.cwd(),
  node = process.execPath,
  env = {},
}: { databaseUrl: string; pool: number; server?: AppServer; cwd?: string; node?: string; env?: Record<string, string> }): Promise<{ base: string; child: ChildProcess }> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const nodeArgs = process.env.BENCH_SERVER_NODE_ARGS ? process.env.BENCH_SERVER_NODE_ARGS.split(" ") : [];
  const command = server === "serve" ? SERVER_ARGS : ["./node_modules/next/dist/bin/next", "start", "-p", String(port), "-H", "127.0.0.1"];
  const child = spawn(node, [...nodeArgs, ...command], {
    cwd,
    detached: true,
    stdio: ["ignore", "ignore", "inherit"],
    env: serverEnvironment({ ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, DATABASE_POOL_MAX: String(pool), NEXTAUTH_URL: base, NEXTAUTH_SECRET: "bench-secret", NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", SEND_RATE_LIMIT: process.env.SEND_RATE_LIMIT ?? "1000000000", ...env }),
  });
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${base}/api/v1/config`)).ok) return { base, child };
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  child.kill("SIGTERM");
  throw new Error(`the app in ${cwd} did not start`);
}

/** CPU ticks (user + system, 1/100 s) used so far by each of these processes and their descendants (Linux /proc). */
export function cpuTicks(rootPids: number[]): Map<number, number> {
  const stats = new Map<number, { ppid: number; ticks: number }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = readFileSync(`/proc/${entry}/stat`, "utf8").replace(/^.*\) /, "").split(" ");
      stats.set(Number(entry), { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) });
    } catch {
      // gone
    }
  }
  const wanted = new Set(rootPids.filter((pid) => stats.has(pid)));
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, { ppid }] of stats) if (!wanted.has(pid) && wanted.has(ppid)) (wanted.add(pid), (grew = true));
  }
  return new Map([...wanted].map((pid) => [pid, stats.get(pid)!.ticks]));
}

export const percentile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] ?? NaN;
