import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { countEach } from "@/lib/list-engine/keyset";
import { filtersOf, parseListState, serializeListState } from "@/lib/list-engine/url-state";
import { visibleViews, type VisibleView } from "@/lib/saved-views/visible-views";
import { sessionsList, type SessionFilters } from "./list";
import { sessionsSource } from "./list-source";
import { QUEUE_TABS, savedViewTabKey, TAB_COUNT_CAP, type QueueTab } from "./queues";

/** A tab above the sessions list: a built-in queue (its words) or a saved view (its name). */
export type QueueTabState = { key: string; query: string; word: QueueTab["label"] | null; view: VisibleView | null };
export type TabCounts = Record<string, { count: number; capped: boolean }>;

const filtersOfQuery = (query: string): SessionFilters => filtersOf(sessionsList, parseListState(sessionsList, Object.fromEntries(new URLSearchParams(query))).params);
/** What makes two views the same queue: their search and filters (not sort, size or columns). */
const queueIdentity = (filters: SessionFilters) => serializeListState(sessionsList, filters).toString();

export const builtInQueueTabs = (): QueueTabState[] => QUEUE_TABS.map((tab) => ({ key: tab.key, query: new URLSearchParams(tab.params).toString(), word: tab.label, view: null }));

/** The built-in queues, then this user's saved views and the shared ones. */
export async function queueTabsFor(user: CurrentUser): Promise<QueueTabState[]> {
  const views = await visibleViews(user);
  return [...builtInQueueTabs(), ...views.map((view) => ({ key: savedViewTabKey(view.id), query: view.query, word: null, view }))];
}

/** The key of the first tab showing these search and filters, if one does. */
export function currentTabKey(tabs: QueueTabState[], filters: SessionFilters): string | null {
  const identity = queueIdentity(filtersOf(sessionsList, filters));
  return tabs.find((tab) => queueIdentity(filtersOfQuery(tab.query)) === identity)?.key ?? null;
}

/** Every tab's count, exact up to TAB_COUNT_CAP, in one statement; `viewer` is who "Mine" means. */
export async function countQueueTabs(tabs: QueueTabState[], viewer: { id: number } | null): Promise<TabCounts> {
  const counts = await countEach(sessionsSource, tabs.map((tab) => filtersOfQuery(tab.query)), TAB_COUNT_CAP, viewer);
  return Object.fromEntries(tabs.map((tab, index) => [tab.key, counts[index] ?? { count: 0, capped: false }]));
}
