// The wire format of the event streams (server-sent events): frames, comments, headers, and the
// resume point a reconnecting client names.

import { MAX_ID } from "@/lib/id-schema";

export type Outgoing = { event: string; id?: number; data: unknown };

/** An event of a participant's log, as a stream sends it: its SSE id is the log row's id. */
export type LoggedOutgoing = Outgoing & { id: number };

export function frame({ event, id, data }: Outgoing): string {
  return `event: ${event}\n${id !== undefined ? `id: ${id}\n` : ""}data: ${JSON.stringify(data)}\n\n`;
}

/** A comment line (ignored by clients), after an optional reconnection delay the client is to use. */
export function comment(text: string, retryMs?: number): string {
  return `${retryMs !== undefined ? `retry: ${retryMs}\n` : ""}: ${text}\n\n`;
}

/** A row of the user's event log (user_events), or an event from the bus, as the fields a frame needs. */
export type LoggedEvent = { id: number | undefined; kind: "message" | "read" | "session"; sessionId: number; messageId?: number | null; senderId?: number | null };

/** The frame of an event, as it comes from the bus or from the user's log. */
export function outgoingOf({ id, kind, sessionId, messageId, senderId }: LoggedEvent): Outgoing {
  return kind === "message" ? { event: "message", id, data: { sessionId, messageId, senderId } } : { event: kind, id, data: { sessionId } };
}

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
} as const;

export function lastEventIdOf(request: Request): number | null {
  const raw = request.headers.get("last-event-id") ?? new URL(request.url).searchParams.get("lastEventId");
  if (!raw || !/^\d{1,10}$/.test(raw)) return null;
  // Event ids are int4: a larger one is no resume point (the stream starts from now)
  // rather than a replay query that fails.
  const id = Number(raw);
  return id <= MAX_ID ? id : null;
}
