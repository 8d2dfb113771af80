import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getUnreadTotal } from "@/lib/chat-sessions/unread-total";
import { countersFromMessages, createSessionFixture, resetDatabase } from "../support/fixtures";

async function trueUnreadTotal(): Promise<number> {
  return db.chatMessage.count({ where: { readAt: null } });
}

async function expectCountersExact(): Promise<void> {
  const truth = await countersFromMessages();
  const stored = await db.chatSession.findMany({ select: { id: true, messageCount: true, unreadCount: true }, orderBy: { id: "asc" } });
  expect(stored.map((s) => ({ id: s.id, messages: s.messageCount, unread: s.unreadCount }))).toEqual(truth);
  expect(await getUnreadTotal()).toBe(await trueUnreadTotal());
}

describe("counters maintained by the database (messages, unread, last message, NAV-2 badge)", () => {
  beforeEach(resetDatabase);

  it("NAV-2 counts a new unread message, a read one, and moves the last-message time forward", async () => {
    const { session, customer, vendor } = await createSessionFixture();
    const sentAt = new Date(Date.now() + 60_000);
    await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "hello", createdAt: sentAt } });
    await db.chatMessage.create({ data: { sessionId: session.id, senderId: vendor.id, body: "hi", readAt: new Date(), createdAt: new Date(sentAt.getTime() - 1000) } });
    const after = await db.chatSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.messageCount).toBe(2);
    expect(after.unreadCount).toBe(1);
    expect(after.lastMessageAt.toISOString()).toBe(sentAt.toISOString());
    expect(await getUnreadTotal()).toBe(1);
  });

  it("marking read lowers unread and the badge; deleting the newest message moves the last-message time back", async () => {
    const { session, customer } = await createSessionFixture();
    const older = await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "1", createdAt: new Date(Date.now() + 1000) } });
    const newer = await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "2", createdAt: new Date(Date.now() + 2000) } });
    expect(await getUnreadTotal()).toBe(2);
    await db.chatMessage.updateMany({ where: { id: older.id }, data: { readAt: new Date() } });
    expect(await getUnreadTotal()).toBe(1);
    await db.chatMessage.delete({ where: { id: newer.id } });
    const after = await db.chatSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after.lastMessageAt.toISOString()).toBe(older.createdAt.toISOString());
    expect(after.messageCount).toBe(1);
    expect(await getUnreadTotal()).toBe(0);
  });

  it("deleting a session deletes its messages in one statement and takes its unread out of the badge", async () => {
    const kept = await createSessionFixture();
    const removed = await createSessionFixture();
    await db.chatMessage.createMany({
      data: [
        { sessionId: kept.session.id, senderId: kept.customer.id, body: "keep" },
        { sessionId: removed.session.id, senderId: removed.customer.id, body: "a" },
        { sessionId: removed.session.id, senderId: removed.customer.id, body: "b" },
      ],
    });
    expect(await getUnreadTotal()).toBe(3);
    await db.chatSession.delete({ where: { id: removed.session.id } });
    expect(await db.chatMessage.count({ where: { sessionId: removed.session.id } })).toBe(0);
    expect(await getUnreadTotal()).toBe(1);
    await expectCountersExact();
  });

  it("NAV-2 stays exact under 200 concurrent writes (adds, reads and deletes across sessions)", async () => {
    const fixtures = await Promise.all(Array.from({ length: 5 }, () => createSessionFixture()));
    const seeded = await Promise.all(
      fixtures.flatMap((f) => Array.from({ length: 10 }, (_, i) => db.chatMessage.create({ data: { sessionId: f.session.id, senderId: f.customer.id, body: `seed ${i}` } }))),
    );
    const writes: Promise<unknown>[] = [];
    for (let i = 0; i < 200; i += 1) {
      const fixture = fixtures[i % fixtures.length]!;
      const target = seeded[i % seeded.length]!;
      if (i % 4 === 0) writes.push(db.chatMessage.updateMany({ where: { id: target.id, readAt: null }, data: { readAt: new Date() } }));
      else if (i % 9 === 0) writes.push(db.chatMessage.deleteMany({ where: { id: target.id } }));
      else if (i % 7 === 0)
        writes.push(db.chatMessage.updateMany({ where: { sessionId: { in: fixtures.map((f) => f.session.id) }, readAt: null, body: { startsWith: "seed 1" } }, data: { readAt: new Date() } }));
      else writes.push(db.chatMessage.create({ data: { sessionId: fixture.session.id, senderId: fixture.vendor.id, body: `live ${i}` } }));
    }
    await Promise.all(writes);
    await expectCountersExact();
    expect(await getUnreadTotal()).toBeGreaterThan(0);
  });

  it("recompute_chat_counters repairs injected drift", async () => {
    const { session, customer } = await createSessionFixture();
    await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "x" } });
    await db.$executeRawUnsafe(`UPDATE chat_sessions SET message_count = 99, unread_count = 42`);
    await db.$executeRawUnsafe(`UPDATE unread_totals SET total = 1000 WHERE slot = 3`);
    await db.$executeRawUnsafe(`SELECT recompute_chat_counters()`);
    await expectCountersExact();
  });
  it("a writer that dies between two writes (its connection killed mid-transaction) leaves every counter exact", async () => {
    const { session, customer } = await createSessionFixture();
    await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "before" } });
    const doomed = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await doomed.connect();
    doomed.on("error", () => undefined);
    const { rows } = await doomed.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    await doomed.query("BEGIN");
    // first write: a message (the triggers move the counters inside this transaction)
    await doomed.query("INSERT INTO chat_messages (session_id, sender_id, body) VALUES ($1, $2, 'half')", [session.id, customer.id]);
    // second write: reading every message, which the crash never lets happen
    const killed = await db.$queryRawUnsafe<{ done: boolean }[]>(`SELECT pg_terminate_backend(${rows[0]!.pid}) AS done`);
    expect(killed[0]!.done).toBe(true);
    await expect(doomed.query("UPDATE chat_messages SET read_at = now() WHERE session_id = $1", [session.id])).rejects.toThrow();
    await doomed.end().catch(() => undefined);
    expect(await db.chatMessage.count({ where: { sessionId: session.id } })).toBe(1);
    await expectCountersExact();
  });
});
