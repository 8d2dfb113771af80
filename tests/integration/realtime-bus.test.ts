import pg from "pg";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { EventBus } from "@/lib/realtime/bus";
import { coalesce } from "@/lib/realtime/coalesce";
import type { ChatEvent } from "@/lib/realtime/events";
import { NatsBus } from "@/lib/realtime/nats-bus";
import { PostgresBus } from "@/lib/realtime/postgres-bus";
import { eventStream } from "@/lib/realtime/sse";
import { recordSessionsChanged } from "@/lib/realtime/session-events";
import { sendAsParticipant } from "@/lib/participant-chat/send-message";
import { registerNotificationChannel, type NewMessageNotice } from "@/lib/notifications/delivery";
import { addMessage } from "@/lib/chat-sessions/messages/add-message";
import { createSessionFixture, createUser, resetDatabase } from "../support/fixtures";
import { NATS_URL, requireNats } from "../support/nats-server";
import { SseReader } from "../support/sse-client";

const url = process.env.DATABASE_URL!;
// This run's own stream on the shared NATS: other runs' announcements never reach it.
const namespace = `test${process.pid}x${Date.now()}`;
type Kind = "postgres" | "nats";
const buses: EventBus[] = [];
const bus = (kind: Kind) => {
  const created = kind === "nats" ? new NatsBus([NATS_URL], { namespace, reconcileMs: 200 }) : new PostgresBus(() => url);
  buses.push(created);
  return created;
};
const globalForBus = globalThis as unknown as { chatEventBus?: EventBus };
afterEach(async () => {
  globalForBus.chatEventBus = undefined;
  await Promise.all(buses.splice(0).map((b) => b.close()));
});

const message = (messageId: number): ChatEvent => ({ type: "message", sessionId: 1, messageId, senderId: 2, participants: [2, 3], notification: { id: messageId, userId: 3 }, events: [[2, messageId], [3, messageId]] });

function collect(target: EventBus) {
  const seen: ChatEvent[] = [];
  target.subscribe((event) => seen.push(event));
  return seen;
}

async function until(check: () => boolean, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Streams of this process's hub, on the given bus (the app's bus for the test's length). */
function openStreams(target: EventBus, viewers: Record<string, { userId: number; staff: boolean }>) {
  globalForBus.chatEventBus = target;
  const leave = new AbortController();
  const readers = Object.fromEntries(Object.entries(viewers).map(([name, viewer]) => [name, new SseReader(new Response(eventStream(viewer, null, leave.signal)))]));
  return { readers, close: () => leave.abort() };
}

// The contract every bus keeps, run against each.
describe.each<Kind>(["postgres", "nats"])("the %s bus", (kind) => {
  beforeAll(async () => {
    if (kind === "nats") await requireNats();
  });
  it("two instances: what one publishes, both hear (ids only), a burst of 1,000 complete and in order", async () => {
    const a = bus(kind);
    const b = bus(kind);
    const seenA = collect(a);
    const seenB = collect(b);
    await Promise.all([a.ready(), b.ready()]);
    // Every publish answered (a failed one fails the test here, never later as an unhandled rejection).
    await Promise.all(Array.from({ length: 1000 }, (_, i) => a.publish(message(i + 1))));
    await until(() => seenA.length === 1000 && seenB.length === 1000);
    const ids = (seen: ChatEvent[]) => seen.map((e) => (e.type === "message" ? e.messageId : 0));
    expect(ids(seenB)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(ids(seenA)).toEqual(ids(seenB));
    expect(seenB[0]).toEqual(message(1));
    expect([a.listening, b.listening]).toEqual([true, true]);
  });

  it("a token revocation (the app's sign-out) and a settings change reach every instance, the publisher's too", async () => {
    const instances = [bus(kind), bus(kind), bus(kind)];
    const seen = instances.map(collect);
    await Promise.all(instances.map((i) => i.ready()));
    await instances[1]!.publish({ type: "revoked", userId: 42 });
    await instances[2]!.publish({ type: "settings" });
    await until(() => seen.every((events) => events.length === 2));
    for (const events of seen) expect(events).toEqual([{ type: "revoked", userId: 42 }, { type: "settings" }]);
  });

  it("staff streams coalesce bursts: 1,000 messages published on one instance are one refresh on another", async () => {
    const a = bus(kind);
    const b = bus(kind);
    let refreshes = 0;
    // The admin screens' refresh (components/realtime/live-refresh.tsx), here at most once a minute.
    const refresh = coalesce(() => (refreshes += 1), 60_000);
    let heard = 0;
    b.subscribe(() => (heard += 1, refresh.ask()));
    await Promise.all([a.ready(), b.ready()]);
    await Promise.all(Array.from({ length: 1000 }, (_, i) => a.publish(message(i + 1))));
    await until(() => heard === 1000);
    await until(() => refreshes === 1);
    refresh.cancel();
    expect({ heard, refreshes }).toEqual({ heard: 1000, refreshes: 1 });
  });

  it("each event reaches exactly the streams allowed to see it, once, in order per user", async () => {
    await resetDatabase();
    const { session, customer, vendor } = await createSessionFixture();
    const other = await createSessionFixture();
    const instance = bus(kind);
    await instance.ready();
    const { readers, close } = openStreams(instance, {
      customer: { userId: customer.id, staff: false },
      vendor: { userId: vendor.id, staff: false },
      outsider: { userId: other.customer.id, staff: false },
      staff: { userId: 1, staff: true },
    });
    try {
      await new Promise((resolve) => setTimeout(resolve, 200)); // each stream has read where it starts
      // Sends both ways at once (batched into shared statements), a panel message, a read receipt.
      const sent = (await Promise.all(Array.from({ length: 30 }, (_, i) => sendAsParticipant(i % 2 ? vendor.id : customer.id, session.id, `m${i}`)))).map((m) => m.id);
      sent.push((await addMessage({ sessionId: session.id, senderId: customer.id, body: "from the panel" }, await createUser("support"))).id);
      await recordSessionsChanged("read", [{ id: session.id, customerId: customer.id, vendorId: vendor.id }]);
      for (const name of ["customer", "vendor"] as const) {
        const user = name === "customer" ? customer : vendor;
        const logged = await db.userEvent.findMany({ where: { userId: user.id }, orderBy: { id: "asc" }, select: { id: true, kind: true } });
        expect(logged).toHaveLength(32);
        await readers[name]!.waitFor(() => readers[name]!.events.length >= 32);
        expect(readers[name]!.events.map((event) => [event.event, Number(event.id)])).toEqual(logged.map((event) => [event.kind, event.id]));
      }
      await readers.staff!.waitFor(() => readers.staff!.events.length >= 32);
      const staffMessages = readers.staff!.events.filter((event) => event.event === "message").map((event) => (JSON.parse(event.data) as { messageId: number }).messageId);
      expect(staffMessages.toSorted((x, y) => x - y)).toEqual(sent.toSorted((x, y) => x - y));
      expect(readers.staff!.events.filter((event) => event.event === "read")).toHaveLength(1);
      // Nothing more arrives late, and nothing ever reached the other session's customer.
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect([readers.customer!.events.length, readers.vendor!.events.length, readers.staff!.events.length, readers.outsider!.events.length]).toEqual([32, 32, 32, 0]);
    } finally {
      close();
    }
  });
});

describe("the LISTEN/NOTIFY bus", () => {
  it("a listener whose connection is killed reconnects and hears again", async () => {
    const a = bus("postgres");
    const b = bus("postgres");
    const seenB = collect(b);
    await b.ready();
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'realtime-listener' AND datname = current_database() AND pid <> pg_backend_pid()");
    await admin.end();
    // Keep publishing until the replaced listener hears one.
    let n = 0;
    await until(() => {
      void a.publish(message(++n)).catch(() => {});
      return seenB.length > 0;
    }, 10_000);
    expect(seenB.at(-1)?.type).toBe("message");
  });

  it("FLOW-1 push seam: a new message's notification reaches a registered channel once, after commit", async () => {
    await resetDatabase();
    const { session } = await createSessionFixture();
    const notices: NewMessageNotice[] = [];
    const unregister = registerNotificationChannel({ name: "test", deliver: async (notice) => void notices.push(notice) });
    try {
      const sent = await addMessage({ sessionId: session.id, senderId: session.customerId, body: "Is it in stock?" }, await createUser("support"));
      await until(() => notices.length === 1);
      expect(notices).toEqual([{ notificationId: expect.any(Number), userId: session.vendorId, sessionId: session.id, messageId: sent.id, senderId: session.customerId }]);
    } finally {
      unregister();
    }
  });

  it("a user's event ids are drawn in commit order, so replay after Last-Event-ID never skips a late commit", async () => {
    await resetDatabase();
    const { session, vendor } = await createSessionFixture();
    const message = await addMessage({ sessionId: session.id, senderId: session.customerId, body: "q" }, await createUser("support"));
    const first = new pg.Client({ connectionString: url });
    const second = new pg.Client({ connectionString: url });
    await Promise.all([first.connect(), second.connect()]);
    try {
      const insert = (client: pg.Client) =>
        client.query<{ id: number }>("INSERT INTO user_events (user_id, kind, session_id, message_id) VALUES ($1, 'message', $2, $3) RETURNING id", [vendor.id, session.id, message.id]);
      await first.query("BEGIN");
      const early = (await insert(first)).rows[0]!.id;
      let secondDone = false;
      const late = insert(second).then((result) => {
        secondDone = true;
        return result.rows[0]!.id;
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(secondDone).toBe(false); // waits for the first writer to the same recipient
      await first.query("COMMIT");
      expect(await late).toBeGreaterThan(early);
    } finally {
      await Promise.all([first.end(), second.end()]);
    }
  });
});

describe("the NATS bus", () => {
  beforeAll(requireNats);
  it("a message committed but never published (its writer crashed) reaches the participants' and staff streams from the log", async () => {
    await resetDatabase();
    const { session, customer, vendor } = await createSessionFixture();
    const instance = bus("nats");
    await instance.ready();
    const { readers, close } = openStreams(instance, { vendor: { userId: vendor.id, staff: false }, staff: { userId: 1, staff: true } });
    try {
      await new Promise((resolve) => setTimeout(resolve, 400)); // the reconciler has its mark
      // What the send statement commits, and then nothing: no publish.
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      const { rows } = await client.query<{ id: number }>(
        `WITH m AS (INSERT INTO chat_messages (session_id, sender_id, body) VALUES ($1, $2, 'lost?') RETURNING id)
         INSERT INTO user_events (user_id, kind, session_id, message_id, sender_id) SELECT u, 'message', $1, m.id, $2 FROM m, unnest(ARRAY[$2, $3]::int[]) AS u ORDER BY u RETURNING message_id AS id`,
        [session.id, customer.id, vendor.id],
      );
      await client.end();
      const messageId = rows[0]!.id;
      const ofMessage = (event: { event: string; data: string }) => event.event === "message" && (JSON.parse(event.data) as { messageId: number }).messageId === messageId;
      await readers.vendor!.waitFor(ofMessage);
      await readers.staff!.waitFor(ofMessage);
      await new Promise((resolve) => setTimeout(resolve, 600));
      expect([readers.vendor!.events.length, readers.staff!.events.length]).toEqual([1, 1]);
    } finally {
      close();
    }
  });
});
