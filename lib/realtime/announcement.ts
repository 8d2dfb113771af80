import "server-only";
import { metrics } from "@/lib/observability/metrics";
import type { ChatEvent } from "./events";

/**
 * An event as it travels on either bus: stamped `at` (ms since the epoch) when announced — by
 * the publisher, or by a writer's NOTIFY inside its statement — so the receiving instance can
 * measure the bus's lag (bus_notification_lag_seconds).
 */
type Announced = ChatEvent & { at?: number };

export function announcementOf(event: ChatEvent): string {
  return JSON.stringify({ ...event, at: Date.now() });
}

/** The event an announcement carries (its stamp observed and dropped), or null if it is not ours. */
export function eventOfAnnouncement(payload: string): ChatEvent | null {
  let announced: Announced;
  try {
    announced = JSON.parse(payload) as Announced;
  } catch {
    return null;
  }
  const { at, ...event } = announced;
  if (typeof at === "number") metrics().busLag.observe(Math.max(0, Date.now() - at) / 1000);
  return event as ChatEvent;
}
