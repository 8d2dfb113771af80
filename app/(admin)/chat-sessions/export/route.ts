import { jsonSafe } from "@/lib/audit";
import { getCurrentUser } from "@/lib/auth/current-user";
import { db } from "@/lib/db";
import { sessionExportColumns } from "@/lib/chat-sessions/export/columns";
import { parseExportRequest } from "@/lib/chat-sessions/export/request";
import { exportRows } from "@/lib/chat-sessions/export/rows";
import type { ExportEnd } from "@/lib/export/columns";
import { exportResponse, plainError } from "@/lib/export/response";
import { getLocale, translatorFor } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";

export const dynamic = "force-dynamic";

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
  const recordExport = async ({ rows, completed }: ExportEnd) => {
    await db.auditLog.create({ data: { actorId: user.id, action: "chatSessions.export", targetType: "chatSession", details: jsonSafe({ format, rows, completed, selection }) } });
  };
  return exportResponse({
    format,
    name: "chat-sessions",
    columns: sessionExportColumns(translatorFor(locale, "chatSessions")),
    rows: exportRows(selection),
    rightToLeft: locale === "ar",
    onEnd: recordExport,
  });
}
