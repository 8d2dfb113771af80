import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** The NATS the tests share (`.ci/run` makes sure it answers). */
export const NATS_URL = process.env.NATS_URL ?? "nats://127.0.0.1:4222";

export function answers(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host }, () => (socket.destroy(), resolve(true)));
    socket.on("error", () => resolve(false));
  });
}

/** Fails with what to do when the shared NATS does not answer (rather than a test timing out). */
export async function requireNats(): Promise<void> {
  const { hostname, port } = new URL(NATS_URL.replace(/^nats:/, "http:"));
  if (!(await answers(Number(port || 4222), hostname))) {
    throw new Error(`NATS does not answer at ${NATS_URL}: start it with \`nats-server -js\` (.ci/run does), or set NATS_URL`);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on("error", reject);
  });
}

async function until(check: () => Promise<boolean>, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export type OwnNatsServer = { url: string; stop: () => Promise<void>; start: () => Promise<void>; remove: () => Promise<void> };

/**
 * A NATS server with JetStream of the test's own, on a free port, that the test stops and starts
 * again (an outage), on the same port and store.
 */
export async function startOwnNatsServer(): Promise<OwnNatsServer> {
  const port = await freePort();
  const store = mkdtempSync(join(tmpdir(), "nats-test-"));
  let child: ChildProcess | null = null;
  const start = async () => {
    child = spawn(process.env.NATS_SERVER ?? "nats-server", ["-js", "-a", "127.0.0.1", "-p", String(port), "-sd", store], { stdio: "ignore" });
    child.on("error", () => {});
    await until(() => answers(port), `nats-server on port ${port} (is it installed? apt-get install nats-server, or set NATS_SERVER)`);
  };
  const stop = async () => {
    const running = child;
    child = null;
    if (!running || running.exitCode !== null) return;
    const exited = new Promise((resolve) => running.once("exit", resolve));
    running.kill("SIGKILL");
    await exited;
  };
  await start();
  return {
    url: `nats://127.0.0.1:${port}`,
    start,
    stop,
    remove: async () => {
      await stop();
      rmSync(store, { recursive: true, force: true });
    },
  };
}
