import type { Metadata } from "next";
import type { ReactNode } from "react";
import { requirePagePermission, type CurrentUser } from "@/lib/auth/current-user";
import type { CatalogOf } from "@/lib/i18n/catalogs";
import { getTranslator } from "@/lib/i18n/server";
import type { Translate } from "@/lib/i18n/translate";
import type { Permission } from "@/lib/permissions";
import { parseResourceParams, resourceLinks, type ResourceParams } from "@/lib/resources/resource-params";
import { ResourceTable, type ResourceColumn } from "./resource-table";

type ResourceWords = Translate<CatalogOf<"resources">>;
type ResourceKey = Parameters<ResourceWords>[0];
export type RawSearchParams = Record<string, string | string[] | undefined>;

/** What a resource's list page shows, worked out for one request. */
export type ResourceListView<Row, F extends string> = {
  columns: ResourceColumn<Row>[];
  filter?: { label: string; option: (value: F) => string };
  /** buttons above the table, e.g. "New user" for those allowed */
  actions?: ReactNode;
};

/**
 * A resource's list, described once: where it lives, who may see it, its URL state (sorts and
 * one choice filter), its server query and its columns. `renderResourceList` does the rest.
 */
export type ResourceListDefinition<Row extends { id: number }, S extends string, F extends string> = {
  path: string;
  permission: Permission;
  words: { title: ResourceKey; search: ResourceKey; empty: ResourceKey };
  sorts: readonly S[];
  defaultSort: S;
  /** the direction of the default sort, and the one a newly clicked column sorts first */
  defaultDir: "asc" | "desc";
  filters: readonly F[];
  list: (params: ResourceParams<S, F>) => Promise<{ rows: Row[]; hasMore: boolean }>;
  view: (context: {
    t: ResourceWords;
    user: CurrentUser;
    params: ResourceParams<S, F>;
    sortable: (sort: S) => { sortHref: string; sorted: "asc" | "desc" | null };
  }) => Promise<ResourceListView<Row, F>> | ResourceListView<Row, F>;
};

export function defineResourceList<Row extends { id: number }, S extends string, F extends string>(definition: ResourceListDefinition<Row, S, F>) {
  return definition;
}

/** The page: permission, URL state, query and table, in that order. */
export async function renderResourceList<Row extends { id: number }, S extends string, F extends string>(
  definition: ResourceListDefinition<Row, S, F>,
  searchParams: RawSearchParams,
) {
  const user = await requirePagePermission(definition.permission);
  const params = parseResourceParams(searchParams, definition);
  const [t, { rows, hasMore }] = await Promise.all([getTranslator("resources"), definition.list(params)]);
  const { sortable, pages } = resourceLinks(definition.path, params, definition.defaultDir);
  const view = await definition.view({ t, user, params, sortable });
  return (
    <ResourceTable
      title={t(definition.words.title)}
      actions={view.actions}
      rows={rows}
      rowKey={(row) => row.id}
      search={{ value: params.q, label: t(definition.words.search), placeholder: t(definition.words.search) }}
      filter={view.filter ? { name: "filter", label: view.filter.label, value: params.filter, options: definition.filters.map((value) => ({ value, label: view.filter!.option(value) })) } : undefined}
      hidden={{ sort: params.sort, dir: params.dir }}
      empty={t(definition.words.empty)}
      {...pages(hasMore)}
      columns={view.columns}
    />
  );
}

/** The page's title in the user's language. */
export function resourceMetadata(title: ResourceKey) {
  return async (): Promise<Metadata> => ({ title: (await getTranslator("resources"))(title) });
}
