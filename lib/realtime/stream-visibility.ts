import type { ChatEvent } from "./events";
import { outgoingOf, type Outgoing } from "./sse-frames";

export type StreamViewer = { userId: number; staff: boolean };

/**
 * What of an event a viewer may see: staff see every change (without ids: their streams are not
 * resumed), participants their own sessions', with the id of the change in their event log.
 */
export function visibleTo(viewer: StreamViewer, event: ChatEvent): Outgoing | null {
  if (event.type === "settings") return { event: "settings", data: {} };
  if (event.type === "revoked" || event.type === "presence") return null;
  if (event.type === "staff") return viewer.staff ? { event: "session", data: { sessionId: event.sessionId } } : null;
  if (!viewer.staff && !event.participants.includes(viewer.userId)) return null;
  const id = viewer.staff ? undefined : event.events.find(([userId]) => userId === viewer.userId)?.[1];
  return outgoingOf(event.type === "message" ? { id, kind: "message", sessionId: event.sessionId, messageId: event.messageId, senderId: event.senderId } : { id, kind: event.type, sessionId: event.sessionId });
}

/** Whether this event may end the viewer's stream (asked again: SET-1 off, a token or session of theirs ended). */
export function mayEndStream(viewer: StreamViewer, event: ChatEvent): boolean {
  return event.type === "settings" || (event.type === "revoked" && event.userId === viewer.userId);
}
