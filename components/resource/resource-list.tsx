import type { Metadata } from "next";
import { requirePagePermission } from "@/lib/auth/current-user";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { resourceName, type ResourceListDefinition, type ResourceName } from "@/lib/resources/resource-definition";
import { parseResourceParams, resourceExportHref, resourceLinks } from "@/lib/resources/resource-params";
import { ResourceTable } from "./resource-table";

export type RawSearchParams = Record<string, string | string[] | undefined>;

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
  const name = resourceName(definition);
  return (
    <ResourceTable
      title={t(`${name}Title`)}
      actions={view.actions}
      rows={rows}
      rowKey={(row) => row.id}
      search={{ value: params.q, label: t(`${name}Search`), placeholder: t(`${name}Search`) }}
      filter={view.filter ? { name: "filter", label: view.filter.label, value: params.filter, options: definition.filters.map((value) => ({ value, label: view.filter!.option(value) })) } : undefined}
      hidden={{ sort: params.sort, dir: params.dir }}
      empty={t(`${name}Empty`)}
      exports={rows.length > 0 && can(user.role, "resources.export") ? { csv: resourceExportHref(definition.path, params, "csv"), xlsx: resourceExportHref(definition.path, params, "xlsx") } : undefined}
      {...pages(hasMore)}
      columns={view.columns}
    />
  );
}

/** The page's title in the user's language. */
export function resourceMetadata(definition: { path: `/${ResourceName}` }) {
  return async (): Promise<Metadata> => ({ title: (await getTranslator("resources"))(`${resourceName(definition)}Title`) });
}
