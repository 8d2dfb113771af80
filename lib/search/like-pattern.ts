/** Escapes LIKE's wildcards so that "%" or "_" typed into a search box match themselves. */
export function escapeLike(term: string): string {
  return term.replace(/[\\%_]/g, (char) => `\\${char}`);
}
