import { describe, expect, it } from "vitest";
import { ParticipantStream } from "@/lib/realtime/participant-stream";
import type { LoggedOutgoing, Outgoing } from "@/lib/realtime/sse-frames";

// A participant's stream against an event log in memory: reads can be held open, to see what the
// stream does while one is on its way.
function harness({ pageSize = 1000, prunedThrough = 0, inOrder = true } = {}) {
  const log: LoggedOutgoing[] = [];
  const sent: Outgoing[] = [];
  const held: (() => void)[] = [];
  const failures: unknown[] = [];
  let holdReads = false;
  let failNextRead = false;
  let reads = 0;
  const stream = new ParticipantStream({
    log: {
      pageSize,
      newestId: async () => log.at(-1)?.id ?? 0,
      prunedThrough: async () => prunedThrough,
      read: async (afterId) => {
        reads += 1;
        if (holdReads) await new Promise<void>((resolve) => held.push(resolve));
        if (failNextRead) {
          failNextRead = false;
          throw new Error("connection lost");
        }
        return log.filter((event) => event.id > afterId).slice(0, pageSize);
      },
    },
    emit: (out) => sent.push(out),
    announcedInOrder: () => inOrder,
    readFailed: (error) => failures.push(error),
  });
  const event = (id: number): LoggedOutgoing => ({ event: "message", id, data: { sessionId: 1, messageId: id, senderId: 2 } });
  return {
    stream,
    sent,
    failures,
    /** Writes an event to the log (as a writer's transaction does) and returns it, to announce. */
    append(id: number) {
      const logged = event(id);
      log.push(logged);
      return logged;
    },
    ids: () => sent.map((out) => out.id ?? out.event),
    reads: () => reads,
    hold(yes: boolean) {
      holdReads = yes;
    },
    failNextRead() {
      failNextRead = true;
    },
    /** Lets every held read finish, and waits until the stream has caught up. */
    async release() {
      holdReads = false;
      for (const resolve of held.splice(0)) resolve();
      await stream.settled();
    },
  };
}

describe("a participant's event stream (no database)", () => {
  it("sends announced events in id order, each once, without reading when each is the next one", async () => {
    const h = harness();
    h.append(1);
    await h.stream.start(null);
    await h.stream.settled();
    const readsAfterStart = h.reads();
    for (const id of [2, 3, 4]) h.stream.announced(h.append(id));
    h.stream.announced(h.append(5));
    h.stream.announced({ ...h.append(6) });
    h.stream.announced({ event: "message", id: 5, data: {} }); // announced twice
    expect(h.ids()).toEqual([2, 3, 4, 5, 6]);
    expect(h.reads()).toBe(readsAfterStart);
  });

  it("reads the log when announcements may come out of order, and still sends in id order", async () => {
    const h = harness({ inOrder: false });
    await h.stream.start(null);
    h.append(1);
    const second = h.append(2);
    h.stream.announced(second); // the second arrives first: the stream reads and finds both
    await h.stream.settled();
    h.stream.announced({ event: "message", id: 1, data: {} });
    await h.stream.settled();
    expect(h.ids()).toEqual([1, 2]);
  });

  it("replays exactly what was missed after a reconnect with Last-Event-ID, then follows live", async () => {
    const h = harness();
    for (const id of [1, 2, 3, 4, 5]) h.append(id);
    await h.stream.start(3);
    await h.stream.settled();
    h.stream.announced(h.append(6));
    expect(h.ids()).toEqual([4, 5, 6]);
  });

  it("replays more than a page, page after page", async () => {
    const h = harness({ pageSize: 2 });
    for (const id of [1, 2, 3, 4, 5]) h.append(id);
    await h.stream.start(0);
    await h.stream.settled();
    expect(h.ids()).toEqual([1, 2, 3, 4, 5]);
  });

  it("tells a client resuming from before the pruned horizon to resync, then sends what is left", async () => {
    const h = harness({ prunedThrough: 10 });
    for (const id of [11, 12]) h.append(id);
    await h.stream.start(4);
    await h.stream.settled();
    expect(h.ids()).toEqual(["resync", 11, 12]);
  });

  it("does not resync a client resuming from within what the log keeps", async () => {
    const h = harness({ prunedThrough: 10 });
    for (const id of [11, 12]) h.append(id);
    await h.stream.start(11);
    await h.stream.settled();
    expect(h.ids()).toEqual([12]);
  });

  it("folds a burst announced during a read into one more read, and sends each event once, in order", async () => {
    const h = harness();
    await h.stream.start(null);
    await h.stream.settled();
    h.hold(true);
    h.stream.readLog(); // a read on its way
    const readsBefore = h.reads();
    for (let id = 1; id <= 50; id++) h.stream.announced(h.append(id));
    expect(h.ids()).toEqual([]); // nothing sent ahead of the pending read
    await h.release();
    expect(h.ids()).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    expect(h.reads() - readsBefore).toBeLessThanOrEqual(2);
  });

  it("after a failed read, reads again on the next announcement rather than trusting it", async () => {
    const h = harness();
    await h.stream.start(null);
    await h.stream.settled();
    h.failNextRead();
    h.append(1);
    h.stream.readLog();
    await h.stream.settled();
    expect(h.failures).toHaveLength(1);
    h.append(2);
    h.stream.announced(h.append(3)); // event 2 was not announced: a trusting stream would skip it
    await h.stream.settled();
    expect(h.ids()).toEqual([1, 2, 3]);
  });

  it("sends nothing and reads no more once the client leaves in the middle of a read", async () => {
    const h = harness();
    await h.stream.start(null);
    await h.stream.settled();
    h.hold(true);
    h.stream.announced({ ...h.append(1) });
    h.stream.readLog();
    h.append(2);
    h.stream.readLog(); // folded into a second read
    h.stream.close();
    const readsAtClose = h.reads();
    await h.release();
    h.stream.announced(h.append(3));
    expect(h.ids()).toEqual([1]);
    expect(h.reads()).toBe(readsAtClose);
  });

  it("a client that leaves before its resume point is known is sent nothing", async () => {
    const h = harness({ prunedThrough: 10 });
    h.append(11);
    const starting = h.stream.start(null);
    h.stream.close();
    await starting;
    h.stream.announced(h.append(12));
    await h.stream.settled();
    expect(h.ids()).toEqual([]);
  });
});
