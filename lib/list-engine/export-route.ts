import "server-only";
import { audit } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import type { ExportColumn, ExportEnd } from "@/lib/export/columns";
import { exportResponse, plainError } from "@/lib/export/response";
import type { Namespace } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/config";
import { getLocale, translatorFor } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";
import type { FilterDeclarations, ListDeclaration } from "./declaration";
import { csvLinesSql } from "./csv-in-sql";
import { readRowTexts } from "./fields-in-sql";
import { exportColumnsOf, pickedColumns } from "./export-columns";
import { parseExportRequest } from "./export-request";
import { rowsInOrder, rowsInOrderSql } from "./keyset";
import { workbookInSql } from "./xlsx-in-sql";
import type { ListSource } from "./list-source";

/**
 * A file made of something other than the list's own rows, read from them in their order: the
 * sessions' messages (a transcript) from the selected sessions. The column picker does not apply.
 */
export type ExportOutput<Row, Out> = {
  name: string;
  /** the audit entry's action */
  auditAction: string;
  columns: (locale: Locale) => ExportColumn<Out>[];
  rows: (rows: AsyncGenerator<Row[]>) => AsyncGenerator<Out[]>;
};

/**
 * The GET handler of `<path>/export`: the ticked rows (`ids=`) or every row the list's filters
 * match, in the list's current sort, with the picked columns, as CSV or Excel, streamed as they
 * are read. A list's CSV, and its workbook's rows, are written by PostgreSQL when its columns
 * allow (csv-in-sql.ts, xlsx-in-sql.ts), else here. The audit entry is written when the stream
 * ends, with the number of rows that actually left (and whether the download was cut short).
 */
export function listExportRoute<Row extends { id: number }, S extends string, F extends FilterDeclarations, W extends Namespace, Out = Row>(
  declaration: ListDeclaration<Row, S, F, W>,
  source: ListSource<S, F>,
  output?: ExportOutput<Row, Out>,
) {
  // biome-ignore lint/correctness/noComponentHookFactories: a route handler named GET, as Next requires, not a component
  return async function GET(request: Request): Promise<Response> {
    const locale = await getLocale();
    const common = translatorFor(locale, "common");
    const user = await getCurrentUser();
    if (!user || !can(user.role, declaration.permission) || !can(user.role, declaration.exportPermission)) return plainError(403, common("forbidden"));

    const parsed = parseExportRequest(declaration, new URL(request.url).searchParams);
    if (!parsed) return plainError(400, common("invalidInput"));
    const { format, selection, order, fields } = parsed;
    const recordExport = async ({ rows, completed }: ExportEnd) => {
      await audit(db, { actorId: user.id, action: output?.auditAction ?? declaration.exportPermission, targetType: declaration.auditTarget, details: { format, rows, completed, selection, order, fields } });
    };
    const rows = rowsInOrder<Row, S, F>(source, selection, order, user);
    const file = { format, rightToLeft: locale === "ar", onEnd: recordExport };
    if (output) return exportResponse({ ...file, name: output.name, columns: output.columns(locale), rows: output.rows(rows) });
    const t = translatorFor(locale, declaration.words);
    const name = declaration.path.slice(1);
    const columns = exportColumnsOf(declaration.columns, t, fields);
    const picked = pickedColumns(declaration.columns, fields);
    const ordered = rowsInOrderSql(source, selection, order, user);
    if (format === "csv") {
      const lines = csvLinesSql(picked, t, ordered);
      return exportResponse({ ...file, name, columns, rows, csvLines: lines && readRowTexts(lines) });
    }
    const sheet = await workbookInSql(picked, columns, t, ordered, { name, rightToLeft: file.rightToLeft });
    return exportResponse({ ...file, name, columns, rows, sheet });
  };
}
