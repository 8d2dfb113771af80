import "server-only";
import type { CurrentUser } from "@/lib/auth/current-user";
import { countEach } from "@/lib/list-engine/keyset";
import { filtersOf, parseListState, serializeListState } from "@/lib/list-engine/url-state";
import { visibleViews, type VisibleView } from "@/lib/saved-views/visible-views";
import { sessionsList, type SessionFilters, type SessionsListState } from "./list";
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

const orderOfQuery = (query: string) => {
  const { sort, dir } = parseListState(sessionsList, Object.fromEntries(new URLSearchParams(query))).params;
  return `${sort} ${dir}`;
};

/**
 * The tab showing these search and filters, if one does. A saved view may show a built-in
 * queue's filters in an order of its own, or in the same order (its owner named it): the tab in
 * the same order wins, a saved view before a built-in one, so that its owner can always reach it
 * to rename or delete it.
 */
export function currentTabKey(tabs: QueueTabState[], params: SessionsListState): string | null {
  const identity = queueIdentity(filtersOf(sessionsList, params));
  const sameQueue = tabs.filter((tab) => queueIdentity(filtersOfQuery(tab.query)) === identity);
  const sameOrder = sameQueue.filter((tab) => orderOfQuery(tab.query) === `${params.sort} ${params.dir}`);
  const best = sameOrder.find((tab) => tab.view) ?? sameOrder[0] ?? sameQueue[0];
  return best?.key ?? null;
}

/** Every tab's count, exact up to TAB_COUNT_CAP, in one statement; `viewer` is who "Mine" means. */
export async function countQueueTabs(tabs: QueueTabState[], viewer: { id: number } | null): Promise<TabCounts> {
  const counts = await countEach(sessionsSource, tabs.map((tab) => filtersOfQuery(tab.query)), TAB_COUNT_CAP, viewer);
  return Object.fromEntries(tabs.map((tab, index) => [tab.key, counts[index] ?? { count: 0, capped: false }]));
}
