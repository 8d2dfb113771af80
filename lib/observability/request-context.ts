import { AsyncLocalStorage } from "node:async_hooks";

// What is known about the request being served, for its log line and its error pages: its id
// (X-Request-Id) and, once the app has looked the caller up, the user's id. scripts/serve.ts opens
// the context around each request; Next bundles the app's modules apart from the server's, so the
// store is found through a global symbol (as lib/http/response-status.ts's slot is).

export type RequestContext = { id: string; userId?: number };

const CONTEXT_KEY = Symbol.for("marketplace-admin.request-context");
type WithContexts = { [CONTEXT_KEY]?: AsyncLocalStorage<RequestContext> };

export function requestContexts(): AsyncLocalStorage<RequestContext> {
  const holder = globalThis as WithContexts;
  holder[CONTEXT_KEY] ??= new AsyncLocalStorage<RequestContext>();
  return holder[CONTEXT_KEY];
}

/** The id of the request being served (undefined outside scripts/serve.ts, e.g. `next dev`). */
export function currentRequestId(): string | undefined {
  return requestContexts().getStore()?.id;
}

/** Puts the caller's user id on the request's log line. */
export function noteRequestUser(userId: number): void {
  const context = requestContexts().getStore();
  if (context) context.userId = userId;
}
