import { sessionsList } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { transcriptOutput } from "@/lib/chat-sessions/transcript";
import { listExportRoute } from "@/lib/list-engine/export-route";

export const dynamic = "force-dynamic";

/** Issue 19: the messages of the selected sessions or of every session the list's filters match, as CSV or Excel. */
export const GET = listExportRoute(sessionsList, sessionsSource, transcriptOutput);
