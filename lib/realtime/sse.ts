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
  if (event.type === "revoked") return null;
  if (!viewer.staff && !event.participants.includes(viewer.userId)) return null;
  if (event.type === "message") {
    const mine = event.notification?.userId === viewer.userId ? event.notification.id : undefined;
    return { event: "message", id: mine, data: { sessionId: event.sessionId, messageId: event.messageId, senderId: event.senderId } };
  }
  return { event: event.type, data: { sessionId: event.sessionId } };
}

/** The viewer's notifications after `afterId`, oldest first, as message events carrying their id. */
async function notificationsAfter(userId: number, afterId: number): Promise<Outgoing[]> {
  const rows = await db.notification.findMany({
    where: { userId, id: { gt: afterId } },
    orderBy: { id: "asc" },
    take: REPLAY_LIMIT,
    select: { id: true, sessionId: true, messageId: true, message: { select: { senderId: true } } },
  });
  return rows.map((n) => ({ event: "message", id: n.id, data: { sessionId: n.sessionId, messageId: n.messageId, senderId: n.message.senderId } }));
}

/**
 * A viewer's server-sent events. The id of an event is the id of the viewer's notification, and a
 * participant's id-carrying events are never forwarded from the bus as they come: an event only
 * says "you have something new", and the stream then reads every notification after the last one
 * it sent. The database hands out a recipient's notification ids in commit order (see the
 * notification_order migration), so the stream sends each notification once, in id order, even
 * when two messages are published in the other order — and a client that reconnects with
 * Last-Event-ID is sent exactly what it missed. Events with nothing to resume from (my own
 * message, read receipts, settings) pass straight through.
 */
export function eventStream(
  viewer: StreamViewer,
  lastEventId: number | null,
  signal: AbortSignal,
  /** Asked on every settings change and revocation of the viewer's tokens: true ends the stream (SET-1 off, token revoked). */
  endWhen?: () => Promise<boolean>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let unsubscribe = () => {};
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let open = true;
  const stop = () => {
    open = false;
    unsubscribe();
    clearInterval(heartbeat);
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (out: Outgoing) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(frame(out)));
        } catch {
          stop();
        }
      };
      const end = () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      // Reads of the notifications run one after another; a read asked for while one runs is
      // folded into a single next read.
      let sentUpTo = 0;
      let reading: Promise<void> = Promise.resolve();
      let readAgain = false;
      let readQueued = false;
      const pull = () => {
        if (viewer.staff) return;
        if (readQueued) {
          readAgain = true;
          return;
        }
        readQueued = true;
        reading = reading.then(async () => {
          do {
            readAgain = false;
            if (!open) return;
            try {
              const page = await notificationsAfter(viewer.userId, sentUpTo);
              for (const out of page) {
                send(out);
                sentUpTo = out.id!;
              }
              if (page.length === REPLAY_LIMIT) readAgain = true; // more than a page was missed
            } catch (error) {
              console.error("live notifications not read", error);
            }
          } while (readAgain);
          readQueued = false;
        });
      };
      let ready = false;
      unsubscribe = eventBus().subscribe((event) => {
        const mayEnd = event.type === "settings" || (event.type === "revoked" && event.userId === viewer.userId);
        if (mayEnd && endWhen) void endWhen().then((yes) => yes && end(), () => {});
        const out = visibleTo(viewer, event);
        if (!out) return;
        if (out.id === undefined || viewer.staff) send(out);
        else if (ready) pull();
      });
      signal.addEventListener("abort", end);
      controller.enqueue(encoder.encode(`retry: 2000\n: connected\n\n`));
      if (!viewer.staff) {
        // Where to start: after Last-Event-ID (the replay), or after the newest notification now.
        if (lastEventId !== null) sentUpTo = lastEventId;
        else {
          const newest = await db.notification.findFirst({ where: { userId: viewer.userId }, orderBy: { id: "desc" }, select: { id: true } });
          sentUpTo = newest?.id ?? 0;
        }
        ready = true;
        // Replays what was missed, and whatever arrived while the starting point was read.
        pull();
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
  // Notification ids are int4: a larger one is no resume point (the stream starts from now)
  // rather than a replay query that fails.
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
}
