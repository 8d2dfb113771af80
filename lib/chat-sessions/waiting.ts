// Triage queues (issue 19): how long a side has waited for its reply, and how that is coloured.
// No database and no React: the list's SQL, its cells and the settings form share it.

export type AwaitingSide = "none" | "vendor" | "customer";

/** Minutes of waiting after which the waiting column turns amber, then red; an admin sets them (SET-1 page). */
export type WaitingThresholds = { amberMinutes: number; redMinutes: number };

export const DEFAULT_WAITING_THRESHOLDS: WaitingThresholds = { amberMinutes: 60, redMinutes: 24 * 60 };

/** The settings row that holds the thresholds. */
export const WAITING_THRESHOLDS_KEY = "waitingThresholds";

/**
 * The sort value of a session nobody owes a reply: after every waiting one, and still an ISO time a
 * cursor can hold. The index chat_sessions_waiting_sort_idx (migration triage_queues) is on this expression.
 */
export const NOT_WAITING = "9999-12-31T23:59:59.999Z";
export const WAITING_SORT_SQL = `coalesce(awaiting_since, '${NOT_WAITING}'::timestamptz)`;

export type WaitingTone = "calm" | "amber" | "red";

/** The colour of a wait of this age. */
export function waitingTone(since: Date, thresholds: WaitingThresholds, now: Date = new Date()): WaitingTone {
  const minutes = (now.getTime() - since.getTime()) / 60_000;
  return minutes >= thresholds.redMinutes ? "red" : minutes >= thresholds.amberMinutes ? "amber" : "calm";
}
