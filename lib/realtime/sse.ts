import "server-only";
import { dbPool } from "@/lib/db";
import { whenDraining } from "@/lib/lifecycle";
import { metrics } from "@/lib/observability/metrics";
import { eventBus } from "./bus";
import { eventLogPrunedThrough, keepEventLogPruned } from "./event-log";
import type { ChatEvent } from "./events";

const HEARTBEAT_MS = 20_000;
/** When this instance shuts down, how soon its streams' clients come back (to another instance, through the balancer). */
const RECONNECT_AFTER_SHUTDOWN_MS = 500;
const REPLAY_LIMIT = 1000;

export type StreamViewer = { userId: number; staff: boolean };

type Outgoing = { event: string; id?: number; data: unknown };

function frame({ event, id, data }: Outgoing): string {
  return `event: ${event}\n${id !== undefined ? `id: ${id}\n` : ""}data: ${JSON.stringify(data)}\n\n`;
}

/**
 * What of an event a viewer may see: staff see every change (without ids: their streams are not
 * resumed), participants their own sessions', with the id of the change in their event log.
 */
function visibleTo(viewer: StreamViewer, event: ChatEvent): Outgoing | null {
  if (event.type === "settings") return { event: "settings", data: {} };
  if (event.type === "revoked" || event.type === "presence") return null;
  if (event.type === "staff") return viewer.staff ? { event: "session", data: { sessionId: event.sessionId } } : null;
  if (!viewer.staff && !event.participants.includes(viewer.userId)) return null;
  const id = viewer.staff ? undefined : event.events.find(([userId]) => userId === viewer.userId)?.[1];
  return outgoingOf(event.type === "message" ? { id, kind: "message", sessionId: event.sessionId, messageId: event.messageId, senderId: event.senderId } : { id, kind: event.type, sessionId: event.sessionId });
}

type LoggedEvent = { id: number | undefined; kind: "message" | "read" | "session"; sessionId: number; messageId?: number | null; senderId?: number | null };

/** The frame of an event, as it comes from the bus or from the user's log. */
function outgoingOf({ id, kind, sessionId, messageId, senderId }: LoggedEvent): Outgoing {
  return kind === "message" ? { event: "message", id, data: { sessionId, messageId, senderId } } : { event: kind, id, data: { sessionId } };
}

/**
 * Reads of "the viewer's events after id N", batched: every read asked for while the previous
 * batch is on its way (a burst of messages to many recipients) goes out together in one
 * statement through the driver, so a busy instance reads once per batch, not once per message.
 */
class EventLogReader {
  private waiting: { userId: number; afterId: number; resolve: (rows: Outgoing[]) => void; reject: (error: unknown) => void }[] = [];
  private inFlight = 0;
  private scheduled = false;

  read(userId: number, afterId: number): Promise<Outgoing[]> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ userId, afterId, resolve, reject });
      this.schedule();
    });
  }

  private schedule() {
    if (this.scheduled || this.inFlight >= 2 || this.waiting.length === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush() {
    const batch = this.waiting.splice(0, 500);
    if (batch.length === 0) return;
    this.inFlight += 1;
    try {
      const { rows } = await dbPool().query<LoggedEvent & { k: number; id: number }>({
        text: `SELECT w.k::int AS k, e.id, e.kind, e.session_id AS "sessionId", e.message_id AS "messageId", e.sender_id AS "senderId"
                 FROM unnest($1::int[], $2::int[]) WITH ORDINALITY AS w(user_id, after_id, k)
                 CROSS JOIN LATERAL (SELECT id, kind, session_id, message_id, sender_id FROM user_events
                                      WHERE user_id = w.user_id AND id > w.after_id ORDER BY id LIMIT $3) e
                ORDER BY w.k, e.id`,
        values: [batch.map((b) => b.userId), batch.map((b) => b.afterId), REPLAY_LIMIT],
      });
      const pages: Outgoing[][] = batch.map(() => []);
      for (const row of rows) pages[row.k - 1]!.push(outgoingOf(row));
      batch.forEach((b, i) => b.resolve(pages[i]!));
    } catch (error) {
      for (const b of batch) b.reject(error);
    } finally {
      this.inFlight -= 1;
      this.schedule();
    }
  }
}

type Sink = {
  viewer: StreamViewer;
  onEvent(event: ChatEvent): void;
  resync(): void;
  /** The bus reconnected: what it may have dropped meanwhile (events, a revocation, a settings change) is looked up. */
  catchUp(): void;
};

const streamKind = (sink: Sink) => (sink.viewer.staff ? "staff" : "participant");

/**
 * The instance's open streams, by user: one subscription to the bus hands each event only to
 * the streams that may see it (staff streams, the two participants' streams; settings to all,
 * a revocation to that user's), so a message costs the same whether 10 or 10,000 streams are open.
 */
class StreamHub {
  private readonly byUser = new Map<number, Set<Sink>>();
  private readonly staff = new Set<Sink>();
  private readonly all = new Set<Sink>();
  private unsubscribe: (() => void) | null = null;
  readonly reader = new EventLogReader();

  add(sink: Sink) {
    keepEventLogPruned();
    this.all.add(sink);
    metrics().openStreams.inc({ kind: streamKind(sink) });
    if (sink.viewer.staff) this.staff.add(sink);
    let mine = this.byUser.get(sink.viewer.userId);
    if (!mine) this.byUser.set(sink.viewer.userId, (mine = new Set()));
    mine.add(sink);
    if (!this.unsubscribe) {
      const bus = eventBus();
      const offEvents = bus.subscribe((event) => this.dispatch(event));
      // Events may have been lost while the bus was reconnecting: every stream catches up.
      const offReconnect = bus.onReconnect(() => {
        for (const sink of [...this.all]) sink.catchUp();
      });
      this.unsubscribe = () => (offEvents(), offReconnect());
    }
  }

  remove(sink: Sink) {
    if (!this.all.delete(sink)) return;
    metrics().openStreams.dec({ kind: streamKind(sink) });
    this.staff.delete(sink);
    const mine = this.byUser.get(sink.viewer.userId);
    mine?.delete(sink);
    if (mine?.size === 0) this.byUser.delete(sink.viewer.userId);
    if (this.all.size === 0) {
      this.unsubscribe?.();
      this.unsubscribe = null;
    }
  }

  private dispatch(event: ChatEvent) {
    if (event.type === "settings") {
      for (const sink of [...this.all]) sink.onEvent(event);
      return;
    }
    if (event.type === "presence") return; // the presence hub's, not the streams'
    if (event.type === "revoked") {
      for (const sink of [...(this.byUser.get(event.userId) ?? [])]) sink.onEvent(event);
      return;
    }
    for (const sink of this.staff) sink.onEvent(event);
    if (event.type === "staff") return;
    if (event.sessionId === 0) {
      // A change to very many sessions, announced once: every participant's stream reads its log.
      for (const sink of this.all) if (!sink.viewer.staff) sink.resync();
      return;
    }
    event.participants.forEach((userId, i) => {
      if (event.participants.indexOf(userId) !== i) return; // the same user twice
      for (const sink of this.byUser.get(userId) ?? []) if (!sink.viewer.staff) sink.onEvent(event);
    });
  }
}

const globalForHub = globalThis as unknown as { sseStreamHub?: StreamHub };
const hub = () => (globalForHub.sseStreamHub ??= new StreamHub());

/**
 * A viewer's server-sent events. For a participant every event (a message in or out, a read
 * receipt, a session change) is a row of their event log (user_events), and its SSE id is that
 * row's id. An event from the bus says "you have something new": unless it is the next one in
 * order (below), the stream reads every event after the last one it sent. The database hands
 * out a user's event ids in commit order (see the user_events migration), so the stream sends
 * each event once, in id order, even when two are published in the other order — and a client
 * that reconnects with Last-Event-ID is sent exactly what it missed — or, when that is older than
 * the log keeps (lib/realtime/event-log.ts), a `resync` event first, then what is left. Settings
 * changes carry no id (the stream ends when chat is turned off); staff streams carry none (they
 * are not resumed).
 */
export function eventStream(
  viewer: StreamViewer,
  lastEventId: number | null,
  signal: AbortSignal,
  /** Asked on every settings change and revocation of the viewer's tokens or sessions: true ends the stream (SET-1 off, token revoked, session ended). */
  endWhen?: () => Promise<boolean>,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let sink: Sink | null = null;
  const unsubscribe = () => sink && hub().remove(sink);
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let open = true;
  let offDrain = () => {};
  const stop = () => {
    open = false;
    offDrain();
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
      // Reads of the event log run one after another; a read asked for while one runs is folded
      // into a single next read.
      let sentUpTo = 0;
      let reading: Promise<void> = Promise.resolve();
      let readAgain = false;
      let readQueued = false;
      // A read failed: until one succeeds, events are not trusted to follow on from what was sent.
      let dirty = false;
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
              const page = await hub().reader.read(viewer.userId, sentUpTo);
              for (const out of page) {
                if (out.id! <= sentUpTo) continue;
                send(out);
                sentUpTo = out.id!;
              }
              dirty = false;
              if (page.length === REPLAY_LIMIT) readAgain = true; // more than a page was missed
            } catch (error) {
              dirty = true;
              console.error("live events not read", error);
            }
          } while (readAgain);
          readQueued = false;
        });
      };
      const checkEnd = () => {
        if (endWhen) void endWhen().then((yes) => yes && end(), () => {});
      };
      let ready = false;
      sink = {
        viewer,
        onEvent(event) {
          const mayEnd = event.type === "settings" || (event.type === "revoked" && event.userId === viewer.userId);
          if (mayEnd) checkEnd();
          const out = visibleTo(viewer, event);
          if (!out) return;
          if (out.id === undefined || viewer.staff) send(out);
          else if (ready && out.id > sentUpTo) {
            // On PostgreSQL every event is announced by the transaction that writes it, and NOTIFYs
            // arrive in commit order, which for one user is id order: with no read pending, an
            // event that comes is the next one, and is sent as it is, with no read.
            // Otherwise (a read pending or failed, a bus whose writers publish after commit) the stream reads.
            if (eventBus().writersAnnounce && !readQueued && !dirty) {
              send(out);
              sentUpTo = out.id;
            } else pull();
          }
        },
        resync() {
          if (ready) pull();
        },
        catchUp() {
          checkEnd();
          if (ready) pull();
        },
      };
      hub().add(sink);
      signal.addEventListener("abort", end);
      // This instance is shutting down: the client is to come back soon, with Last-Event-ID, to another one.
      offDrain = whenDraining(() => {
        if (open) controller.enqueue(encoder.encode(`retry: ${RECONNECT_AFTER_SHUTDOWN_MS}\n: shutting down\n\n`));
        end();
      });
      controller.enqueue(encoder.encode(`retry: 2000\n: connected\n\n`));
      if (!viewer.staff) {
        // Where to start: after Last-Event-ID (the replay), or after the newest event now.
        if (lastEventId !== null) {
          sentUpTo = lastEventId;
          // Older than the log keeps: what was missed cannot all be replayed, so the client is told to reload.
          if (lastEventId < (await eventLogPrunedThrough())) send({ event: "resync", data: {} });
        } else {
          const { rows } = await dbPool().query<{ id: number }>({
            text: `SELECT id FROM user_events WHERE user_id = $1 ORDER BY id DESC LIMIT 1`,
            values: [viewer.userId],
          });
          sentUpTo = rows[0]?.id ?? 0;
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
  // Event ids are int4: a larger one is no resume point (the stream starts from now)
  // rather than a replay query that fails.
  const id = Number(raw);
  return id <= 2_147_483_647 ? id : null;
}
