import { sessionsList } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { listExportRoute } from "@/lib/list-engine/export-route";

export const dynamic = "force-dynamic";

/** BULK-3: the selected sessions or every session the list's filters match, as CSV or Excel. */
export const GET = listExportRoute(sessionsList, sessionsSource);
