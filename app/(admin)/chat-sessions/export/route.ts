import { format as formatDate } from "date-fns";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { EXPORT_COLUMNS } from "@/lib/chat-sessions/export/columns";
import { csvStream, type ExportEnd } from "@/lib/chat-sessions/export/csv-stream";
import { parseExportRequest } from "@/lib/chat-sessions/export/request";
import { exportRows } from "@/lib/chat-sessions/export/rows";
import { xlsxStream } from "@/lib/chat-sessions/export/xlsx";
import { getLocale, translatorFor } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";

export const dynamic = "force-dynamic";

function plainError(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}

/**
 * BULK-3: the selected sessions (`ids=`) or every session the list's filters match, as CSV or
 * Excel, streamed as they are read. The audit entry is written when the stream ends, with the
 * number of rows that actually left (and whether the download was cut short).
 */
export async function GET(request: Request): Promise<Response> {
  const locale = await getLocale();
  const common = translatorFor(locale, "common");
  const user = await getCurrentUser();
  if (!user || !can(user.role, "chatSessions.export")) return plainError(403, common("forbidden"));

  const parsed = parseExportRequest(new URL(request.url).searchParams);
  if (!parsed) return plainError(400, common("invalidInput"));
  const { format, selection } = parsed;

  const t = translatorFor(locale, "chatSessions");
  const headers = EXPORT_COLUMNS.map((column) => t(column.header));
  const recordExport = async ({ rows, completed }: ExportEnd) => {
    await db.auditLog.create({ data: { actorId: user.id, action: "chatSessions.export", targetType: "chatSession", details: { format, rows, completed, selection } } });
  };
  const batches = exportRows(selection);
  const body = format === "csv" ? csvStream(headers, batches, recordExport) : xlsxStream(headers, locale === "ar", batches, recordExport);
  const fileName = `chat-sessions-${formatDate(new Date(), "yyyy-MM-dd")}.${format}`;
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${fileName}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}
