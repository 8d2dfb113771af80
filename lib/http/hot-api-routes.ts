// The mobile app's two hottest routes, sending a message and the event stream, are answered by
// scripts/serve.ts with their own route handlers, taken from the build, without Next's router in
// front: at a thousand sends a second on two cores, the router (route matching, header rules,
// three request stores, tracing, request adapters) cost as much CPU as the send itself
// (README, "Real time: measured"). Same handlers, same module instances as Next's (one
// database pool, one event bus), same answers; the headers Next's config adds are added here.
// Anything this lane cannot take as it is (an odd URL or header) goes to Next as before.
import type { IncomingMessage, ServerResponse } from "node:http";
import { createRequire } from "node:module";
import { join } from "node:path";
import { Readable } from "node:stream";
import { securityHeaders } from "./security-headers";
import { present } from "@/lib/present";

type RouteHandler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type HotRoute = { method: "GET" | "POST"; pattern: RegExp; page: string; params: (match: RegExpExecArray) => Record<string, string> };

const HOT_ROUTES: HotRoute[] = [
  { method: "POST", pattern: /^\/api\/v1\/sessions\/([^/?]+)\/messages(?:\?|$)/, page: "api/v1/sessions/[id]/messages", params: (m) => ({ id: decodeURIComponent(m[1] ?? "") }) },
  { method: "GET", pattern: /^\/api\/v1\/events(?:\?|$)/, page: "api/v1/events", params: () => ({}) },
];

/** The route's exported handler, as the build compiled it (Next's own route module, loaded once). */
async function builtHandler(distDir: string, route: HotRoute): Promise<RouteHandler> {
  const required = createRequire(join(distDir, "server", "app"))(join(distDir, "server", "app", route.page, "route.js")) as {
    routeModule: { ensureUserland(): Promise<void>; userland: Record<string, RouteHandler | undefined> };
  };
  await required.routeModule.ensureUserland();
  const handler = required.routeModule.userland[route.method];
  if (!handler) throw new Error(`${route.page} exports no ${route.method}`);
  return handler;
}

/** The Web request a route handler expects, or null when the URL or a header is not one it can take. */
function webRequest(request: IncomingMessage, signal: AbortSignal): Request | null {
  try {
    const headers = new Headers();
    const raw = request.rawHeaders;
    for (let i = 0; i + 1 < raw.length; i += 2) headers.append(raw[i] ?? "", raw[i + 1] ?? "");
    const url = new URL(request.url ?? "/", `http://${request.headers.host ?? "localhost"}`);
    const body = request.method === "GET" || request.method === "HEAD" ? null : (Readable.toWeb(request) as ReadableStream<Uint8Array>);
    return new Request(url, { method: request.method, headers, body, signal, duplex: "half" } as RequestInit);
  } catch {
    return null;
  }
}

/** A slow reader's socket took the chunk but wants no more for now: wait until it does, or leaves. */
function drainedOrClosed(response: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      response.off("drain", done).off("close", done);
      resolve();
    };
    response.on("drain", done).on("close", done);
  });
}

async function sendResponse(answer: Response, response: ServerResponse, signal: AbortSignal): Promise<void> {
  response.statusCode = answer.status;
  for (const { key, value } of SECURITY_HEADERS) response.setHeader(key, value);
  answer.headers.forEach((value, name) => {
    if (name !== "set-cookie") response.setHeader(name, value);
  });
  const cookies = answer.headers.getSetCookie();
  if (cookies.length) response.setHeader("set-cookie", cookies);
  if (!answer.body) return void response.end();
  // A JSON answer of known length goes out in one write; a stream's head goes out at once.
  if (answer.headers.has("content-length")) return void response.end(Buffer.from(await answer.arrayBuffer()));
  response.flushHeaders();
  const reader = answer.body.getReader();
  signal.addEventListener("abort", () => void reader.cancel().catch(() => {}), { once: true });
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!response.write(value)) await drainedOrClosed(response);
    }
  } catch {
    // the client left, or the stream failed after its head went out: nothing more to send
  }
  response.end();
}

const SECURITY_HEADERS = securityHeaders();
// Next's own compressor, as its router applies it: large JSON answers gzipped when asked for, streams never.
const compress = createRequire(import.meta.url)("next/dist/compiled/compression")() as (request: IncomingMessage, response: ServerResponse, next: () => void) => void;

/**
 * The hot route a request is for, with its parameters decoded as Next decodes them; null when it
 * is for none, or a parameter does not decode (Next answers it).
 */
function matchOf(request: IncomingMessage): { index: number; params: Record<string, string> } | null {
  for (const [index, route] of HOT_ROUTES.entries()) {
    const match = route.method === request.method ? route.pattern.exec(request.url ?? "") : null;
    if (!match) continue;
    try {
      return { index, params: route.params(match) };
    } catch {
      return null;
    }
  }
  return null;
}

/**
 * Loads the hot routes' handlers from the build in `distDir`; the function returned answers a
 * request when it is for one of them (true), and leaves it to Next otherwise (false).
 */
export async function hotApiRoutes(distDir: string): Promise<(request: IncomingMessage, response: ServerResponse) => boolean> {
  let handlers: RouteHandler[];
  try {
    handlers = await Promise.all(HOT_ROUTES.map((route) => builtHandler(distDir, route)));
  } catch (error) {
    // A Next release that builds route modules differently: everything goes through its router, slower but whole.
    console.warn(`Hot API routes unavailable, Next's router answers them: ${String(error)}`);
    return () => false;
  }
  console.log(`Hot API routes (no router): ${HOT_ROUTES.map((route) => `${route.method} /${route.page}`).join(", ")}`);
  return (request, response) => {
    const matched = matchOf(request);
    const aborted = new AbortController();
    const web = matched && webRequest(request, aborted.signal);
    if (!matched || !web) return false;
    const { index, params } = matched;
    response.once("close", () => response.writableFinished || aborted.abort());
    compress(request, response, () => {});
    present(handlers[index], "the hot route's handler")(web, { params: Promise.resolve(params) })
      .then((answer) => sendResponse(answer, response, aborted.signal))
      .catch((error: unknown) => {
        console.error(error);
        if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" }).end('{"error":{"code":"internal","message":"Internal error"}}');
        else response.destroy();
      });
    return true;
  };
}
