// The panel scaled out on this machine, for real: N instances of the production server
// (scripts/serve.ts) behind Debian's nginx (SSE unbuffered, long read timeout), their queries
// through Debian's PgBouncer in transaction mode, the bus's LISTEN on a direct connection
// (DATABASE_DIRECT_URL). nginx and pgbouncer are installed with apt-get when missing (as root).
// Used by the scaled-out smoke test and by `npm run bench:load -- --via-proxy`.
import { execFileSync, spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "./embedded-postgres";
import { SERVER_ARGS, serverEnvironment } from "./server-process";

export type Instance = { port: number; url: string; process: ChildProcess; exited: Promise<number | null>; output: () => string };

export type ScaledOut = {
  /** nginx, in front of every instance. */
  url: string;
  instances: Instance[];
  /** Starts instance i again (after it was stopped). */
  restart(index: number): Promise<Instance>;
  /** SIGTERM to instance i; resolves with its exit code. */
  stop(index: number): Promise<number | null>;
  close(): Promise<void>;
};

const SERVICES = { nginx: "/usr/sbin/nginx", pgbouncer: "/usr/sbin/pgbouncer" } as const;

/** Installs Debian's nginx and pgbouncer when missing; returns why they cannot be, or null. */
export function ensureProxyPackages(): string | null {
  const missing = Object.entries(SERVICES).filter(([, binary]) => spawnSync("test", ["-x", binary]).status !== 0).map(([name]) => name);
  if (missing.length === 0) return null;
  if (process.getuid?.() !== 0) return `${missing.join(" and ")} missing, and installing them needs root (apt-get install ${missing.join(" ")})`;
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const install = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...missing], { env, encoding: "utf8" });
  if (install.status !== 0) {
    spawnSync("apt-get", ["update"], { env });
    const retry = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", ...missing], { env, encoding: "utf8" });
    if (retry.status !== 0) return `apt-get install ${missing.join(" ")} failed: ${retry.stderr.slice(-300)}`;
  }
  return null;
}

function waitForOutput(child: ChildProcess, output: () => string, marker: string, what: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const check = () => output().includes(marker) && resolve();
    child.stdout?.on("data", check);
    child.stderr?.on("data", check);
    child.once("exit", (code) => reject(new Error(`${what} exited (${code}) before it was ready:\n${output().slice(-2000)}`)));
  });
}

async function waitForPort(port: number, timeoutMs = 10_000): Promise<void> {
  const { createConnection } = await import("node:net");
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = createConnection({ host: "127.0.0.1", port }, () => (socket.end(), resolve(true)));
      socket.on("error", () => resolve(false));
    });
    if (open) return;
    if (Date.now() > deadline) throw new Error(`nothing listens on port ${port}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A folder the services' unprivileged users (postgres for PgBouncer, www-data for nginx's workers) can use. */
function workFolder(): string {
  const dir = mkdtempSync(join(tmpdir(), "scaled-out-"));
  chmodSync(dir, 0o777);
  return dir;
}

export type PoolMode = "transaction" | "session";

async function startPgBouncer(dir: string, directUrl: URL, poolMode: PoolMode): Promise<{ port: number; process: ChildProcess }> {
  const port = await freePort();
  const folder = join(dir, "pgbouncer");
  mkdirSync(folder);
  const user = decodeURIComponent(directUrl.username || "postgres");
  writeFileSync(join(folder, "userlist.txt"), `"${user}" "${decodeURIComponent(directUrl.password)}"\n`);
  writeFileSync(
    join(folder, "pgbouncer.ini"),
    `[databases]
* = host=${directUrl.hostname} port=${directUrl.port || 5432}

[pgbouncer]
listen_addr = 127.0.0.1
listen_port = ${port}
unix_socket_dir =
auth_type = ${directUrl.password ? "plain" : "trust"}
auth_file = ${join(folder, "userlist.txt")}
pool_mode = ${poolMode}
max_client_conn = 1000
default_pool_size = 20
ignore_startup_parameters = extra_float_digits,options
logfile = ${join(folder, "pgbouncer.log")}
pidfile = ${join(folder, "pgbouncer.pid")}
`,
  );
  if (process.getuid?.() === 0) execFileSync("chown", ["-R", "postgres", folder]);
  // PgBouncer refuses to run as root.
  const command = process.getuid?.() === 0 ? ["runuser", "-u", "postgres", "--", SERVICES.pgbouncer, join(folder, "pgbouncer.ini")] : [SERVICES.pgbouncer, join(folder, "pgbouncer.ini")];
  const child = spawn(command[0]!, command.slice(1), { stdio: "ignore" });
  await waitForPort(port);
  return { port, process: child };
}

async function startNginx(dir: string, ports: number[]): Promise<{ port: number; process: ChildProcess }> {
  const port = await freePort();
  const folder = join(dir, "nginx");
  mkdirSync(folder);
  chmodSync(folder, 0o777);
  const template = readFileSync(join(process.cwd(), "deploy", "nginx.conf.template"), "utf8");
  const config = template
    .replaceAll("{{folder}}", folder)
    .replaceAll("{{listen}}", `127.0.0.1:${port}`)
    .replace("{{upstreams}}", ports.map((p) => `server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join("\n    "));
  writeFileSync(join(folder, "nginx.conf"), config);
  const child = spawn(SERVICES.nginx, ["-c", join(folder, "nginx.conf"), "-p", folder, "-g", "daemon off;"], { stdio: "ignore" });
  await waitForPort(port);
  return { port, process: child };
}

/** The production server (scripts/serve.ts) as one node process on `port`, once it listens. */
export async function startInstance(port: number, env: NodeJS.ProcessEnv): Promise<Instance> {
  const child = spawn(process.execPath, SERVER_ARGS, { env: serverEnvironment({ ...env, PORT: String(port) }) });
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  await waitForOutput(child, () => output, '"msg":"listening"', `instance on port ${port}`);
  return { port, url: `http://127.0.0.1:${port}`, process: child, exited, output: () => output };
}

/**
 * Starts `count` instances against `databaseUrl` (a migrated database; the direct address):
 * PgBouncer in front of it for their queries, nginx in front of them.
 */
export async function startScaledOut(
  databaseUrl: string,
  { count = 3, poolMax = 5, poolMode = "transaction" as PoolMode, env = {} as Record<string, string> } = {},
): Promise<ScaledOut> {
  const dir = workFolder();
  const direct = new URL(databaseUrl);
  const bouncer = await startPgBouncer(dir, direct, poolMode);
  const pooled = new URL(databaseUrl);
  pooled.hostname = "127.0.0.1";
  pooled.port = String(bouncer.port);
  const ports = await Promise.all(Array.from({ length: count }, () => freePort()));
  const proxy = await startNginx(dir, ports);
  const url = `http://127.0.0.1:${proxy.port}`;
  const instanceEnv: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: pooled.toString(),
    DATABASE_DIRECT_URL: direct.toString(),
    DATABASE_POOL_MAX: String(poolMax),
    // nginx, on loopback, is the proxy whose X-Forwarded-For names the client (the sign-in limits' address).
    TRUSTED_PROXIES: "127.0.0.1",
    NEXTAUTH_URL: url,
    NEXTAUTH_SECRET: process.env.NEXTAUTH_SECRET ?? "scaled-out-secret",
    LOG_FORMAT: "json",
    ...env,
  };
  const instances: Instance[] = [];
  try {
    for (const port of ports) instances.push(await startInstance(port, instanceEnv));
  } catch (error) {
    for (const instance of instances) instance.process.kill("SIGKILL");
    proxy.process.kill("SIGTERM");
    bouncer.process.kill("SIGTERM");
    throw error;
  }
  return {
    url,
    instances,
    async restart(index) {
      instances[index] = await startInstance(ports[index]!, instanceEnv);
      return instances[index];
    },
    async stop(index) {
      const instance = instances[index]!;
      if (instance.process.exitCode === null) instance.process.kill("SIGTERM");
      return instance.exited;
    },
    async close() {
      await Promise.all(instances.map(async (instance) => {
        if (instance.process.exitCode === null) instance.process.kill("SIGTERM");
        await instance.exited;
      }));
      for (const service of [proxy, bouncer]) {
        service.process.kill("SIGTERM");
        await new Promise((resolve) => (service.process.exitCode !== null ? resolve(null) : service.process.once("exit", resolve)));
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
