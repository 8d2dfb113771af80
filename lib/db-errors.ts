// Errors that mean "the database cannot be reached right now" (refused, reset, shutting down),
// as opposed to a bad query: the UI says so plainly and the pool reconnects by itself later.
const UNAVAILABLE = /ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|57P01|57P03|08001|08006|Can't reach database|Connection terminated|connection timeout|DatabaseNotReachable/i;

export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const candidate = current as { name?: unknown; message?: unknown; code?: unknown; cause?: unknown };
    const text = `${String(candidate.name ?? "")} ${String(candidate.message ?? "")} ${String(candidate.code ?? "")}`;
    if (UNAVAILABLE.test(text)) return true;
    current = candidate.cause;
  }
  return false;
}
