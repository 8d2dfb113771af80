import "server-only";
import { present } from "@/lib/present";
import { db } from "@/lib/db";
import { selectionSql } from "@/lib/list-engine/list-source";
import type { Selection } from "@/lib/list-engine/selection";
import type { sessionsList } from "./list";
import { sessionsSource } from "./list-source";

/**
 * The exact number of sessions (and their messages) a bulk deletion would remove: the list's own
 * count stops at its cap, and a confirmation that says "1,000+" does not say what goes.
 */
export async function countSessions(selection: Selection<typeof sessionsList.filters>, viewer: { id: number }): Promise<{ sessions: number; messages: number }> {
  const [counted] = await db.$queryRaw<{ sessions: number; messages: number }[]>`
    SELECT count(*)::int AS sessions, coalesce(sum(message_count), 0)::int AS messages FROM chat_sessions WHERE ${selectionSql(sessionsSource, selection, viewer)}`;
  return present(counted, "the selection's count");
}
