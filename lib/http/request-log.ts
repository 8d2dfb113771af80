import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { logger } from "@/lib/observability/logger";
import { requestContexts, type RequestContext } from "@/lib/observability/request-context";
import { routePatternOf } from "./route-pattern";

// Every request scripts/serve.ts serves gets an id (X-Request-Id on the answer, and on error
// pages so users can quote it) and, when it ends, one log line: id, method, route pattern,
// status, duration, and the user's id when the app looked the caller up. Nothing of the URL
// beyond its pattern, nothing of headers or bodies.

// An id from a proxy in front (nginx's $request_id) is kept when it looks like one; anything else is replaced.
const FORWARDED_ID = /^[A-Za-z0-9._-]{8,128}$/;

export type RequestOutcome = { route: string; method: string; status: number; durationMs: number; aborted: boolean };

type Observer = (outcome: RequestOutcome) => void;
const observers: Observer[] = [];

/** Called with every request's outcome when it ends (the metrics count them). */
export function onRequestEnd(observer: Observer): void {
  observers.push(observer);
}

/** Serves the request (`serve`) inside its context, and logs it when it ends. */
export function withRequestLog(request: IncomingMessage, response: ServerResponse, serve: () => void): void {
  const forwarded = request.headers["x-request-id"];
  const id = typeof forwarded === "string" && FORWARDED_ID.test(forwarded) ? forwarded : randomUUID();
  request.headers["x-request-id"] = id;
  response.setHeader("x-request-id", id);
  const context: RequestContext = { id };
  const started = performance.now();
  response.once("close", () => {
    const outcome: RequestOutcome = {
      route: routePatternOf(request.url),
      method: request.method ?? "GET",
      status: response.statusCode,
      durationMs: Math.round((performance.now() - started) * 10) / 10,
      aborted: !response.writableFinished,
    };
    logger().info({ reqId: id, userId: context.userId, ...outcome }, "request");
    for (const observer of observers) observer(outcome);
  });
  requestContexts().run(context, serve);
}
