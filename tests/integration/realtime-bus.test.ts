import pg from "pg";
import { afterEach, describe, expect, it } from "vitest";
import { EventBus } from "@/lib/realtime/bus";
import type { ChatEvent } from "@/lib/realtime/events";
import { registerNotificationChannel, type NewMessageNotice } from "@/lib/notifications/delivery";
import { addMessage } from "@/lib/messages/add-message";
import { createSessionFixture, createUser, resetDatabase } from "../support/fixtures";

const url = process.env.DATABASE_URL!;
const buses: EventBus[] = [];
const bus = () => {
  const created = new EventBus(() => url);
  buses.push(created);
  return created;
};
afterEach(async () => {
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

describe("the realtime bus", () => {
  it("two instances on one PostgreSQL: what one publishes, both hear (ids only), a burst of 1,000 complete and in order", async () => {
    const a = bus();
    const b = bus();
    const seenA = collect(a);
    const seenB = collect(b);
    await Promise.all([a.ready(), b.ready()]);
    for (let i = 1; i <= 1000; i += 1) void a.publish(message(i));
    await until(() => seenA.length === 1000 && seenB.length === 1000);
    const ids = (seen: ChatEvent[]) => seen.map((e) => (e.type === "message" ? e.messageId : 0));
    expect(ids(seenB)).toEqual(Array.from({ length: 1000 }, (_, i) => i + 1));
    expect(ids(seenA)).toEqual(ids(seenB));
    expect(seenB[0]).toEqual(message(1));
  });

  it("a listener whose connection is killed reconnects and hears again", async () => {
    const a = bus();
    const b = bus();
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
