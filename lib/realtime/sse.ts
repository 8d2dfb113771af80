import "server-only";
import { dbPool } from "@/lib/db";
import { whenDraining } from "@/lib/lifecycle";
import { eventBus } from "./bus";
import { REPLAY_LIMIT } from "./event-log-reader";
import { eventLogPrunedThrough } from "./event-log";
import { ParticipantStream, type ParticipantLog } from "./participant-stream";
import { comment, frame, type Outgoing } from "./sse-frames";
import { hub, type Sink } from "./stream-hub";
import { mayEndStream, visibleTo, type StreamViewer } from "./stream-visibility";

// A viewer's event stream, put together from its parts: the frames (sse-frames.ts), what a viewer
// may see (stream-visibility.ts), the instance's hub of open streams (stream-hub.ts) with its
// batched reader of the event log (event-log-reader.ts), and a participant's stream state
// (participant-stream.ts).

export { SSE_HEADERS, lastEventIdOf } from "./sse-frames";
export type { StreamViewer } from "./stream-visibility";

const HEARTBEAT_MS = 20_000;
/** When this instance shuts down, how soon its streams' clients come back (to another instance, through the balancer). */
const RECONNECT_AFTER_SHUTDOWN_MS = 500;
const RECONNECT_MS = 2000;

/** The viewer's event log, read through the instance's batched reader. */
function logOf(userId: number): ParticipantLog {
  return {
    read: (afterId) => hub().reader.read(userId, afterId),
    pageSize: REPLAY_LIMIT,
    newestId: async () => {
      const { rows } = await dbPool().query<{ id: number }>({ text: `SELECT id FROM user_events WHERE user_id = $1 ORDER BY id DESC LIMIT 1`, values: [userId] });
      return rows[0]?.id ?? 0;
    },
    prunedThrough: eventLogPrunedThrough,
  };
}

/**
 * A viewer's server-sent events. For a participant every event (a message in or out, a read
 * receipt, a session change) is a row of their event log (user_events), and its SSE id is that
 * row's id; ParticipantStream sends each once, in id order, and a client that reconnects with
 * Last-Event-ID exactly what it missed — or, when that is older than the log keeps
 * (lib/realtime/event-log.ts), a `resync` event first, then what is left. The database hands out a
 * user's event ids in commit order (see the user_events migration). Settings changes carry no id
 * (the stream ends when chat is turned off); staff streams carry none (they are not resumed).
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
  let participant: ParticipantStream | null = null;
  let heartbeat: ReturnType<typeof setInterval> | undefined;
  let open = true;
  let offDrain = () => {};
  const stop = () => {
    open = false;
    participant?.close();
    offDrain();
    if (sink) hub().remove(sink);
    clearInterval(heartbeat);
  };
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          stop();
        }
      };
      const send = (out: Outgoing) => write(frame(out));
      const end = () => {
        stop();
        try {
          controller.close();
        } catch {
          // already closed
        }
      };
      const checkEnd = () => {
        if (endWhen) void endWhen().then((yes) => yes && end(), () => {});
      };
      participant = viewer.staff
        ? null
        : new ParticipantStream({
            log: logOf(viewer.userId),
            emit: send,
            announcedInOrder: () => eventBus().writersAnnounce,
            readFailed: (error) => console.error("live events not read", error),
          });
      sink = {
        viewer,
        onEvent(event) {
          if (mayEndStream(viewer, event)) checkEnd();
          const out = visibleTo(viewer, event);
          if (!out) return;
          if (participant && out.id !== undefined) participant.announced({ ...out, id: out.id });
          else send(out);
        },
        resync() {
          participant?.readLog();
        },
        catchUp() {
          checkEnd();
          participant?.readLog();
        },
      };
      hub().add(sink);
      signal.addEventListener("abort", end);
      // This instance is shutting down: the client is to come back soon, with Last-Event-ID, to another one.
      offDrain = whenDraining(() => {
        write(comment("shutting down", RECONNECT_AFTER_SHUTDOWN_MS));
        end();
      });
      write(comment("connected", RECONNECT_MS));
      await participant?.start(lastEventId);
      if (open) heartbeat = setInterval(() => write(comment("ping")), HEARTBEAT_MS);
    },
    cancel() {
      stop();
    },
  });
}
