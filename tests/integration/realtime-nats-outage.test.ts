import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sendAsParticipant } from "@/lib/participant-chat/send-message";
import { readiness } from "@/lib/observability/readiness";
import { busHealth, type EventBus } from "@/lib/realtime/bus";
import { NatsBus } from "@/lib/realtime/nats-bus";
import { eventStream } from "@/lib/realtime/sse";
import { createSessionFixture, resetDatabase } from "../support/fixtures";
import { startOwnNatsServer, type OwnNatsServer } from "../support/nats-server";
import { SseReader } from "../support/sse-client";

// A NATS server of this test's own, which it kills and starts again on the same port.
let nats: OwnNatsServer;
beforeAll(async () => {
  nats = await startOwnNatsServer();
});
afterAll(async () => {
  await nats?.remove();
});

async function until(check: () => boolean, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const globalForBus = globalThis as unknown as { chatEventBus?: EventBus };

describe("a NATS outage", () => {
  it("degrades live updates to reads of the log (sends keep working, no errors), shows in the bus's health and in readiness as degraded (still ready), recovers by itself, and then ends a stream whose token was revoked meanwhile", async () => {
    await resetDatabase();
    const { session, customer, vendor } = await createSessionFixture();
    const bus = new NatsBus([nats.url], { namespace: "outage", reconcileMs: 200 });
    globalForBus.chatEventBus = bus;
    const errors = vi.spyOn(console, "error");
    const leave = new AbortController();
    try {
      await bus.ready();
      expect(await busHealth(bus)).toEqual({ kind: "nats", listening: true });
      expect(await readiness()).toEqual({ ready: true });
      const vendorStream = new SseReader(new Response(eventStream({ userId: vendor.id, staff: false }, null, leave.signal)));
      const staffStream = new SseReader(new Response(eventStream({ userId: 1, staff: true }, null, leave.signal)));
      // A customer's app stream whose token gets revoked while NATS is down: the `revoked` event is lost.
      let tokenRevoked = false;
      const customerStream = new SseReader(new Response(eventStream({ userId: customer.id, staff: false }, null, leave.signal, async () => tokenRevoked)));
      let customerStreamEnded = false;
      void customerStream.done.then(() => (customerStreamEnded = true));
      await new Promise((resolve) => setTimeout(resolve, 400)); // streams and the reconciler have their starting points
      const ofMessage = (id: number) => (event: { event: string; data: string }) => event.event === "message" && (JSON.parse(event.data) as { messageId: number }).messageId === id;

      const before = await sendAsParticipant(customer.id, session.id, "NATS is up");
      await vendorStream.waitFor(ofMessage(before.id));

      await nats.stop();
      await until(() => !bus.listening);
      expect(await busHealth(bus, 200)).toEqual({ kind: "nats", listening: false });
      // Every instance is in the same state and still serves: /readyz stays 200, saying degraded.
      expect(await readiness()).toEqual({ ready: true, degraded: "bus_not_listening" });
      // Sends go on; both streams still hear, from the log.
      const during = await sendAsParticipant(customer.id, session.id, "NATS is down");
      const reply = await sendAsParticipant(vendor.id, session.id, "still here");
      for (const id of [during.id, reply.id]) {
        await vendorStream.waitFor(ofMessage(id));
        await staffStream.waitFor(ofMessage(id));
      }
      tokenRevoked = true;
      await expect(bus.publish({ type: "revoked", userId: customer.id })).rejects.toThrow(/not connected/);
      expect(customerStreamEnded).toBe(false);

      await nats.start();
      await until(() => bus.listening);
      expect(await busHealth(bus)).toEqual({ kind: "nats", listening: true });
      expect(await readiness()).toEqual({ ready: true });
      // On reattaching, every stream asks again whether it should end: the revoked token's does.
      await until(() => customerStreamEnded);
      const after = await sendAsParticipant(customer.id, session.id, "NATS is back");
      await vendorStream.waitFor(ofMessage(after.id));
      await staffStream.waitFor(ofMessage(after.id));

      await new Promise((resolve) => setTimeout(resolve, 600)); // nothing arrives twice, late
      const messagesOf = (reader: SseReader) => reader.events.filter((event) => event.event === "message").map((event) => (JSON.parse(event.data) as { messageId: number }).messageId);
      expect(messagesOf(vendorStream)).toEqual([before.id, during.id, reply.id, after.id]);
      expect(messagesOf(staffStream)).toEqual([before.id, during.id, reply.id, after.id]);
      expect(errors.mock.calls.filter(([what]) => typeof what === "string" && what.startsWith("live update"))).toEqual([]);
    } finally {
      leave.abort();
      errors.mockRestore();
      globalForBus.chatEventBus = undefined;
      await bus.close();
    }
  }, 60_000);
});
