import type { IncomingMessage, Server, ServerResponse } from "node:http";
import { closeResources, startDraining } from "../../lib/lifecycle";
import { logger } from "../../lib/observability/logger";

// SIGTERM (SIGINT too): stop accepting connections, tell open event streams to reconnect (they
// end with a `retry:` hint and the client resumes with Last-Event-ID, on another instance), let
// the requests in flight finish — a send, an export being streamed — for up to SHUTDOWN_GRACE_MS
// (25 s by default, under the 30 s most orchestrators wait before SIGKILL), then close what is
// left, the database pool and the bus, and exit 0.

const DEFAULT_GRACE_MS = 25_000;

export function shutdownGraceMs(env: Partial<NodeJS.ProcessEnv> = process.env): number {
  const value = Number(env.SHUTDOWN_GRACE_MS);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_GRACE_MS;
}

/** Counts the requests in flight on `server`; resolves `idle()` when none is left. */
function inFlight(server: Server) {
  let open = 0;
  let draining = false;
  let onIdle: (() => void) | null = null;
  const count = (_request: IncomingMessage, response: ServerResponse) => {
    open += 1;
    // A request that came on a kept-alive connection after SIGTERM is answered, and the connection closed after it.
    if (draining) response.setHeader("connection", "close");
    response.once("close", () => {
      open -= 1;
      if (open === 0) onIdle?.();
    });
  };
  // A request that asks for "100 Continue" comes as checkContinue instead of request (serve.ts answers both).
  server.prependListener("request", count);
  server.prependListener("checkContinue", count);
  return {
    get count() {
      return open;
    },
    drain(): Promise<void> {
      draining = true;
      return open === 0 ? Promise.resolve() : new Promise((resolve) => (onIdle = resolve));
    },
  };
}

export function shutDownGracefully(server: Server, graceMs = shutdownGraceMs()): void {
  const requests = inFlight(server);
  let started = false;
  const shutdown = async (signal: NodeJS.Signals) => {
    if (started) return;
    started = true;
    const log = logger();
    log.info({ signal, inFlight: requests.count, graceMs }, "shutting down");
    server.close();
    server.closeIdleConnections();
    startDraining();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const finished = await Promise.race([
      requests.drain().then(() => true),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs))),
    ]);
    clearTimeout(timer);
    if (!finished) log.warn({ inFlight: requests.count }, "grace period over: closing the requests still open");
    server.closeAllConnections();
    await closeResources((error) => log.error({ err: error }, "not closed cleanly"));
    log.info("stopped");
    log.flush();
    process.exit(0);
  };
  process.on("SIGTERM", () => void shutdown("SIGTERM"));
  process.on("SIGINT", () => void shutdown("SIGINT"));
}
