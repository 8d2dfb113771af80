import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { metrics, statusClass, type Metrics } from "@/lib/observability/metrics";
import { onRequestEnd } from "./request-log";

// GET /metrics, answered by scripts/serve.ts before Next (the metrics are the server process's):
// only with `Authorization: Bearer $METRICS_TOKEN`. With no METRICS_TOKEN set the endpoint does
// not exist (404, like any unknown URL); with a missing or wrong token it is 401.

const digest = (text: string) => createHash("sha256").update(text).digest();

function tokenMatches(header: string | undefined, expected: string): boolean {
  const given = /^Bearer (.+)$/.exec(header?.trim() ?? "")?.[1] ?? "";
  return timingSafeEqual(digest(given), digest(expected));
}

/** Counts every request the server logs in the request-duration histogram (once per process). */
export function recordRequestMetrics(registry: Metrics = metrics()): void {
  onRequestEnd(({ route, method, status, durationMs }) =>
    registry.requestDuration.observe({ route, method, status_class: statusClass(status) }, durationMs / 1000),
  );
}

/** Answers GET /metrics (true), or leaves the request to others (false). */
export function answeredByMetrics(request: IncomingMessage, response: ServerResponse, token = process.env.METRICS_TOKEN, registry: Metrics = metrics()): boolean {
  if (request.method !== "GET" || (request.url ?? "").split("?", 1)[0] !== "/metrics") return false;
  if (!token) {
    response.writeHead(404, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" }).end("Not found");
    return true;
  }
  if (!tokenMatches(request.headers.authorization, token)) {
    response.writeHead(401, { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store", "www-authenticate": 'Bearer realm="metrics"' }).end("Unauthorized");
    return true;
  }
  registry.registry.metrics().then(
    (text) => response.writeHead(200, { "content-type": registry.registry.contentType, "cache-control": "no-store" }).end(text),
    () => response.writeHead(500).end(),
  );
  return true;
}
