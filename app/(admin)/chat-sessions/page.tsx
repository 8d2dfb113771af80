import type { Metadata } from "next";
import { cookies } from "next/headers";
import { SessionsView } from "@/components/chat-sessions/sessions-view";
import { requirePagePermission } from "@/lib/auth/current-user";
import { columnsCookieName, parseListParams } from "@/lib/chat-sessions/list-params";
import { loadSessionsView } from "@/lib/chat-sessions/list-view";
import { getTranslator } from "@/lib/i18n/server";
import { can } from "@/lib/permissions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslator("chatSessions");
  return { title: t("title") };
}

/** LIST-1: every chat session, searched, filtered, sorted and paged on the server. */
export default async function ChatSessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePagePermission("chatSessions.view");
  const [raw, cookieStore] = await Promise.all([searchParams, cookies()]);
  const view = await loadSessionsView(parseListParams(raw), cookieStore.get(columnsCookieName(user.id))?.value);
  return (
    <SessionsView
      params={view.params}
      notices={view.notices}
      rows={view.page.rows}
      nextCursor={view.page.nextCursor}
      previousCursor={view.page.previousCursor}
      total={view.total}
      anySessions={view.anySessions}
      visibleColumns={view.visibleColumns}
      columnsCookie={columnsCookieName(user.id)}
      labels={view.labels}
      permissions={{
        create: can(user.role, "chatSessions.create"),
        edit: can(user.role, "chatSessions.edit"),
        delete: can(user.role, "chatSessions.delete"),
        markRead: can(user.role, "messages.markRead"),
        export: can(user.role, "chatSessions.export"),
      }}
    />
  );
}
