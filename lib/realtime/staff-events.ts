import "server-only";
import { publishEvent } from "./bus";

/** Past this many sessions, one event for them all (staff screens refresh once either way). */
const MAX_EVENTS = 50;

/**
 * Tells every instance's staff streams that these sessions changed in a way only staff may know
 * (assignee, private notes). Published after commit; never logged for participants.
 */
export async function announceStaffChange(sessionIds: number[]): Promise<void> {
  if (sessionIds.length === 0) return;
  if (sessionIds.length > MAX_EVENTS) return publishEvent({ type: "staff", sessionId: 0 });
  for (const sessionId of sessionIds) await publishEvent({ type: "staff", sessionId });
}
