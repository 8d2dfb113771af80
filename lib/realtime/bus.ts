import "server-only";
import { whenClosing } from "@/lib/lifecycle";
import { deliverNotification } from "@/lib/notifications/delivery";
import type { ChatEvent } from "./events";
import { NatsBus } from "./nats-bus";
import { PostgresBus } from "./postgres-bus";
import { processSingleton } from "@/lib/process-singleton";

export type BusListener = (event: ChatEvent) => void;

export type BusKind = "postgres" | "nats";

/**
 * Fans events out to every server instance. Payloads are ids only; a subscriber fetches what its
 * viewer may see. The database stays the source of truth: every logged event (message, read
 * receipt, session change) is a row of user_events, written in the change's transaction, and
 * what a stream reads and a reconnecting client replays; the bus only announces.
 */
export interface EventBus {
  subscribe(listener: BusListener): () => void;
  /**
   * Called whenever the bus's connection is (re)established: events published while it was
   * down may have been missed, so whatever was kept on their account (caches) should be dropped
   * and participants' streams read their logs.
   */
  onReconnect(callback: () => void): () => void;
  /**
   * Whether the writers of logged events announce them themselves, inside their transaction, so
   * that a user's events arrive in the order of their ids, none missing while connected (the
   * PostgreSQL bus). Otherwise writers publish after commit and a stream reads its log on each
   * announcement.
   */
  readonly writersAnnounce: boolean;
  readonly subscriberCount: number;
  /** Resolves once this instance hears what other instances publish. */
  ready(): Promise<void>;
  publish(event: ChatEvent): Promise<void>;
  readonly kind: BusKind;
  /** Whether this instance hears other instances now (false: live updates are degraded). */
  readonly listening: boolean;
  close(): Promise<void>;
}

/**
 * The bus this configuration asks for: EVENT_BUS=nats://host:port[,nats://…] is NATS JetStream;
 * anything else (unset, `postgres`) is PostgreSQL's LISTEN/NOTIFY.
 */
export function createEventBus(env: Partial<NodeJS.ProcessEnv> = process.env): EventBus {
  const servers = env.EVENT_BUS?.trim() ?? "";
  if (servers.startsWith("nats://")) return new NatsBus(servers.split(","));
  return new PostgresBus();
}

/** The process's bus: one connection for the whole process. */
export function eventBus(): EventBus {
  return processSingleton("chatEventBus", () => {
    const bus = createEventBus();
    whenClosing(() => bus.close());
    return bus;
  });
}

/** What a readiness check reports: which bus, and whether it hears other instances. */
export type BusHealth = { kind: BusKind; listening: boolean };

/**
 * The bus's health for a readiness check: connects if nothing has yet (the bus connects on first
 * use), waiting at most `timeoutMs`. Not listening means live updates are degraded (NATS:
 * streams fall back to reads of the log), never that requests fail.
 */
export async function busHealth(bus: EventBus = eventBus(), timeoutMs = 1000): Promise<BusHealth> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)));
  await Promise.race([bus.ready().catch(() => {}), timeout]);
  clearTimeout(timer);
  return { kind: bus.kind, listening: bus.listening };
}

/**
 * Publishes after the change has committed; a failure to publish never undoes the change. A
 * logged event whose writer announced it (EventBus.writersAnnounce) is not published again. A new
 * message's notification also goes to the push seam, here, on the one instance that wrote it.
 */
export async function publishEvent(event: ChatEvent): Promise<void> {
  const announced = "events" in event && eventBus().writersAnnounce;
  try {
    if (!announced) await eventBus().publish(event);
  } catch (error) {
    console.error("live update not published", error);
  }
  if (event.type === "message" && event.notification) {
    const { id: notificationId, userId } = event.notification;
    void deliverNotification({ notificationId, userId, sessionId: event.sessionId, messageId: event.messageId, senderId: event.senderId });
  }
}
