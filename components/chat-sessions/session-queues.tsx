"use client";
import type { QueueTabState } from "@/lib/chat-sessions/queue-tabs";
import { QueueTabs } from "./queue-tabs";
import { SavedViewControls } from "./saved-view-controls";

export type QueuesState = { tabs: QueueTabState[]; current: string | null };

/** Issue 19: the queue tabs above the sessions list, and the saved views' controls for the view on screen. */
export function SessionQueues({ queues, query }: { queues: QueuesState; query: string }) {
  const view = queues.tabs.find((tab) => tab.key === queues.current)?.view ?? null;
  const ownIds = queues.tabs.flatMap((tab) => (tab.view?.mine ? [tab.view.id] : []));
  return (
    <div className="space-y-3">
      <QueueTabs tabs={queues.tabs} current={queues.current} />
      <SavedViewControls query={query} view={view} ownIds={ownIds} />
    </div>
  );
}
