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

const MISSING_ROW_CODES = new Set(["P2003", "P2011", "23503", "23502"]);

/**
 * A write named a row that does not exist, however wrapped: a foreign key (PostgreSQL 23503,
 * Prisma P2003), or a not-null column a trigger fills from that row (23502, P2011: a session's
 * copied names).
 */
export function isMissingRowViolation(error: unknown): boolean {
  for (let current: unknown = error, depth = 0; current && depth < 5; depth += 1) {
    const candidate = current as { code?: unknown; originalCode?: unknown; cause?: unknown };
    if (MISSING_ROW_CODES.has(String(candidate.code)) || MISSING_ROW_CODES.has(String(candidate.originalCode))) return true;
    current = candidate.cause;
  }
  return false;
}
