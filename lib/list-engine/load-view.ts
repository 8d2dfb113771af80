import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { queryRows } from "@/lib/db";
import { getEntityLabel } from "@/lib/lookups/search-entities";
import type { FilterDeclarations, ListDeclaration, ListViewer } from "./declaration";
import { countMatching, listPage } from "./keyset";
import type { ListSource } from "./list-source";
import type { ListNotice, ListState } from "./url-state";

/**
 * Everything a list page shows for one URL: the rows, the bounded count, whether there is any row
 * at all (an empty section says so, rather than "no matches"), the labels of the chosen entity
 * filters (a filter naming a row that does not exist is dropped, with a notice), and the
 * toggleable columns shown (the URL's, else the user's remembered ones).
 */
export async function loadListView<Row extends { id: number }, S extends string, F extends FilterDeclarations>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  declaration: ListDeclaration<Row, S, F, any>,
  source: ListSource<S, F>,
  parsed: { params: ListState<S, F>; notices: ListNotice[] },
  savedColumns: string | undefined,
  viewer: ListViewer | null = null,
) {
  const params = { ...parsed.params };
  const values = params as Record<string, unknown>;
  const notices = new Set(parsed.notices);
  // An assignee filter naming one staff member is labelled like a user filter.
  const entities = Object.entries(declaration.filters).flatMap(([key, filter]) =>
    filter.kind === "entity" ? [{ key, kind: filter.entity }] : filter.kind === "assignee" ? [{ key, kind: "user" as const }] : [],
  );
  const found = await Promise.all(entities.map(({ key, kind }) => (typeof values[key] === "number" ? getEntityLabel(kind, values[key]) : null)));
  const labels: Record<string, string | null> = {};
  entities.forEach(({ key }, index) => {
    labels[key] = found[index] ?? null;
    if (typeof values[key] === "number" && labels[key] == null) {
      values[key] = null;
      notices.add("badFilter");
    }
  });
  const [page, total] = await Promise.all([listPage<Row, S, F>(declaration, source, params, viewer), countMatching(source, params, viewer)]);
  // Only an empty page asks whether the section has any row at all.
  const anyRows = page.rows.length > 0 || (await queryRows<{ one: number }>(Prisma.sql`SELECT 1 AS one FROM ${source.from} LIMIT 1`)).length > 0;
  const toggleable = declaration.columns.filter((column) => column.toggleable).map((column) => column.key);
  const shownByDefault = declaration.columns.filter((column) => column.toggleable && column.shownByDefault).map((column) => column.key);
  const visibleColumns = params.columns ?? (savedColumns === undefined ? shownByDefault : savedColumns.split(",").filter((column) => toggleable.includes(column)));
  return { params, notices: [...notices], page, total, anyRows, visibleColumns, labels };
}
