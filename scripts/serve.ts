// The production server: Next's request handler on a plain Node HTTP server (what `next start`
// does), plus one thing `next start` cannot do: a page may ask for its response's status, e.g.
// 503 while the database is unreachable (lib/http/response-status.ts). Run by scripts/start.ts.
// And a second one: every response gets a Content-Security-Policy whose script-src is a fresh
// nonce instead of 'unsafe-inline' (lib/http/content-security-policy.ts; Next reads the nonce
// from the request's header, as it would from a root proxy.ts). And a server action posted from
// another origin is refused with a 403 before Next, which would refuse it with a 500. And the
// mobile app's hottest API routes are answered without Next's router (lib/http/hot-api-routes.ts).
// And before anything else: forwarded headers are believed only from a trusted proxy
// (lib/http/forwarded.ts), and bodies over their route's limit get a 413 (lib/http/body-limit.ts).
// And what operating it needs: a request id and a log line per request (lib/http/request-log.ts),
// GET /metrics (lib/http/metrics-endpoint.ts), and a graceful shutdown (scripts/lib/graceful-shutdown.ts).
import { AsyncLocalStorage } from "node:async_hooks";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { join } from "node:path";
import { declaresBodyWithinLimit, whenBodyWithinLimit } from "../lib/http/body-limit";
import { withClientAddress } from "../lib/http/client-address";
import { contentSecurityPolicy } from "../lib/http/content-security-policy";
import { believeForwardedHeaders, trustedProxiesFrom } from "../lib/http/forwarded";
import { answeredByMetrics, recordRequestMetrics } from "../lib/http/metrics-endpoint";
import { withRequestLog } from "../lib/http/request-log";
import { logger, routeConsoleToLogger } from "../lib/observability/logger";
import { shutDownGracefully } from "./lib/graceful-shutdown";
import { hotApiRoutes } from "../lib/http/hot-api-routes";
import { crossOriginRefusal, isCrossOriginServerAction } from "../lib/http/server-action-origin";
import { RESPONSE_SLOT_KEY, type ResponseSlot } from "../lib/http/response-status";

(process.env as Record<string, string>).NODE_ENV = "production";
// tsx turns Node's source maps on for the TypeScript it loads, and Node then reads and keeps the
// map of every chunk of the build it loads too (23 MB of them): ~23 MB more resident and 34 MB
// more V8 heap (bench:export-http, issue 16), for stack traces the request log does not need. `next start` leaves them off as well; an
// operator who wants mapped traces starts the server with --enable-source-maps.
if (!process.execArgv.includes("--enable-source-maps") && !process.env.NODE_OPTIONS?.includes("--enable-source-maps")) process.setSourceMapsEnabled(false);
routeConsoleToLogger();
recordRequestMetrics();
const port = Number(process.env.PORT ?? 3000);
const trustedProxies = trustedProxiesFrom(process.env.TRUSTED_PROXIES);

const slots = new AsyncLocalStorage<ResponseSlot>();
(globalThis as { [RESPONSE_SLOT_KEY]?: AsyncLocalStorage<ResponseSlot> })[RESPONSE_SLOT_KEY] = slots;

/** The head goes out with the status a page asked for, when it asked for one before the first byte. */
function honourRequestedStatus(response: ServerResponse, slot: ResponseSlot): void {
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (slot.status && args[0] === 200) {
      args[0] = slot.status;
      if (typeof args[1] === "string") args.splice(1, 1); // the reason phrase of 200
      for (const [name, value] of Object.entries(slot.headers ?? {})) this.setHeader(name, value);
      // A status asked for by a failure is never cached.
      this.setHeader("cache-control", "no-store");
    }
    return writeHead.apply(this, args as never);
  } as ServerResponse["writeHead"];
}

/**
 * A fresh nonce for this request: Next finds it in the request's CSP header and stamps it on
 * every script of the page; the response's policy (set by next.config.ts) is replaced by the same
 * policy with that nonce, just before the head goes out.
 */
function applyNonce(request: IncomingMessage, response: ServerResponse): void {
  const policy = contentSecurityPolicy(randomBytes(16).toString("base64"));
  delete request.headers["content-security-policy-report-only"];
  request.headers["content-security-policy"] = policy;
  const writeHead = response.writeHead;
  response.writeHead = function (this: ServerResponse, ...args: Parameters<ServerResponse["writeHead"]>) {
    if (this.hasHeader("content-security-policy")) this.setHeader("content-security-policy", policy);
    return writeHead.apply(this, args as never);
  } as ServerResponse["writeHead"];
}

const { default: next } = await import("next");
const app = next({ dev: false, dir: process.cwd(), port });
await app.prepare();
const handle = app.getRequestHandler();
// HOT_API_ROUTES=off sends every request through Next's router (the two-instances test compares both).
const answeredByHotRoute = process.env.HOT_API_ROUTES === "off" ? () => false : await hotApiRoutes(join(process.cwd(), ".next"));

function dispatch(request: IncomingMessage, response: ServerResponse, clientAddress: string): void {
  if (answeredByMetrics(request, response)) return;
  if (isCrossOriginServerAction(request.method, request.url, request.headers)) {
    response.writeHead(403, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end(crossOriginRefusal(request.headers));
    return;
  }
  // Before the nonce: a JSON answer or an event stream runs no script, and a nonce costs a call for random bytes.
  if (answeredByHotRoute(request, response)) return;
  applyNonce(request, response);
  const slot: ResponseSlot = {};
  withClientAddress(clientAddress, () => slots.run(slot, () => {
    honourRequestedStatus(response, slot);
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  }));
}

/** Every request, a refused one too, is logged with its id (the outermost step). */
function serve(request: IncomingMessage, response: ServerResponse): void {
  withRequestLog(request, response, () => {
    const clientAddress = believeForwardedHeaders(request.headers, request.socket.remoteAddress, trustedProxies);
    whenBodyWithinLimit(request, response, () => dispatch(request, response, clientAddress));
  });
}

const server = createServer(serve);
// A client that waits for "100 Continue" before sending its body hears 413 instead when the length it declares is over the limit.
server.on("checkContinue", (request: IncomingMessage, response: ServerResponse) => {
  if (declaresBodyWithinLimit(request)) response.writeContinue();
  serve(request, response);
});
// HOST comes from scripts/start.ts: loopback for the embedded demo, every interface by default otherwise.
const host = process.env.HOST ?? "127.0.0.1";
server.listen(port, host, () => logger().info({ host, port }, "listening"));
shutDownGracefully(server);
