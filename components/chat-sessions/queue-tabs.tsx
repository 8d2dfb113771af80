"use client";
import Link from "next/link";
import { useCallback, useEffect, useMemo, useState } from "react";
import { useLiveEvents } from "@/components/realtime/use-live-events";
import { queueCountsAction } from "@/lib/chat-sessions/actions";
import type { QueueTabState, TabCounts } from "@/lib/chat-sessions/queue-tabs";
import { TAB_COUNT_CAP } from "@/lib/chat-sessions/queues";
import { useLocale, useT } from "@/lib/i18n/client";
import { formatNumber } from "@/lib/i18n/translate";
import { coalesce } from "@/lib/realtime/coalesce";

/** The counts follow the event stream, asked for at most this often (issue 19: per screen, cheap). */
const COUNTS_EVERY_MS = 2000;

/**
 * Issue 19: the queues above the sessions list — the built-in ones, the user's saved views and the
 * shared ones — each with its count ("999+" past the cap), kept live from the event stream.
 */
export function QueueTabs({ tabs, current }: { tabs: QueueTabState[]; current: string | null }) {
  const t = useT("chatSessions");
  const locale = useLocale();
  const [counts, setCounts] = useState<TabCounts | null>(null);
  const load = useCallback(async () => {
    const result = await queueCountsAction({});
    if (result.ok) setCounts(result.data);
  }, []);
  const refresh = useMemo(() => coalesce(() => void load(), COUNTS_EVERY_MS), [load]);
  // Saved views come and go: a new tab list is counted again.
  const tabKeys = tabs.map((tab) => tab.key).join(",");
  // biome-ignore lint/correctness/useExhaustiveDependencies: tabKeys is the trigger (a new tab list is counted again), not an input
  useEffect(() => {
    refresh.ask();
  }, [refresh, tabKeys]);
  useEffect(() => () => refresh.cancel(), [refresh]);
  useLiveEvents(
    () => refresh.ask(),
    () => refresh.ask(),
  );

  return (
    <nav aria-label={t("queuesLabel")} className="relative overflow-x-auto border-b border-slate-200 dark:border-slate-700">
      {/* A phone scrolls the strip; wider screens wrap it, so that no tab hides past the edge (at 1280 px the built-ins alone overflowed). */}
      <ul className="flex min-w-max gap-1 sm:min-w-0 sm:flex-wrap" data-testid="queue-tabs">
        {tabs.map((tab) => {
          const counted = counts?.[tab.key];
          const label = tab.word ? t(tab.word) : (tab.view?.name ?? "");
          const selected = tab.key === current;
          return (
            <li key={tab.key}>
              <Link
                prefetch={false}
                href={tab.query ? `/chat-sessions?${tab.query}` : "/chat-sessions"}
                aria-current={selected ? "page" : undefined}
                data-tab={tab.key}
                title={tab.view && !tab.view.mine ? t("viewSharedBy", { name: tab.view.ownerName }) : undefined}
                className="queue-tab"
              >
                <span dir="auto">{label}</span>
                {counted ? (
                  <span className="rounded-full bg-slate-200 px-2 text-xs font-semibold tabular-nums text-slate-800 dark:bg-slate-700 dark:text-slate-100" data-count={counted.capped ? `${TAB_COUNT_CAP}+` : counted.count}>
                    <span aria-hidden="true">{counted.capped ? `${formatNumber(locale, TAB_COUNT_CAP)}+` : formatNumber(locale, counted.count)}</span>
                    <span className="sr-only">{counted.capped ? t("queueCountCapped") : t("queueCount", { count: counted.count })}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
