import "server-only";
import { jsonSafe } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import type { ExportEnd } from "@/lib/export/columns";
import { exportResponse, plainError } from "@/lib/export/response";
import { getLocale, translatorFor } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import { resourceName, type ResourceListDefinition } from "./resource-definition";
import type { ResourceCursor, ResourcePage } from "./resource-page";
import { MAX_RESOURCE_SEARCH, parseResourceParams } from "./resource-params";

const EXPORT_PAGE = 500;

/**
 * The GET handler of `<path>/export`: every row the list's search and filter match (not only the
 * page shown), as CSV or Excel, streamed a page at a time and audited with its row count. A bad
 * filter is refused rather than quietly exporting everything.
 */
export function resourceExportRoute<Row extends { id: number }, S extends string, F extends string>(definition: ResourceListDefinition<Row, S, F>) {
  return async function GET(request: Request): Promise<Response> {
    const locale = await getLocale();
    const common = translatorFor(locale, "common");
    const user = await getCurrentUser();
    if (!user || !can(user.role, definition.permission) || !can(user.role, "resources.export")) return plainError(403, common("forbidden"));

    const query = Object.fromEntries(new URL(request.url).searchParams);
    const format = query.format;
    const params = parseResourceParams(query, definition);
    const badFilter = Boolean(query.filter) && params.filter === null;
    if ((format !== "csv" && format !== "xlsx") || badFilter || (query.q ?? "").length > MAX_RESOURCE_SEARCH) return plainError(400, common("invalidInput"));

    // Keyset steps through the list's own order: each page starts after the last row sent, so
    // the millionth row costs what the first did (an OFFSET would read every row before it).
    async function* rows() {
      let after: ResourceCursor | null = null;
      for (;;) {
        const batch: ResourcePage<Row> = await definition.list(params, EXPORT_PAGE, after);
        if (batch.rows.length) yield batch.rows;
        if (!batch.hasMore) return;
        const last = batch.rows.at(-1)!;
        after = { value: definition.sortValue(last, params.sort), id: last.id };
      }
    }
    const resource = resourceName(definition);
    const recordExport = async ({ rows: count, completed }: ExportEnd) => {
      await db.auditLog.create({
        data: { actorId: user.id, action: "resources.export", targetType: resource, details: jsonSafe({ format, rows: count, completed, q: params.q, filter: params.filter }) },
      });
    };
    return exportResponse({
      format,
      name: resource,
      columns: definition.exportColumns(translatorFor(locale, "resources"), locale),
      rows: rows(),
      rightToLeft: locale === "ar",
      onEnd: recordExport,
    });
  };
}
