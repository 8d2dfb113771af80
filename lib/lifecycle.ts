// The process's way out, shared by scripts/serve.ts and the app's modules (which Next bundles
// apart from the server's, hence one registry on globalThis). On SIGTERM the server starts
// draining: open event streams are told to reconnect (elsewhere) and end, /readyz says so, and
// once the requests in flight are done, what holds connections (the pool, the bus) is closed.

type Lifecycle = { draining: boolean; onDrain: Set<() => void>; onClose: Set<() => Promise<void>> };

const LIFECYCLE_KEY = Symbol.for("marketplace-admin.lifecycle");
type WithLifecycle = { [LIFECYCLE_KEY]?: Lifecycle };

function lifecycle(): Lifecycle {
  const holder = globalThis as WithLifecycle;
  holder[LIFECYCLE_KEY] ??= { draining: false, onDrain: new Set(), onClose: new Set() };
  return holder[LIFECYCLE_KEY];
}

export function isDraining(): boolean {
  return lifecycle().draining;
}

/** Called once when the process starts draining (at once if it already is); returns the way to unregister. */
export function whenDraining(listener: () => void): () => void {
  if (isDraining()) {
    listener();
    return () => {};
  }
  lifecycle().onDrain.add(listener);
  return () => lifecycle().onDrain.delete(listener);
}

/** Called when the process closes, after the last request: for pools and listening connections. */
export function whenClosing(close: () => Promise<void>): void {
  lifecycle().onClose.add(close);
}

export function startDraining(): void {
  const state = lifecycle();
  if (state.draining) return;
  state.draining = true;
  for (const listener of [...state.onDrain]) listener();
  state.onDrain.clear();
}

/** Runs every closer (each failure is reported to `onError`, the others still run). */
export async function closeResources(onError: (error: unknown) => void): Promise<void> {
  const closers = [...lifecycle().onClose];
  lifecycle().onClose.clear();
  await Promise.all(closers.map((close) => close().catch(onError)));
}
