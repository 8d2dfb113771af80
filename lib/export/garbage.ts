/**
 * A full garbage collection now, when the server runs with `--expose-gc` (scripts/lib/server-process.ts,
 * the Dockerfile); nothing without it (tests, scripts). For the large exports only: V8, left to
 * itself, grows its heap with an export's garbage and keeps it.
 */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
