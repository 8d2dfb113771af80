import { AsyncLocalStorage } from "node:async_hooks";

// The address a request came from, as scripts/serve.ts worked it out (lib/http/forwarded.ts:
// the socket's, or a trusted proxy's word for it), handed to the app through an
// AsyncLocalStorage found by a global symbol (as response-status.ts does) rather than a header,
// which a client could send itself wherever the server does not strip it (plain `next start`).

export const CLIENT_ADDRESS_KEY = Symbol.for("marketplace-admin.client-address");

type WithAddress = { [CLIENT_ADDRESS_KEY]?: AsyncLocalStorage<string> };

/** The client's address of the request being handled; null outside scripts/serve.ts. */
export function requestClientAddress(): string | null {
  return (globalThis as WithAddress)[CLIENT_ADDRESS_KEY]?.getStore() ?? null;
}

/** Runs the handling of a request with its client's address at hand. */
export function withClientAddress<T>(address: string, handle: () => T): T {
  const holder = globalThis as WithAddress;
  holder[CLIENT_ADDRESS_KEY] ??= new AsyncLocalStorage<string>();
  return holder[CLIENT_ADDRESS_KEY].run(address, handle);
}
