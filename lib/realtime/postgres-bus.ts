import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { databaseConfig } from "@/lib/db-config";
import { announcementOf, eventOfAnnouncement } from "./announcement";
import type { BusListener, EventBus } from "./bus";
import { CHANNEL, type ChatEvent } from "./events";

const RETRY_MS = 1000;
// pg_notify refuses payloads of 8000 bytes or more; ours are ids only, far below.
const MAX_PAYLOAD = 7900;

/**
 * The default bus, PostgreSQL's LISTEN/NOTIFY: each instance keeps one dedicated listening
 * connection and hands what arrives to its own subscribers, so instances behind a load balancer
 * share live updates with no sticky sessions. It listens on DATABASE_DIRECT_URL when set (a
 * transaction-mode pooler such as PgBouncer cannot hold a LISTEN), else on DATABASE_URL.
 */
export class PostgresBus implements EventBus {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private listener: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private retry: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  readonly kind = "postgres" as const;

  constructor(private readonly connectionString: () => string = () => databaseConfig().directConnectionString) {}

  subscribe(listener: BusListener): () => void {
    this.local.on("event", listener);
    this.listen().catch(() => this.retryLater());
    return () => this.local.off("event", listener);
  }

  onReconnect(callback: () => void): () => void {
    this.local.on("reconnect", callback);
    return () => this.local.off("reconnect", callback);
  }

  /**
   * Every statement that writes user_events also NOTIFYs them: they are built by
   * lib/realtime/event-log-writes.ts, which adds the NOTIFY (tests/unit/event-log-writes.test.ts
   * finds no other writer). Sent at commit; NOTIFYs are delivered in commit order, so a user's
   * events arrive in the order of their ids, none missing while connected.
   */
  readonly writersAnnounce = true;

  get subscriberCount(): number {
    return this.local.listenerCount("event");
  }

  ready(): Promise<void> {
    return this.listen();
  }

  get listening(): boolean {
    return this.listener !== null;
  }

  async publish(event: ChatEvent): Promise<void> {
    const payload = announcementOf(event);
    if (payload.length > MAX_PAYLOAD) throw new Error(`event payload too large (${payload.length} bytes)`);
    // This instance's own subscribers hear it back through LISTEN, like every other instance's.
    return new Promise((resolve, reject) => {
      this.outbox.push({ payload, resolve, reject });
      this.startFlush();
    });
  }

  private startFlush() {
    this.flushed ??= this.flush().finally(() => {
      this.flushed = null;
      // published after the loop saw an empty outbox, before this ran
      if (this.outbox.length > 0) this.startFlush();
    });
  }

  private readonly outbox: { payload: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  /** the flush under way, if any (it never rejects: each announcement's own promise does) */
  private flushed: Promise<void> | null = null;

  /**
   * Sends what is waiting in one statement (one round trip for a burst), in publishing order;
   * the listening connection is also the sending one, one statement at a time.
   */
  private async flush(): Promise<void> {
    while (this.outbox.length > 0) {
      const batch = this.outbox.splice(0, 500);
      try {
        await this.listen();
        if (!this.listener) throw new Error("the bus's connection closed before its announcements went out");
        await this.listener.query("SELECT pg_notify($1, payload) FROM unnest($2::text[]) WITH ORDINALITY AS t(payload, n) ORDER BY n", [
          CHANNEL,
          batch.map((item) => item.payload),
        ]);
        for (const item of batch) item.resolve();
      } catch (error) {
        for (const item of batch) item.reject(error);
      }
    }
  }

  async close(): Promise<void> {
    // What was published before closing still goes out: ending the connection under a batch would
    // fail every announcement in it ("Connection terminated").
    await this.flushed;
    this.closed = true;
    clearTimeout(this.retry);
    this.local.removeAllListeners();
    const client = this.listener;
    this.listener = null;
    await client?.end().catch(() => {});
  }

  private listen(): Promise<void> {
    if (this.listener) return Promise.resolve();
    if (this.closed) return Promise.reject(new Error("the event bus is closed"));
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: this.connectionString(), application_name: "realtime-listener" });
      client.on("notification", (message) => {
        if (message.channel !== CHANNEL || !message.payload) return;
        const event = eventOfAnnouncement(message.payload);
        if (event) this.local.emit("event", event); // else a payload that is not ours
      });
      // A lost connection is replaced: at once for waiting subscribers, else on the next publish.
      client.on("error", () => this.reset(client));
      client.on("end", () => this.reset(client));
      try {
        await client.connect();
        await client.query(`LISTEN ${CHANNEL}`);
      } catch (error) {
        await client.end().catch(() => {});
        throw error;
      }
      this.listener = client;
      this.local.emit("reconnect");
    })().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private reset(client: pg.Client) {
    if (this.listener !== client) return;
    this.listener = null;
    if (this.subscriberCount > 0) this.retryLater();
  }

  private retryLater() {
    if (this.closed || this.retry) return;
    this.retry = setTimeout(() => {
      this.retry = undefined;
      if (this.subscriberCount > 0) this.listen().catch(() => this.retryLater());
    }, RETRY_MS);
    this.retry.unref?.();
  }
}
