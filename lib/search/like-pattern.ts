/**
 * Escapes LIKE's wildcards so that "%" or "_" typed into a search box match themselves, and drops
 * NUL characters, which a PostgreSQL text cannot hold (a search for one would fail the query).
 */
export function escapeLike(term: string): string {
  return term.replaceAll("\u0000", "").replace(/[\\%_]/g, (char) => `\\${char}`);
}
