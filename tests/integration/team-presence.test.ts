import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { PresenceHub, type Presence } from "@/lib/presence/presence-hub";
import type { ChatEvent } from "@/lib/realtime/events";
import { PostgresBus } from "@/lib/realtime/postgres-bus";

/** A bus in memory: what one hub publishes every subscriber hears, as LISTEN/NOTIFY delivers it. */
function memoryBus() {
  const emitter = new EventEmitter();
  return {
    subscribe: (listener: (event: ChatEvent) => void) => {
      emitter.on("event", listener);
      return () => emitter.off("event", listener);
    },
    publish: async (event: ChatEvent) => void emitter.emit("event", event),
  };
}

const TIMINGS = { ttlMs: 30_000, refreshMs: 10_000, replyingMs: 8_000, sweepMs: 60_000 };
const sara = { userId: 7, name: "Sara" };
const omar = { userId: 8, name: "Omar" };
const cleanups: (() => unknown)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

describe("presence (issue 20)", () => {
  it("a viewer on another instance is seen, replies show for 8 s, a closed tab goes at once, a silent instance within 30 s", async () => {
    let now = 1_000_000;
    const clock = () => now;
    const bus = memoryBus();
    const a = new PresenceHub(bus, "a", clock, TIMINGS).start();
    const b = new PresenceHub(bus, "b", clock, TIMINGS).start();
    cleanups.push(() => a.stop(), () => b.stop());
    const seenOnB: Record<number, Presence[]>[] = [];
    const unwatch = b.watch([1], (snapshot) => seenOnB.push(snapshot));

    const leave = a.view(1, sara);
    const again = a.view(1, sara); // a second tab of the same person
    b.view(1, omar);
    expect(b.viewersOf(1)).toEqual([{ ...sara, replying: false }, { ...omar, replying: false }]);
    expect(a.viewersOf(1)).toEqual(b.viewersOf(1));

    a.replying(1, sara);
    expect(b.viewersOf(1)).toContainEqual({ ...sara, replying: true });
    now += 8_001;
    b.sweep();
    expect(b.viewersOf(1)).toContainEqual({ ...sara, replying: false });

    leave();
    expect(b.viewersOf(1).map((p) => p.userId)).toEqual([7, 8]); // her other tab is open
    again();
    expect(b.viewersOf(1).map((p) => p.userId)).toEqual([8]);

    // Instance A dies with Sara looking: no "left" ever comes; B forgets her 30 s after A's last word.
    a.view(2, sara);
    a.stop();
    now += 29_000;
    expect(b.viewersOf(2).map((p) => p.userId)).toEqual([7]);
    now += 1_001;
    b.sweep();
    expect(b.viewersOf(2)).toEqual([]);
    unwatch();
    expect(seenOnB.at(-1)).toEqual({ 1: [{ ...omar, replying: false }] });
    expect(seenOnB.length).toBeGreaterThanOrEqual(4);
  });

  it("an instance repeats its viewers every 10 s, so a live one is never forgotten", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval", "Date"] });
    cleanups.push(() => vi.useRealTimers());
    const bus = memoryBus();
    const a = new PresenceHub(bus, "a", Date.now, { ...TIMINGS, sweepMs: 2_000 }).start();
    const b = new PresenceHub(bus, "b", Date.now, { ...TIMINGS, sweepMs: 2_000 }).start();
    cleanups.push(() => a.stop(), () => b.stop());
    a.view(3, sara);
    await vi.advanceTimersByTimeAsync(95_000);
    expect(b.viewersOf(3)).toEqual([{ ...sara, replying: false }]);
  });

  it("two instances over PostgreSQL's LISTEN/NOTIFY: looking, replying and leaving travel between them", async () => {
    const busA = new PostgresBus();
    const busB = new PostgresBus();
    await Promise.all([busA.ready(), busB.ready()]);
    const a = new PresenceHub(busA, "pg-a").start();
    const b = new PresenceHub(busB, "pg-b").start();
    cleanups.push(() => a.stop(), () => b.stop(), () => busA.close(), () => busB.close());
    const leave = a.view(42, sara);
    await vi.waitFor(() => expect(b.viewersOf(42)).toEqual([{ ...sara, replying: false }]));
    a.replying(42, sara);
    await vi.waitFor(() => expect(b.viewersOf(42)).toEqual([{ ...sara, replying: true }]));
    leave();
    await vi.waitFor(() => expect(b.viewersOf(42)).toEqual([]));
  });
});
