import "server-only";
import { EventEmitter } from "node:events";
import pg from "pg";
import { databaseConfig } from "@/lib/db-config";
import { CHANNEL, type ChatEvent } from "./events";

type Listener = (event: ChatEvent) => void;

/**
 * Fans events out to every server instance. On PostgreSQL, through LISTEN/NOTIFY: each instance
 * keeps one listening connection and hands what arrives to its own subscribers, so instances
 * behind a load balancer share live updates with no sticky sessions. The embedded database is a
 * single session (one connection), so there the bus stays inside the one process.
 */
class EventBus {
  private readonly local = new EventEmitter().setMaxListeners(0);
  private listener: pg.Client | null = null;
  private connecting: Promise<void> | null = null;
  private readonly shared: boolean;

  constructor() {
    this.shared = databaseConfig().poolMax > 1;
  }

  subscribe(listener: Listener): () => void {
    this.local.on("event", listener);
    if (this.shared) void this.listen();
    return () => this.local.off("event", listener);
  }

  async publish(event: ChatEvent): Promise<void> {
    if (!this.shared) {
      this.local.emit("event", event);
      return;
    }
    await this.listen();
    await this.listener!.query("SELECT pg_notify($1, $2)", [CHANNEL, JSON.stringify(event)]);
  }

  private listen(): Promise<void> {
    if (this.listener) return Promise.resolve();
    this.connecting ??= (async () => {
      const client = new pg.Client({ connectionString: databaseConfig().connectionString });
      client.on("notification", (message) => {
        if (message.channel !== CHANNEL || !message.payload) return;
        try {
          this.local.emit("event", JSON.parse(message.payload) as ChatEvent);
        } catch {
          // a payload that is not ours: ignore it
        }
      });
      // A lost connection is replaced on the next publish or subscribe.
      client.on("error", () => this.reset(client));
      client.on("end", () => this.reset(client));
      await client.connect();
      await client.query(`LISTEN ${CHANNEL}`);
      this.listener = client;
    })().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private reset(client: pg.Client) {
    if (this.listener !== client) return;
    this.listener = null;
    // Subscribers are still waiting: listen again once the database is back.
    if (this.local.listenerCount("event") > 0) setTimeout(() => void this.listen().catch(() => this.retryLater()), 1000);
  }

  private retryLater() {
    setTimeout(() => void this.listen().catch(() => this.retryLater()), 2000);
  }
}

const globalForBus = globalThis as unknown as { chatEventBus?: EventBus };

export function eventBus(): EventBus {
  globalForBus.chatEventBus ??= new EventBus();
  return globalForBus.chatEventBus;
}

/** Publishes after the change has committed; a failure to publish never undoes the change. */
export async function publishEvent(event: ChatEvent): Promise<void> {
  try {
    await eventBus().publish(event);
  } catch (error) {
    console.error("live update not published", error);
  }
}
