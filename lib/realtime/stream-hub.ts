import "server-only";
import { metrics } from "@/lib/observability/metrics";
import { eventBus } from "./bus";
import { EventLogReader } from "./event-log-reader";
import { keepEventLogPruned } from "./event-log";
import type { ChatEvent } from "./events";
import type { StreamViewer } from "./stream-visibility";
import { processSingleton } from "@/lib/process-singleton";

/** An open stream, as the hub sees it. */
export type Sink = {
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
    const mine = this.byUser.get(sink.viewer.userId) ?? new Set<Sink>();
    this.byUser.set(sink.viewer.userId, mine);
    mine.add(sink);
    if (!this.unsubscribe) {
      const bus = eventBus();
      const offEvents = bus.subscribe((event) => this.dispatch(event));
      // Events may have been lost while the bus was reconnecting: every stream catches up.
      const offReconnect = bus.onReconnect(() => {
        for (const sink of [...this.all]) sink.catchUp();
      });
      this.unsubscribe = () => {
        offEvents();
        offReconnect();
      };
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

/** The instance's hub: one for all its streams. */
export const hub = () => processSingleton("sseStreamHub", () => new StreamHub());
