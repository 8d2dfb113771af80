import type { CatalogOf } from "@/lib/i18n/catalogs";

// Triage queues (issue 19): the built-in tabs above the sessions list, declared once. A tab is a
// name and the URL parameters it sets; another queue is one more line here.

export type QueueTab = { key: string; label: keyof CatalogOf<"chatSessions"> & string; params: Readonly<Record<string, string>> };

export const QUEUE_TABS: readonly QueueTab[] = [
  { key: "all", label: "queueAll", params: {} },
  // Issue 20: the viewer's own sessions, and those nobody works yet.
  { key: "mine", label: "queueMine", params: { assignee: "me" } },
  { key: "unassigned", label: "queueUnassigned", params: { assignee: "none" } },
  { key: "unread", label: "queueUnread", params: { unread: "1" } },
  { key: "awaitingVendor", label: "queueAwaitingVendor", params: { awaiting: "vendor" } },
  { key: "awaitingVendorRed", label: "queueAwaitingVendorRed", params: { awaiting: "vendor", waitingOver: "red" } },
  { key: "awaitingCustomer", label: "queueAwaitingCustomer", params: { awaiting: "customer" } },
  { key: "recent", label: "queueRecent", params: { recent: "1" } },
];

/** A tab's count is exact up to this many and shown as "999+" past it (a bounded scan per tab). */
export const TAB_COUNT_CAP = 999;

/** How the tabs are told apart in the counts: built-ins by key, saved views by id. */
export const savedViewTabKey = (id: number) => `view-${id}`;
