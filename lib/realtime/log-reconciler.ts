import "server-only";
import { dbPool } from "@/lib/db";
import type { ChatEvent } from "./events";

export type LogQuery = <T>(name: string, text: string, values: unknown[]) => Promise<T[]>;

const queryThroughPool: LogQuery = async <T>(name: string, text: string, values: unknown[]) =>
  (await dbPool().query({ name, text, values })).rows as T[];

type Row = { id: number; userId: number; kind: "message" | "read" | "session"; sessionId: number; messageId: number | null; senderId: number | null; tx: string };

// The rows one transaction wrote for one change (both participants of a message or of a session
// change) are one event, as their writer announced it.
const DETAILS = `SELECT id, user_id AS "userId", kind, session_id AS "sessionId", message_id AS "messageId", sender_id AS "senderId", xmin::text AS tx
                   FROM user_events WHERE id = ANY($1::int[]) ORDER BY id`;
const SINCE = `SELECT id FROM user_events WHERE id > $1 ORDER BY id LIMIT $2`;
const NEWEST = `SELECT coalesce(max(id), 0)::int AS id FROM user_events`;
const SCAN_LIMIT = 100_000;

function eventsOf(rows: Row[]): ChatEvent[] {
  const groups = new Map<string, Row[]>();
  for (const row of rows) {
    const key = `${row.tx}:${row.kind}:${row.sessionId}:${row.messageId ?? ""}`;
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return [...groups.values()].map((group) => {
    const { kind, sessionId, messageId, senderId } = group[0]!;
    const participants = group.map((row) => row.userId);
    const events = group.map((row): [number, number] => [row.userId, row.id]);
    return kind === "message"
      ? { type: "message", sessionId, messageId: messageId!, senderId: senderId!, participants, notification: null, events }
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
 */
export class LogReconciler {
  private readonly heard = new Set<number>();
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
    this.floor = null;
    this.heard.clear();
    this.suspects.clear();
    this.newestByTick.length = 0;
  }

  /** An announcement arrived: whether it is news (false: every one of its log ids was handed on already). */
  admit(event: ChatEvent): boolean {
    if (!("events" in event) || event.events.length === 0) return true;
    let fresh = false;
    for (const [, id] of event.events) {
      if (this.heard.has(id)) continue;
      this.heard.add(id);
      fresh = true;
    }
    return fresh;
  }

  /** One look at the log; a look asked for while one runs is that one. */
  tick(): Promise<void> {
    this.running ??= this.look()
      .catch((error: unknown) => console.error("event log not reconciled", error))
      .finally(() => (this.running = null));
    return this.running;
  }

  private async look(): Promise<void> {
    const generation = this.generation;
    if (this.floor === null) {
      const newest = (await this.query<{ id: number }>("reconcile-newest", NEWEST, []))[0]!.id;
      if (generation === this.generation) this.floor = newest;
      return;
    }
    const waitForAnnouncements = this.busListening();
    const ids = await this.query<{ id: number }>("reconcile-since", SINCE, [this.floor, SCAN_LIMIT]);
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
      const rows = await this.query<Row>("reconcile-details", DETAILS, [due]);
      if (generation !== this.generation) return;
      for (const event of eventsOf(rows)) {
        if (this.admit(event)) this.announce(event);
      }
    }
    this.newestByTick.push(ids.at(-1)?.id ?? this.newestByTick.at(-1) ?? this.floor);
    if (this.newestByTick.length > this.lookbackTicks) this.floor = Math.max(this.floor, this.newestByTick.shift()!);
    for (const id of this.heard) if (id <= this.floor) this.heard.delete(id);
  }
}
