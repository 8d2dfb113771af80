import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { getUnreadTotal } from "@/lib/chat-sessions/unread-total";
import { createSessionFixture, createUser, resetDatabase } from "../support/fixtures";

// Issue 19: who owes the reply (awaiting, awaiting_since) and unread per side are kept by the
// database's triggers. The truth here is computed in TypeScript from the messages as they are,
// independently of the SQL that stores them.

type Side = "vendor" | "customer" | "none";
type Seats = { id: number; customerId: number; vendorId: number };
type Message = { id: number; sessionId: number; senderId: number; createdAt: Date; readAt: Date | null };

function truthOf(session: Seats, messages: Message[]) {
  const own = messages
    .filter((m) => m.sessionId === session.id && (m.senderId === session.customerId || m.senderId === session.vendorId))
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || a.id - b.id);
  const unread = (senderId: number) => own.filter((m) => m.senderId === senderId && m.readAt === null).length;
  const last = own.at(-1);
  let awaiting: Side = "none";
  let since: string | null = null;
  if (last) {
    awaiting = last.senderId === session.customerId ? "vendor" : "customer";
    let first = own.length - 1;
    while (first > 0 && own[first - 1]!.senderId === last.senderId) first -= 1;
    since = own[first]!.createdAt.toISOString();
  }
  return { id: session.id, awaiting, since, unreadForVendor: unread(session.customerId), unreadForCustomer: unread(session.vendorId) };
}

async function expectStateExact(): Promise<void> {
  const sessions = await db.chatSession.findMany({ orderBy: { id: "asc" } });
  const messages = await db.chatMessage.findMany({ select: { id: true, sessionId: true, senderId: true, createdAt: true, readAt: true } });
  const stored = sessions.map((s) => ({ id: s.id, awaiting: s.awaiting, since: s.awaitingSince?.toISOString() ?? null, unreadForVendor: s.unreadForVendor, unreadForCustomer: s.unreadForCustomer }));
  expect(stored).toEqual(sessions.map((s) => truthOf(s, messages)));
  expect(await getUnreadTotal()).toBe(messages.filter((m) => m.readAt === null).length);
}

/** A small deterministic generator (mulberry32), so a failing sequence is the same on every run. */
function random(seed: number) {
  let state = seed;
  const next = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), pick: <T>(items: T[]): T => items[Math.floor(next() * items.length)]! };
}

describe("triage state kept by the database (issue 19)", () => {
  beforeEach(resetDatabase);

  it("awaiting, awaiting_since and unread per side follow the last unanswered run", async () => {
    const { session, customer, vendor } = await createSessionFixture();
    const at = (minutes: number) => new Date(Date.UTC(2026, 10, 1, 10, minutes));
    await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "1", createdAt: at(0) } });
    await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "2", createdAt: at(5) } });
    let stored = await db.chatSession.findUniqueOrThrow({ where: { id: session.id } });
    expect([stored.awaiting, stored.awaitingSince?.toISOString(), stored.unreadForVendor, stored.unreadForCustomer]).toEqual(["vendor", at(0).toISOString(), 2, 0]);
    const reply = await db.chatMessage.create({ data: { sessionId: session.id, senderId: vendor.id, body: "3", createdAt: at(9) } });
    stored = await db.chatSession.findUniqueOrThrow({ where: { id: session.id } });
    expect([stored.awaiting, stored.awaitingSince?.toISOString(), stored.unreadForVendor, stored.unreadForCustomer]).toEqual(["customer", at(9).toISOString(), 2, 1]);
    await db.chatMessage.delete({ where: { id: reply.id } });
    stored = await db.chatSession.findUniqueOrThrow({ where: { id: session.id } });
    expect([stored.awaiting, stored.awaitingSince?.toISOString()]).toEqual(["vendor", at(0).toISOString()]);
  });

  it("property: random adds (out of order too), deletes, reads, bulk reads, seat changes and session deletes match a fresh recount", async () => {
    const rng = random(19);
    const fixtures = await Promise.all([createSessionFixture(), createSessionFixture(), createSessionFixture()]);
    const spareCustomer = await createUser("customer");
    const base = Date.UTC(2026, 10, 1);
    let sessions = fixtures.map((f) => f.session);
    for (let step = 0; step < 120; step += 1) {
      const session = rng.pick(sessions);
      const roll = rng.next();
      const messages = await db.chatMessage.findMany({ where: { sessionId: session.id }, select: { id: true, readAt: true } });
      if (roll < 0.45 || messages.length === 0) {
        const current = await db.chatSession.findUniqueOrThrow({ where: { id: session.id } });
        const count = 1 + rng.int(3);
        await db.chatMessage.createMany({
          data: Array.from({ length: count }, () => ({
            sessionId: session.id,
            senderId: rng.next() < 0.5 ? current.customerId : current.vendorId,
            body: `m${step}`,
            // Times collide and go back as well as forward: order is (sent time, id).
            createdAt: new Date(base + rng.int(40) * 60_000),
            readAt: rng.next() < 0.2 ? new Date() : null,
          })),
        });
      } else if (roll < 0.65) {
        await db.chatMessage.deleteMany({ where: { id: { in: messages.filter(() => rng.next() < 0.4).map((m) => m.id) } } });
      } else if (roll < 0.8) {
        await db.chatMessage.updateMany({ where: { id: { in: messages.filter(() => rng.next() < 0.5).map((m) => m.id) } }, data: { readAt: new Date() } });
      } else if (roll < 0.88) {
        // One statement over every session (a bulk mark read of all matching).
        await db.$executeRawUnsafe(`UPDATE chat_messages SET read_at = now() WHERE read_at IS NULL AND id % 3 = ${rng.int(3)}`);
      } else if (roll < 0.94) {
        // A seat changes: the old customer's messages now count for neither side.
        const current = await db.chatSession.findUniqueOrThrow({ where: { id: session.id } });
        const other = current.customerId === spareCustomer.id ? fixtures[0]!.customer.id : spareCustomer.id;
        await db.chatSession.update({ where: { id: session.id }, data: { customerId: other } });
      } else {
        await db.chatSession.delete({ where: { id: session.id } });
        const fresh = await createSessionFixture();
        sessions = [...sessions.filter((s) => s.id !== session.id), fresh.session];
      }
      await expectStateExact();
    }
  }, 120_000);
});
