import { describe, expect, it } from "vitest";
import type { ChatEvent } from "@/lib/realtime/events";
import { LogReconciler, type LogQuery } from "@/lib/realtime/log-reconciler";

type Row = { id: number; userId: number; kind: "message" | "read" | "session"; sessionId: number; messageId: number | null; senderId: number | null; tx: string };

/** An event log in memory, answering the reconciler's three queries. */
function fakeLog() {
  const rows: Row[] = [];
  const query: LogQuery = async <T,>(which: "newest" | "since" | "details", _text: string, values: unknown[]) => {
    if (which === "newest") return [{ id: Math.max(0, ...rows.map((r) => r.id)) }] as T[];
    if (which === "since") return rows.filter((r) => r.id > (values[0] as number)).sort((a, b) => a.id - b.id).map(({ id }) => ({ id })) as T[];
    const wanted = new Set(values[0] as number[]);
    return rows.filter((r) => wanted.has(r.id)).sort((a, b) => a.id - b.id) as T[];
  };
  /** What one send's transaction writes: the message's row in both participants' logs. */
  const commitMessage = (ids: [number, number], messageId: number, tx: string) => {
    rows.push({ id: ids[0], userId: 2, kind: "message", sessionId: 1, messageId, senderId: 2, tx }, { id: ids[1], userId: 3, kind: "message", sessionId: 1, messageId, senderId: 2, tx });
  };
  return { query, commitMessage, recreate: () => (rows.length = 0) };
}

function reconciler(listening: { now: boolean }) {
  const log = fakeLog();
  const announced: ChatEvent[] = [];
  const subject = new LogReconciler((event) => announced.push(event), () => listening.now, log.query, 60_000, 3);
  return { log, announced, subject };
}

const announcementOf = (ids: [number, number], messageId: number): ChatEvent => ({ type: "message", sessionId: 1, messageId, senderId: 2, participants: [2, 3], notification: null, events: [[2, ids[0]], [3, ids[1]]] });

describe("the event log as the NATS bus's outbox (LogReconciler)", () => {
  it("announces a committed event the bus never brought, once, after it stayed unheard for two looks", async () => {
    const { log, announced, subject } = reconciler({ now: true });
    await subject.tick(); // the mark: the log's newest id
    log.commitMessage([1, 2], 10, "100");
    await subject.tick();
    expect(announced).toEqual([]); // its announcement may still be on its way
    await subject.tick();
    expect(announced).toEqual([announcementOf([1, 2], 10)]);
    await subject.tick();
    expect(announced).toHaveLength(1);
  });

  it("leaves alone what the bus brought, and drops the bus's late copy of what it announced itself", async () => {
    const { log, announced, subject } = reconciler({ now: true });
    await subject.tick();
    log.commitMessage([1, 2], 10, "100");
    expect(subject.admit(announcementOf([1, 2], 10))).toBe(true);
    log.commitMessage([3, 4], 11, "101");
    await subject.tick();
    await subject.tick();
    expect(announced).toEqual([announcementOf([3, 4], 11)]);
    expect(subject.admit(announcementOf([3, 4], 11))).toBe(false);
    expect(subject.admit({ type: "revoked", userId: 2 })).toBe(true); // not in the log: always news
  });

  it("still sees an id drawn before a later one but committed after it (ids are in commit order per user only)", async () => {
    const { log, announced, subject } = reconciler({ now: true });
    await subject.tick();
    log.commitMessage([3, 4], 11, "101");
    subject.admit(announcementOf([3, 4], 11)); // the bus brought this one
    await subject.tick();
    log.commitMessage([1, 2], 10, "100"); // lower ids, committed later; never announced
    await subject.tick();
    await subject.tick();
    expect(announced).toEqual([announcementOf([1, 2], 10)]);
  });

  it("while the bus is down, announces every unheard event on the next look", async () => {
    const listening = { now: true };
    const { log, announced, subject } = reconciler(listening);
    await subject.tick();
    listening.now = false;
    log.commitMessage([1, 2], 10, "100");
    await subject.tick();
    expect(announced).toEqual([announcementOf([1, 2], 10)]);
  });

  it("started again after a stop, begins from the log's newest id, not from events of long ago", async () => {
    const { log, announced, subject } = reconciler({ now: false });
    await subject.tick();
    subject.stop();
    log.commitMessage([1, 2], 10, "100"); // while no one was subscribed
    await subject.tick();
    log.commitMessage([3, 4], 11, "101");
    await subject.tick();
    expect(announced).toEqual([announcementOf([3, 4], 11)]);
  });

  it("starts afresh when the log's ids go back (a database recreated under a running instance), and the bus's events still pass", async () => {
    const { log, announced, subject } = reconciler({ now: true });
    await subject.tick();
    log.commitMessage([1, 2], 10, "100");
    expect(subject.admit(announcementOf([1, 2], 10))).toBe(true);
    log.recreate();
    await subject.tick(); // ids went back: the mark follows
    log.commitMessage([1, 2], 20, "200"); // the same ids again, a different message
    expect(subject.admit(announcementOf([1, 2], 20))).toBe(true);
    log.commitMessage([3, 4], 21, "201"); // never announced
    await subject.tick();
    await subject.tick();
    expect(announced).toEqual([announcementOf([3, 4], 21)]);
  });
});
