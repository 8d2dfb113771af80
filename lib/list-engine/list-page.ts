import "server-only";
import { cookies } from "next/headers";
import { requirePagePermission } from "@/lib/auth/current-user";
import { can } from "@/lib/permissions";
import { columnsCookieName, type FilterDeclarations, type ListDeclaration } from "./declaration";
import { loadListView } from "./load-view";
import { packView } from "./packed-rows";
import type { ListSource } from "./list-source";
import { parseListState } from "./url-state";

/**
 * A list page's server half, for any section: the permission, the URL parsed once, the user's
 * remembered columns, the rows (packed for the client) and count; the section's client view draws the result.
 */
export async function loadListPage<Row extends { id: number }, S extends string, F extends FilterDeclarations>(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  declaration: ListDeclaration<Row, S, F, any>,
  source: ListSource<S, F>,
  searchParams: Record<string, string | string[] | undefined>,
) {
  const user = await requirePagePermission(declaration.permission);
  const columnsCookie = columnsCookieName(declaration, user.id);
  const saved = (await cookies()).get(columnsCookie)?.value;
  const view = await loadListView<Row, S, F>(declaration, source, parseListState(declaration, searchParams), saved, user);
  return { user, view: packView(view), columnsCookie, canExport: can(user.role, declaration.exportPermission) };
}
