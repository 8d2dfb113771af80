import type { IncomingMessage, ServerResponse } from "node:http";
import { apiErrorBody } from "@/lib/api/errors";
import { catalogs } from "@/lib/i18n/catalogs";
import { apiLocale, cookieLocale } from "./request-locale";
import { present } from "@/lib/present";

// Every request body is capped before the app sees it (scripts/serve.ts): next-auth's sign-in
// and Next's server actions would otherwise read a body of any size, signed in or not.

/** The mobile API's JSON bodies; lib/api/route.ts checks the same limit as it reads them. */
export const API_BODY_LIMIT = 16 * 1024;

/**
 * By URL prefix, the first that matches. The largest legitimate body is a server action sending
 * a message (4,000 characters: under 24 KB even were each one JSON-escaped) or marking 500
 * messages read (about 6 KB); 128 KB leaves room. Nothing takes uploads.
 */
export const BODY_LIMITS: readonly { prefix: string; bytes: number }[] = [
  { prefix: "/api/v1/", bytes: API_BODY_LIMIT },
  { prefix: "/api/auth/", bytes: 16 * 1024 }, // next-auth: an e-mail, a password, a CSRF token
  { prefix: "/", bytes: 128 * 1024 }, // pages' server actions, and any other route handler
];

export function bodyLimitOf(url: string): number {
  return present(BODY_LIMITS.find(({ prefix }) => url.startsWith(prefix)), "a body limit (the last one's prefix is \"/\")").bytes;
}

/** How long the rest of a refused body may still come in (to be dropped) before the connection is cut. */
const LINGER_MS = 5_000;

/**
 * 413 in the caller's language (the API's error shape on /api/v1). Node reads the rest of the
 * body and drops it, keeping nothing, so a client still sending reads this answer rather than a
 * broken pipe; one still sending after LINGER_MS is cut off.
 */
function refuseTooLarge(request: IncomingMessage, response: ServerResponse): void {
  const cutOff = setTimeout(() => request.socket.destroy(), LINGER_MS).unref();
  request.once("close", () => clearTimeout(cutOff));
  const url = new URL(request.url ?? "/", "http://panel");
  if (url.pathname.startsWith("/api/v1/")) {
    const body = apiErrorBody(apiLocale(url, request.headers["accept-language"]), "too_large");
    response.writeHead(413, { "cache-control": "no-store", "content-type": "application/json" }).end(JSON.stringify(body));
  } else {
    response.writeHead(413, { "cache-control": "no-store", "content-type": "text/plain; charset=utf-8" }).end(catalogs.api[cookieLocale(request.headers.cookie)].too_large);
  }
}

/** False when the body's declared length is over its route's limit (no declared length: true). */
export function declaresBodyWithinLimit(request: IncomingMessage): boolean {
  return Number(request.headers["content-length"] ?? 0) <= bodyLimitOf(request.url ?? "/");
}

/**
 * Hands the request to `handle` only once its body is known to be within its route's limit. A
 * declared length is checked at once (Node's parser hands on no more than it); a body of no
 * declared length (chunked) is held back as it arrives, at most the limit, and given to the app
 * whole when it ends. Past the limit the request is refused and the app never sees it.
 */
export function whenBodyWithinLimit(request: IncomingMessage, response: ServerResponse, handle: () => void): void {
  if (request.headers["content-length"] !== undefined || request.headers["transfer-encoding"] === undefined) {
    if (declaresBodyWithinLimit(request)) handle();
    else refuseTooLarge(request, response);
    return;
  }
  const limit = bodyLimitOf(request.url ?? "/");
  const push = request.push;
  const held: Buffer[] = [];
  let received = 0;
  // Every chunk of the body passes through push(), from Node's parser; null ends it.
  request.push = (chunk: Buffer | null) => {
    if (chunk === null) {
      request.push = push;
      for (const part of held) push.call(request, part);
      push.call(request, null);
      handle();
      return false;
    }
    received += chunk.length;
    if (received > limit) {
      request.push = push; // what follows waits, unread, for Node to drop it once the answer is out
      held.length = 0;
      refuseTooLarge(request, response);
      return true;
    }
    held.push(chunk);
    return true;
  };
}
