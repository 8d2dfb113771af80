import "server-only";
import { dbPool } from "@/lib/db";
import type { ChatEvent } from "./events";
import { present } from "@/lib/present";

/** Runs one of the reconciler's three reads (`which` says which: a fake log in tests answers by it). */
export type LogQuery = <T>(which: "newest" | "since" | "details", text: string, values: unknown[]) => Promise<T[]>;

// Unnamed statements, like every query on the pool (README: "The pooled-connection rule").
const queryThroughPool: LogQuery = async <T>(_which: string, text: string, values: unknown[]) => (await dbPool().query(text, values)).rows as T[];

type Row = { id: number; userId: number; kind: "message" | "read" | "session"; sessionId: number; messageId: number | null; senderId: number | null; tx: string };

// The rows one transaction wrote for one change (both participants of a message or of a session
// change) are one event, as their writer announced it.
const DETAILS = `SELECT id, user_id AS "userId", kind, session_id AS "sessionId", message_id AS "messageId", sender_id AS "senderId", xmin::text AS tx
                   FROM user_events WHERE id = ANY($1::int[]) ORDER BY id`;
const SINCE = `SELECT id FROM user_events WHERE id > $1 ORDER BY id LIMIT $2`;
const NEWEST = `SELECT coalesce(max(id), 0)::int AS id FROM user_events`;
const SCAN_LIMIT = 100_000;

type LoggedEvent = Extract<ChatEvent, { events: unknown }>;

function eventsOf(rows: Row[]): LoggedEvent[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.tx}:${row.kind}:${row.sessionId}:${row.messageId ?? ""}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((group) => {
    const { kind, sessionId, messageId, senderId } = present(group[0], "a group's first event");
    const participants = group.map((row) => row.userId);
    const events = group.map((row): [number, number] => [row.userId, row.id]);
    return kind === "message"
      ? { type: "message", sessionId, messageId: present(messageId, "a message event's message"), senderId: present(senderId, "a message event's sender"), participants, notification: null, events }
      : { type: kind, sessionId, participants, events };
  });
}

/**
 * The event log (user_events) as the bus's outbox, on a bus whose writers publish after commit
 * (NATS). Every instance with subscribers keeps, past a high-water mark, the ids of the logged
 * events it has heard announced; once a second it lists the log's ids past that mark, and an id
 * it has not heard on two looks running (so at least one interval after its commit) is announced
 * to its own subscribers from the log. A crash between a commit and its publish, a publish that
 * failed, or a bus that is down (then every unheard id at once, on each look) costs a second or
 * two of latency, never the event. Each instance closes its own gaps, so nothing is published
 * twice; the mark trails the newest id by `lookbackTicks` looks, so a transaction that drew its id
 * before a later one committed (ids are in commit order per user, not across users) is still seen.
 * Ids going back (a database restored or recreated under running instances) start it afresh.
 */
export class LogReconciler {
  /** Log ids past the mark that reached this instance's subscribers, from the bus or from here. */
  private readonly heard = new Set<number>();
  /** Those of them announced from here: the bus's late copy of one of these is dropped. */
  private readonly relayed = new Set<number>();
  private suspects = new Set<number>();
  private floor: number | null = null;
  private readonly newestByTick: number[] = [];
  private timer: ReturnType<typeof setInterval> | undefined;
  private running: Promise<void> | null = null;
  /** Bumped by stop(): a look that was under way then changes nothing. */
  private generation = 0;

  constructor(
    private readonly announce: (event: ChatEvent) => void,
    /** Whether announcements are arriving now: when not, nothing unheard is waited for. */
    private readonly busListening: () => boolean,
    private readonly query: LogQuery = queryThroughPool,
    private readonly intervalMs = 1000,
    private readonly lookbackTicks = 5,
  ) {}

  start(): void {
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), this.intervalMs);
    this.timer.unref?.();
    void this.tick();
  }

  /** Stops looking and forgets the mark: a later start begins from the log's newest id then. */
  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.generation += 1;
    this.forget(null);
  }

  /**
   * An announcement arrived from the bus: whether to hand it on. Its log ids are heard; it is
   * dropped only when every one of them was announced from here already (the bus was late).
   */
  admit(event: ChatEvent): boolean {
    if (!("events" in event) || event.events.length === 0) return true;
    const late = event.events.every(([, id]) => this.relayed.has(id));
    for (const [, id] of event.events) this.heard.add(id);
    return !late;
  }

  /** One look at the log; a look asked for while one runs is that one. */
  tick(): Promise<void> {
    this.running ??= this.look()
      .catch((error: unknown) => console.error("event log not reconciled", error))
      .finally(() => (this.running = null));
    return this.running;
  }

  private forget(floor: number | null) {
    this.floor = floor;
    this.heard.clear();
    this.relayed.clear();
    this.suspects.clear();
    this.newestByTick.length = 0;
  }

  private async look(): Promise<void> {
    const generation = this.generation;
    const newest = present((await this.query<{ id: number }>("newest", NEWEST, []))[0], "the log's newest id").id;
    if (generation !== this.generation) return;
    // First look, or the log's ids went back (a database restored or recreated): start from here.
    if (this.floor === null || newest < this.floor) return this.forget(newest);
    const floor = this.floor;
    const waitForAnnouncements = this.busListening();
    const ids = await this.query<{ id: number }>("since", SINCE, [floor, SCAN_LIMIT]);
    if (generation !== this.generation) return;
    const due: number[] = [];
    const suspects = new Set<number>();
    for (const { id } of ids) {
      if (this.heard.has(id)) continue;
      if (!waitForAnnouncements || this.suspects.has(id)) due.push(id);
      else suspects.add(id);
    }
    this.suspects = suspects;
    if (due.length > 0) {
      const rows = await this.query<Row>("details", DETAILS, [due]);
      if (generation !== this.generation) return;
      for (const event of eventsOf(rows)) {
        for (const [, id] of event.events) {
          this.heard.add(id);
          this.relayed.add(id);
        }
        this.announce(event);
      }
    }
    this.newestByTick.push(ids.at(-1)?.id ?? this.newestByTick.at(-1) ?? floor);
    if (this.newestByTick.length > this.lookbackTicks) this.floor = Math.max(floor, this.newestByTick.shift() ?? floor);
    for (const id of this.heard) {
      if (id > this.floor) continue;
      this.heard.delete(id);
      this.relayed.delete(id);
    }
  }
}
