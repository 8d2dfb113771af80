import { cookies } from "next/headers";
import type { RawSearchParams } from "@/lib/list-engine/url-state";
import type { CurrentUser } from "@/lib/auth/current-user";
import { sessionsList, type EntityFilterKey } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { columnsCookieName } from "@/lib/list-engine/declaration";
import { loadListView } from "@/lib/list-engine/load-view";
import { packView } from "@/lib/list-engine/packed-rows";
import { parseListState } from "@/lib/list-engine/url-state";
import { listAssignableStaff } from "@/lib/assignment/staff";
import { can } from "@/lib/permissions";
import { getWaitingThresholds } from "@/lib/settings/waiting-thresholds";
import { currentTabKey, queueTabsFor } from "@/lib/chat-sessions/queue-tabs";
import { SessionsScreen } from "@/components/chat-sessions/sessions-screen";

/** Sessions of one user, product or order, shown on its page. */
export type SessionsScope = { title: string; filter: Partial<Record<EntityFilterKey, number>> };

/**
 * The chat sessions table for one URL: the main list (LIST-1), or, given a scope, the same table
 * with the same search, filters, sort, pages and bulk actions on a user's, product's or order's page.
 */
export async function SessionsSection({ user, searchParams, scope }: { user: CurrentUser; searchParams: RawSearchParams; scope?: SessionsScope }) {
  const parsed = parseListState(sessionsList, searchParams);
  const columnsCookie = columnsCookieName(sessionsList, user.id);
  const cookieStore = await cookies();
  const [view, thresholds, tabs, staff] = await Promise.all([
    loadListView(sessionsList, sessionsSource, { params: { ...parsed.params, ...scope?.filter }, notices: parsed.notices }, cookieStore.get(columnsCookie)?.value, user),
    getWaitingThresholds(),
    scope ? null : queueTabsFor(user),
    listAssignableStaff(),
  ]);
  return (
    <SessionsScreen
      view={packView(view)}
      columnsCookie={columnsCookie}
      thresholds={thresholds}
      queues={tabs ? { tabs, current: currentTabKey(tabs, view.params) } : undefined}
      assignAbility={{ me: user.id, assign: can(user.role, "chatSessions.assign"), assignOthers: can(user.role, "chatSessions.assignOthers"), staff }}
      scope={scope ? { title: scope.title, locked: Object.keys(scope.filter) } : undefined}
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
