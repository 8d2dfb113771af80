"use client";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { useT } from "@/lib/i18n/client";
import type { QueueTabState } from "@/lib/chat-sessions/queue-tabs";
import { QueueTabs } from "./queue-tabs";
import { SavedViewControls } from "./saved-view-controls";

export type QueuesState = { tabs: QueueTabState[]; current: string | null };

/** Issue 19: the queue tabs above the sessions list, triage mode for the queue on screen, and the saved views' controls. */
export function SessionQueues({ queues, query }: { queues: QueuesState; query: string }) {
  const view = queues.tabs.find((tab) => tab.key === queues.current)?.view ?? null;
  const ownIds = queues.tabs.flatMap((tab) => (tab.view?.mine ? [tab.view.id] : []));
  const t = useT("triage");
  return (
    <div className="space-y-3">
      <QueueTabs tabs={queues.tabs} current={queues.current} />
      <div className="flex flex-wrap items-center gap-2">
        {/* Opening triage mode holds a session: never on a prefetch. */}
        <Link prefetch={false} href={query ? `/chat-sessions/triage?${query}` : "/chat-sessions/triage"} className={buttonClass("primary")}>
          {t("startTriage")}
        </Link>
        <SavedViewControls query={query} view={view} ownIds={ownIds} />
      </div>
    </div>
  );
}
