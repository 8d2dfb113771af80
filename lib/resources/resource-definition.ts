import type { ReactNode } from "react";
import type { CurrentUser } from "@/lib/auth/current-user";
import type { ExportColumn } from "@/lib/export/columns";
import type { CatalogOf } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/config";
import type { Translate } from "@/lib/i18n/translate";
import type { Permission } from "@/lib/permissions";
import type { ResourceCursor, ResourcePage } from "./resource-page";
import type { ResourceParams } from "./resource-params";

export type ResourceWords = Translate<CatalogOf<"resources">>;
export type ResourceKey = Parameters<ResourceWords>[0];
/** A resource's name, when the catalog has its three words: `<name>Title`, `<name>Search` and `<name>Empty`. */
export type ResourceName = {
  [K in ResourceKey]: K extends `${infer N}Title` ? (`${N}Search` extends ResourceKey ? (`${N}Empty` extends ResourceKey ? N : never) : never) : never;
}[ResourceKey];
export type ResourceColumn<Row> = { key: string; header: string; cell: (row: Row) => ReactNode; sortHref?: string; sorted?: "asc" | "desc" | null };

/** What a resource's list page shows, worked out for one request. */
export type ResourceListView<Row, F extends string> = {
  columns: ResourceColumn<Row>[];
  filter?: { label: string; option: (value: F) => string };
  /** buttons above the table, e.g. "New user" for those allowed */
  actions?: ReactNode;
};

/**
 * A resource's list, described once: where it lives, who may see it, its URL state (sorts and
 * one choice filter), its server query, its columns and what its export holds.
 * `renderResourceList` draws the page and `resourceExportRoute` serves the export.
 */
export type ResourceListDefinition<Row extends { id: number }, S extends string, F extends string> = {
  /** the page's path; the export's file name and the catalog's words (`usersTitle`…) follow from it */
  path: `/${ResourceName}`;
  permission: Permission;
  sorts: readonly S[];
  defaultSort: S;
  /** the direction of the default sort, and the one a newly clicked column sorts first */
  defaultDir: "asc" | "desc";
  filters: readonly F[];
  /** a page of rows: the numbered page of `params`, or, given `after`, the rows that follow that one */
  list: (params: ResourceParams<S, F>, size?: number, after?: ResourceCursor | null) => Promise<ResourcePage<Row>>;
  /** a row's value in a sorted column, as `list` compares it: where the export's next page starts */
  sortValue: (row: Row, sort: S) => ResourceCursor["value"];
  view: (context: {
    t: ResourceWords;
    user: CurrentUser;
    params: ResourceParams<S, F>;
    sortable: (sort: S) => { sortHref: string; sorted: "asc" | "desc" | null };
  }) => Promise<ResourceListView<Row, F>> | ResourceListView<Row, F>;
  /** the export's columns, plain values with headers in the user's language */
  exportColumns: (t: ResourceWords, locale: Locale) => ExportColumn<Row>[];
};

/** The name a definition's path gives its words and its export. */
export function resourceName(definition: { path: `/${ResourceName}` }): ResourceName {
  return definition.path.slice(1) as ResourceName;
}

export function defineResourceList<Row extends { id: number }, S extends string, F extends string>(definition: ResourceListDefinition<Row, S, F>) {
  return definition;
}
