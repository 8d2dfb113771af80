import { randomUUID } from "node:crypto";
import type { EventBus } from "@/lib/realtime/bus";
import type { ChatEvent } from "@/lib/realtime/events";

/** One staff member on a session, as the screens show them. */
export type Presence = { userId: number; name: string; replying: boolean };

type PresenceEvent = Extract<ChatEvent, { type: "presence" }>;
type Viewer = { userId: number; name: string };
type Seen = { sessionId: number; userId: number; name: string; expiresAt: number; replyingUntil: number };

export type PresenceTimings = {
  /** a viewer heard from another instance is forgotten this long after its last word (a dead instance) */
  ttlMs: number;
  /** how often an instance repeats who is looking through it */
  refreshMs: number;
  /** how long "is replying" lasts after the last keystroke reported */
  replyingMs: number;
  /** how often expiries are checked and watchers told */
  sweepMs: number;
};

const TIMINGS: PresenceTimings = { ttlMs: 30_000, refreshMs: 10_000, replyingMs: 8_000, sweepMs: 2_000 };

/**
 * Who is looking at which session, kept in memory: this instance's viewers (one per open
 * presence stream) and the other instances' (heard on the bus). It costs nothing when nobody
 * looks: no table, no polling; an instance repeats its own viewers on the bus every 10 s (one
 * NOTIFY each), and a viewer not heard of for 30 s — a closed tab whose "left" was lost, an
 * instance that died — is forgotten. A closed stream says "left" at once.
 */
export class PresenceHub {
  private readonly local = new Map<string, Seen & { streams: number }>();
  private readonly remote = new Map<string, Seen>();
  private readonly watchers = new Set<{ sessions: Set<number>; last: string; notify: (snapshot: Record<number, Presence[]>) => void }>();
  private timers: ReturnType<typeof setInterval>[] = [];
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly bus: Pick<EventBus, "subscribe" | "publish">,
    readonly instance: string = randomUUID(),
    private readonly clock: () => number = Date.now,
    private readonly timings: PresenceTimings = TIMINGS,
  ) {}

  /** Starts hearing other instances and repeating this one's viewers. */
  start(): this {
    if (this.unsubscribe) return this;
    this.unsubscribe = this.bus.subscribe((event) => {
      if (event.type === "presence" && event.instance !== this.instance) this.hear(event);
    });
    this.timers.push(setInterval(() => this.refresh(), this.timings.refreshMs), setInterval(() => this.sweep(), this.timings.sweepMs));
    for (const timer of this.timers) timer.unref?.();
    return this;
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = null;
    for (const timer of this.timers) clearInterval(timer);
    this.timers = [];
  }

  /** A viewer opened a session; the returned function closes it (the tab went away). */
  view(sessionId: number, viewer: Viewer): () => void {
    const key = `${sessionId}:${viewer.userId}`;
    const entry = this.local.get(key) ?? { sessionId, ...viewer, expiresAt: Number.POSITIVE_INFINITY, replyingUntil: 0, streams: 0 };
    entry.streams += 1;
    this.local.set(key, entry);
    if (entry.streams === 1) this.announce(entry, "viewing");
    this.sweep();
    let open = true;
    return () => {
      if (!open) return;
      open = false;
      entry.streams -= 1;
      if (entry.streams > 0) return;
      this.local.delete(key);
      this.announce(entry, "left");
      this.sweep();
    };
  }

  /** The viewer is typing a reply in the session ("Sara is replying…" for the others). */
  replying(sessionId: number, viewer: Viewer): void {
    const entry = this.local.get(`${sessionId}:${viewer.userId}`) ?? { sessionId, ...viewer, expiresAt: this.clock() + this.timings.ttlMs, replyingUntil: 0, streams: 0 };
    entry.replyingUntil = this.clock() + this.timings.replyingMs;
    if (entry.streams === 0) this.remote.set(`${this.instance}:${sessionId}:${viewer.userId}`, entry);
    this.announce(entry, "replying");
    this.sweep();
  }

  /** Everyone on the session, once each (the same person in two tabs or on two instances is one). */
  viewersOf(sessionId: number): Presence[] {
    const now = this.clock();
    const people = new Map<number, Presence>();
    for (const seen of [...this.local.values(), ...this.remote.values()]) {
      if (seen.sessionId !== sessionId || seen.expiresAt <= now) continue;
      const replying = seen.replyingUntil > now || (people.get(seen.userId)?.replying ?? false);
      people.set(seen.userId, { userId: seen.userId, name: seen.name, replying });
    }
    return [...people.values()].sort((a, b) => a.userId - b.userId);
  }

  /** Tells `notify` who is on these sessions now, and again whenever that changes. */
  watch(sessionIds: number[], notify: (snapshot: Record<number, Presence[]>) => void): () => void {
    const watcher = { sessions: new Set(sessionIds), last: "", notify };
    this.watchers.add(watcher);
    this.tell(watcher);
    return () => this.watchers.delete(watcher);
  }

  private hear(event: PresenceEvent): void {
    const key = `${event.instance}:${event.sessionId}:${event.userId}`;
    if (event.state === "left") this.remote.delete(key);
    else {
      const now = this.clock();
      const known = this.remote.get(key);
      this.remote.set(key, {
        sessionId: event.sessionId,
        userId: event.userId,
        name: event.name,
        expiresAt: now + this.timings.ttlMs,
        replyingUntil: event.state === "replying" ? now + this.timings.replyingMs : (known?.replyingUntil ?? 0),
      });
    }
    this.sweep();
  }

  private announce(entry: Seen, state: PresenceEvent["state"]): void {
    const event: PresenceEvent = { type: "presence", sessionId: entry.sessionId, userId: entry.userId, name: entry.name, state, instance: this.instance };
    this.bus.publish(event).catch((error: unknown) => console.error("presence not announced", error));
  }

  private refresh(): void {
    for (const entry of this.local.values()) this.announce(entry, entry.replyingUntil > this.clock() ? "replying" : "viewing");
  }

  /** Forgets the expired, and tells each watcher what changed for its sessions. */
  sweep(): void {
    const now = this.clock();
    for (const [key, seen] of this.remote) if (seen.expiresAt <= now) this.remote.delete(key);
    for (const watcher of this.watchers) this.tell(watcher);
  }

  private tell(watcher: { sessions: Set<number>; last: string; notify: (snapshot: Record<number, Presence[]>) => void }): void {
    const snapshot = Object.fromEntries([...watcher.sessions].map((id) => [id, this.viewersOf(id)]));
    const text = JSON.stringify(snapshot);
    if (text === watcher.last) return;
    watcher.last = text;
    watcher.notify(snapshot);
  }
}
