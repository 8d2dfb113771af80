import { z } from "zod";

// The URL state of a simple resource list (users, orders): search, one choice filter, sort,
// direction and page. Bad values fall back to defaults; nothing here throws. These lists page
// by OFFSET: they are far smaller than the sessions list, which pages by keyset.
export type ResourceParams<S extends string, F extends string> = {
  q: string;
  filter: F | null;
  sort: S;
  dir: "asc" | "desc";
  page: number;
};

export const RESOURCE_PAGE_SIZE = 25;
export const MAX_RESOURCE_SEARCH = 200;

export function parseResourceParams<S extends string, F extends string>(
  raw: Record<string, string | string[] | undefined>,
  options: { sorts: readonly S[]; filters: readonly F[]; defaultSort: S; defaultDir: "asc" | "desc" },
): ResourceParams<S, F> {
  const first = (key: string) => {
    const value = raw[key];
    return Array.isArray(value) ? value[0] : value;
  };
  const sort = first("sort");
  const filter = first("filter");
  const dir = first("dir");
  const page = z.coerce.number().int().min(1).max(10_000).safeParse(first("page") ?? "1");
  return {
    q: (first("q") ?? "").slice(0, MAX_RESOURCE_SEARCH).trim(),
    filter: (options.filters as readonly string[]).includes(filter ?? "") ? (filter as F) : null,
    sort: (options.sorts as readonly string[]).includes(sort ?? "") ? (sort as S) : options.defaultSort,
    dir: dir === "asc" || dir === "desc" ? dir : options.defaultDir,
    page: page.success ? page.data : 1,
  };
}

/** The URL query of a view: search, filter, sort and direction, and the page past the first. */
function resourceQuery<S extends string, F extends string>(params: ResourceParams<S, F>): URLSearchParams {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  if (params.filter) query.set("filter", params.filter);
  query.set("sort", params.sort);
  query.set("dir", params.dir);
  if (params.page > 1) query.set("page", String(params.page));
  return query;
}

function resourceHref<S extends string, F extends string>(path: string, params: ResourceParams<S, F>, patch: Partial<ResourceParams<S, F>>): string {
  return `${path}?${resourceQuery({ ...params, ...patch }).toString()}`;
}

/** The export of a view: the same search and filter, every page. */
export function resourceExportHref<S extends string, F extends string>(path: string, params: ResourceParams<S, F>, format: "csv" | "xlsx"): string {
  const query = resourceQuery({ ...params, page: 1 });
  query.set("format", format);
  return `${path}/export?${query.toString()}`;
}

/**
 * The links a resource page needs, all from its current URL state: the sortable-header props (a new column sorts `firstDir` first, a second click flips it), and
 * the previous/next pages.
 */
export function resourceLinks<S extends string, F extends string>(path: string, params: ResourceParams<S, F>, firstDir: "asc" | "desc") {
  const href = (patch: Partial<ResourceParams<S, F>>) => resourceHref(path, params, patch);
  const flipped = firstDir === "asc" ? "desc" : "asc";
  return {
    sortable: (sort: S) => ({
      sortHref: href({ sort, dir: params.sort === sort && params.dir === firstDir ? flipped : firstDir, page: 1 }),
      sorted: params.sort === sort ? params.dir : null,
    }),
    pages: (hasMore: boolean) => ({
      previousHref: params.page > 1 ? href({ page: params.page - 1 }) : null,
      nextHref: hasMore ? href({ page: params.page + 1 }) : null,
    }),
  };
}
