import type { FilterDeclarations } from "./declaration";
import { parseListState, serializeListState, type UrlDeclaration } from "./url-state";

/**
 * The list a record's page goes back to: the view the user came from (search, filters, sort,
 * page), carried in the record link's `from` as the list's own query. It is parsed and written
 * again, so only the list's path and its known parameters come out — never an address of the
 * caller's choosing.
 */
export function listReturnHref<S extends string, F extends FilterDeclarations>(declaration: UrlDeclaration<S, F> & { path: string }, from: string | string[] | undefined): string {
  const raw = Array.isArray(from) ? from[0] : from;
  const { params } = parseListState(declaration, Object.fromEntries(new URLSearchParams(raw ?? "")));
  const query = serializeListState(declaration, params).toString();
  return query ? `${declaration.path}?${query}` : declaration.path;
}
