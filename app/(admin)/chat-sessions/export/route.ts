import { format as formatDate } from "date-fns";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { EXPORT_COLUMNS } from "@/lib/chat-sessions/export/columns";
import { csvStream } from "@/lib/chat-sessions/export/csv-stream";
import { exportRows } from "@/lib/chat-sessions/export/rows";
import { xlsxStream } from "@/lib/chat-sessions/export/xlsx";
import { parseListParams } from "@/lib/chat-sessions/list-params";
import { selectionSchema, type Selection } from "@/lib/chat-sessions/selection";
import { getLocale, translatorFor } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";

export const dynamic = "force-dynamic";

function plainError(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8" } });
}

/** The selection from the query: `ids=1,2,3`, or the list's own filter parameters. */
function selectionFrom(query: URLSearchParams): Selection | null {
  const ids = query.get("ids");
  // The list's filter parameters parse as they do for the page; the selection keeps only the filters.
  const candidate = ids !== null ? { ids: ids.split(",").filter(Boolean).map(Number) } : { filters: parseListParams(Object.fromEntries(query)).params };
  const parsed = selectionSchema.safeParse(candidate);
  return parsed.success ? parsed.data : null;
}

/** BULK-3: the selected sessions as CSV or Excel, streamed as they are read. */
export async function GET(request: Request): Promise<Response> {
  const locale = await getLocale();
  const common = translatorFor(locale, "common");
  const user = await getCurrentUser();
  if (!user || !can(user.role, "chatSessions.export")) return plainError(403, common("forbidden"));

  const query = new URL(request.url).searchParams;
  const format = query.get("format");
  const selection = selectionFrom(query);
  if ((format !== "csv" && format !== "xlsx") || !selection) return plainError(400, common("invalidInput"));

  const t = translatorFor(locale, "chatSessions");
  const headers = EXPORT_COLUMNS.map((column) => t(column.header));
  const recordExport = async (rows: number) => {
    await db.auditLog.create({ data: { actorId: user.id, action: "chatSessions.export", targetType: "chatSession", details: { format, rows, selection } } });
  };
  const batches = exportRows(selection);
  const body = format === "csv" ? csvStream(headers, batches, recordExport) : xlsxStream(headers, locale === "ar", batches, recordExport);
  const fileName = `chat-sessions-${formatDate(new Date(), "yyyy-MM-dd")}.${format}`;
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${fileName}`,
      "cache-control": "no-store",
    },
  });
}
