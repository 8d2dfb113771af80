import "server-only";
import { EventEmitter } from "node:events";
import { DeliverPolicy, DiscardPolicy, StorageType, jetstream, jetstreamManager, type ConsumerMessages, type JetStreamClient } from "@nats-io/jetstream";
import { connect, type NatsConnection } from "@nats-io/transport-node";
import { announcementOf, eventOfAnnouncement } from "./announcement";
import type { BusListener, EventBus } from "./bus";
import type { ChatEvent } from "./events";
import { LogReconciler, type LogQuery } from "./log-reconciler";
import { present } from "@/lib/present";

const NANOS_PER_MS = 1_000_000;
// Announcements only (the log is the record): kept in memory, a few minutes, for consumers that
// fall behind or reattach; a server restart loses them and every instance reads its logs instead.
const streamConfig = (namespace: string) => ({
  name: `${namespace.toUpperCase()}_EVENTS`,
  subjects: [`${namespace}.events`],
  storage: StorageType.Memory,
  discard: DiscardPolicy.Old,
  max_age: 10 * 60 * 1000 * NANOS_PER_MS,
  max_msgs: 1_000_000,
  num_replicas: 1,
});
const PUBLISH_TIMEOUT_MS = 2000;
/** How long a first publish waits for the first connection before leaving the event to the log. */
const FIRST_CONNECT_WAIT_MS = 1000;

type Options = {
  query?: LogQuery;
  reconcileMs?: number;
  /** The stream is `<NAMESPACE>_EVENTS` on subject `<namespace>.events`: apps (or test runs) sharing a NATS keep apart. */
  namespace?: string;
};

/**
 * The bus on NATS JetStream (EVENT_BUS=nats://…), for fan-out past what one database's NOTIFY
 * takes. Writers commit, then publish to the CHAT_EVENTS stream (acknowledged by the server);
 * each instance reads the stream through an ordered consumer that starts at its attach, and
 * hands what arrives to its subscribers. Nothing is announced inside a transaction: the event
 * log is the outbox, and each instance's LogReconciler announces to its own subscribers what
 * the log holds and the bus did not bring (a crash after commit, a failed publish, an outage).
 * While NATS is down, live updates are those reads of the log (a second or so late), writes go
 * on, and the client reconnects by itself; on reattaching, streams read their logs.
 */
export class NatsBus implements EventBus {
  readonly kind = "nats" as const;
  readonly writersAnnounce = false;
  private readonly local = new EventEmitter().setMaxListeners(0);
  private readonly reconciler: LogReconciler;
  private connection: NatsConnection | null = null;
  private connecting: Promise<void> | null = null;
  private attaching: Promise<void> | null = null;
  private firstConnection: Promise<unknown> | null = null;
  private stream: JetStreamClient | null = null;
  private messages: ConsumerMessages | null = null;
  private attached = false;
  private closed = false;
  private readonly config: ReturnType<typeof streamConfig>;

  constructor(
    private readonly servers: string[],
    options: Options = {},
  ) {
    this.config = streamConfig(options.namespace ?? "chat");
    this.reconciler = new LogReconciler((event) => this.local.emit("event", event), () => this.attached, options.query, options.reconcileMs);
  }

  get listening(): boolean {
    return this.attached;
  }

  get subscriberCount(): number {
    return this.local.listenerCount("event");
  }

  subscribe(listener: BusListener): () => void {
    this.local.on("event", listener);
    this.ready().catch(() => {}); // retried by the client until NATS answers
    this.reconciler.start();
    return () => {
      this.local.off("event", listener);
      if (this.subscriberCount === 0) this.reconciler.stop();
    };
  }

  onReconnect(callback: () => void): () => void {
    this.local.on("reconnect", callback);
    return () => this.local.off("reconnect", callback);
  }

  /** Resolves when this instance is attached to the stream: at once, or when NATS answers again. */
  ready(): Promise<void> {
    if (this.closed) return Promise.reject(new Error("the event bus is closed"));
    this.connecting ??= this.connect();
    const connecting = this.connecting;
    if (this.attached) return Promise.resolve();
    return new Promise((resolve, reject) => {
      this.local.once("reconnect", resolve);
      connecting.catch(reject);
    });
  }

  async publish(event: ChatEvent): Promise<void> {
    // Only the first publish waits (at most FIRST_CONNECT_WAIT_MS), for the first connection.
    this.firstConnection ??= Promise.race([this.ready().catch(() => {}), new Promise((resolve) => setTimeout(resolve, FIRST_CONNECT_WAIT_MS).unref())]);
    await this.firstConnection;
    if (!this.attached || !this.stream) {
      // A logged event is in the log: every instance's reconciler announces it. Others are lost
      // with the outage, and what they would clear is cleared on reconnecting.
      if ("events" in event) return;
      throw new Error("NATS is not connected: event not published");
    }
    await this.stream.publish(present(this.config.subjects[0], "the stream's subject"), announcementOf(event), { timeout: PUBLISH_TIMEOUT_MS });
  }

  async close(): Promise<void> {
    this.closed = true;
    this.attached = false;
    this.reconciler.stop();
    this.local.removeAllListeners();
    this.messages?.stop();
    await this.connection?.close().catch(() => {});
  }

  private async connect(): Promise<void> {
    // Keeps trying, the first time as after a loss: an instance may start before NATS does.
    const connection = await connect({ servers: this.servers, name: "chat-events", waitOnFirstConnect: true, maxReconnectAttempts: -1, reconnectTimeWait: 500, pingInterval: 5000, maxPingOut: 2 });
    if (this.closed) {
      await connection.close();
      return;
    }
    this.connection = connection;
    void this.watch(connection);
    void this.reattach(connection);
  }

  /** Creates the stream if missing (a restarted server), and this instance's consumer from now. */
  private async attach(connection: NatsConnection): Promise<void> {
    const manager = await jetstreamManager(connection);
    await manager.streams.add(this.config).catch(async () => manager.streams.update(this.config.name, this.config));
    const stream = jetstream(connection);
    const consumer = await stream.consumers.get(this.config.name, { deliver_policy: DeliverPolicy.New });
    this.messages?.stop();
    this.messages = await consumer.consume({ callback: (message) => this.receive(message.string()) });
    this.stream = stream;
    this.attached = true;
    this.local.emit("reconnect");
  }

  private receive(payload: string) {
    const event = eventOfAnnouncement(payload);
    if (!event) return; // not ours
    if (this.reconciler.admit(event)) this.local.emit("event", event);
  }

  private async watch(connection: NatsConnection) {
    for await (const status of connection.status()) {
      if (status.type === "disconnect") this.attached = false;
      if (status.type === "reconnect") await this.reattach(connection);
    }
  }

  /** Attaches, again and again until it works (JetStream may answer a moment after the server); one attempt at a time. */
  private reattach(connection: NatsConnection): Promise<void> {
    this.attaching ??= (async () => {
      while (!this.closed && !connection.isClosed()) {
        try {
          return await this.attach(connection);
        } catch (error) {
          if (this.closed) return;
          console.error("NATS stream not attached, retrying", error);
          await new Promise((resolve) => setTimeout(resolve, 500));
        }
      }
    })().finally(() => (this.attaching = null));
    return this.attaching;
  }
}
