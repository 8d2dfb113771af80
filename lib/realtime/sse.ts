import "server-only";
import { db } from "@/lib/db";
import { eventBus } from "./bus";
import type { ChatEvent } from "./events";

const HEARTBEAT_MS = 20_000;
const REPLAY_LIMIT = 1000;

export type StreamViewer = { userId: number; staff: boolean };

type Outgoing = { event: string; id?: number; data: unknown };

function frame({ event, id, data }: Outgoing): string {
  return `event: ${event}\n${id !== undefined ? `id: ${id}\n` : ""}data: ${JSON.stringify(data)}\n\n`;
}

/** What of an event a viewer may see: staff see every change, participants their own sessions. */
export function visibleTo(viewer: StreamViewer, event: ChatEvent): Outgoing | null {
  if (event.type === "settings") return { event: "settings", data: {} };
  if (!viewer.staff && !event.participants.includes(viewer.userId)) return null;
  if (event.type === "message") {
    const mine = event.notification?.userId === viewer.userId ? event.notification.id : undefined;
    return { event: "message", id: mine, data: { sessionId: event.sessionId, messageId: event.messageId, senderId: event.senderId } };
  }
  return { event: event.type, data: { sessionId: event.sessionId } };
}

/**
 * A viewer's server-sent events. A participant who reconnects with Last-Event-ID first gets
 * every notification it missed, in order, then the live ones; events that arrive while the
 * missed ones are read are held back and deduplicated, so nothing is sent twice or lost.
 */
export function eventStream(viewer: StreamViewer, lastEventId: number | null, signal: AbortSignal): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  const stop = () => {
    unsubscribe();
    clearInterval(heartbeat);
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (out: Outgoing) => {
        try {
          controller.enqueue(encoder.encode(frame(out)));
        } catch {
          stop();
        }
      };
      let replayed = lastEventId ?? 0;
      let held: Outgoing[] | null = lastEventId !== null && !viewer.staff ? [] : null;
      unsubscribe = eventBus().subscribe((event) => {
        const out = visibleTo(viewer, event);
        if (!out) return;
        if (held) held.push(out);
        else if (out.id === undefined || out.id > replayed) send(out);
      });
      signal.addEventListener("abort", () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      });
      controller.enqueue(encoder.encode(`retry: 2000\n: connected\n\n`));
      if (held) {
        const missed = await db.notification.findMany({
          where: { userId: viewer.userId, id: { gt: lastEventId ?? 0 } },
          orderBy: { id: "asc" },
          take: REPLAY_LIMIT,
          select: { id: true, sessionId: true, messageId: true, message: { select: { senderId: true } } },
        });
        for (const notice of missed) {
          send({ event: "message", id: notice.id, data: { sessionId: notice.sessionId, messageId: notice.messageId, senderId: notice.message.senderId } });
          replayed = notice.id;
        }
        const waiting = held;
        held = null;
        for (const out of waiting) if (out.id === undefined || out.id > replayed) send(out);
      }
      heartbeat = setInterval(() => {
        try {
          controller.enqueue(encoder.encode(": ping\n\n"));
        } catch {
          stop();
        }
      }, HEARTBEAT_MS);
    },
    cancel() {
      stop();
    },
  });
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
  return Number(raw);
}
