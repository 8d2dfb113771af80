import type { AsyncLocalStorage } from "node:async_hooks";

// A page cannot choose its HTTP status in the App Router (only 404, and 401/403 behind a flag),
// and a proxy file would have to sit at the project's root. So the server that runs the app
// (scripts/serve.ts) gives each request a slot in an AsyncLocalStorage, found through a global
// symbol because Next bundles this module apart from the server's; a layout that renders the
// "database unavailable" page fills the slot, and the server answers with that status as it
// writes the head. Outside that server (tests, `next dev`), setting the status does nothing.

export type ResponseSlot = { status?: number; headers?: Record<string, string> };
export const RESPONSE_SLOT_KEY = Symbol.for("marketplace-admin.response-slot");

type WithSlot = { [RESPONSE_SLOT_KEY]?: AsyncLocalStorage<ResponseSlot> };

/** Asks for this status (and headers) on the response of the request being rendered. */
export function setResponseStatus(status: number, headers: Record<string, string> = {}): void {
  const slot = (globalThis as WithSlot)[RESPONSE_SLOT_KEY]?.getStore();
  if (!slot) return;
  slot.status = status;
  slot.headers = { ...slot.headers, ...headers };
}
