import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type pg from "pg";
import { db, dbPool } from "@/lib/db";
import { findOverviewDrift } from "@/lib/overview/overview-drift";
import { loadAwaiting, loadConversion, loadFirstReplyByWeek, loadMessagesPerDay, loadVendorsMostWaiting, weekStart } from "@/lib/overview/overview-figures";
import { createSessionFixture, createUser, resetDatabase } from "../support/fixtures";

const MINUTE = 60_000;
const DAY = 86_400_000;
// Tuesday noon UTC of last week: every time below sits inside one past UTC week, whatever today is.
const base = new Date(weekStart(new Date()).getTime() - 6 * DAY + 12 * 60 * MINUTE);
const at = (minutes: number) => new Date(base.getTime() + minutes * MINUTE);

let client: pg.PoolClient;
beforeAll(async () => {
  client = await dbPool().connect();
});
afterAll(() => client.release());

async function expectExact() {
  expect(await findOverviewDrift(client)).toEqual([]);
}

const send = (sessionId: number, senderId: number, minutes: number, read = true) =>
  db.chatMessage.create({ data: { sessionId, senderId, body: `at ${minutes}`, createdAt: at(minutes), readAt: read ? at(minutes + 1) : null } });

describe("the overview's counts stay exact as messages, sessions and orders change (issue 18)", () => {
  beforeEach(resetDatabase);

  it("messages per day and the median first reply follow inserts, edits, deletes and a change of vendor", async () => {
    const sessions = await Promise.all([1, 2, 3, 4].map(() => createSessionFixture()));
    // First replies after 1, 2, 5 and 10 minutes: the median of four is the mean of the middle two.
    for (const [index, { session, customer, vendor }] of sessions.entries()) {
      await send(session.id, customer.id, 0);
      await send(session.id, vendor.id, [1, 2, 5, 10][index]!);
      await send(session.id, customer.id, 20, false);
    }
    await expectExact();
    const now = new Date(base.getTime() + 2 * DAY);
    expect(await loadFirstReplyByWeek(now)).toEqual([{ week: weekStart(base).toISOString().slice(0, 10), medianSeconds: 210, sessions: 4 }]);
    const today = (await loadMessagesPerDay(now)).find((day) => day.day === base.toISOString().slice(0, 10));
    expect(today?.messages).toBe(12);

    // An earlier vendor message in the slowest session: its reply is now 30 s.
    const [, , , slowest] = sessions;
    await db.chatMessage.create({ data: { sessionId: slowest!.session.id, senderId: slowest!.vendor.id, body: "early", createdAt: new Date(at(0).getTime() + 30_000) } });
    await expectExact();
    expect((await loadFirstReplyByWeek(now))[0]?.medianSeconds).toBe(90);

    // Marking read changes nothing here; moving a message a day back moves its day; deleting a reply drops it.
    await db.chatMessage.updateMany({ where: { readAt: null }, data: { readAt: at(30) } });
    const first = sessions[0]!;
    const reply = await db.chatMessage.findFirstOrThrow({ where: { sessionId: first.session.id, senderId: first.vendor.id } });
    await db.chatMessage.update({ where: { id: reply.id }, data: { createdAt: new Date(reply.createdAt.getTime() - DAY) } });
    await expectExact();
    await db.chatMessage.delete({ where: { id: reply.id } });
    await expectExact();
    expect((await loadFirstReplyByWeek(now))[0]?.sessions).toBe(3);

    // Another vendor takes the second session: its messages no longer hold a reply from its vendor.
    const otherVendor = await createUser("vendor");
    await db.chatSession.update({ where: { id: sessions[1]!.session.id }, data: { vendorId: otherVendor.id } });
    await expectExact();
    expect((await loadFirstReplyByWeek(now))[0]?.sessions).toBe(2);

    // Deleting a session (its messages go with it) leaves nothing behind.
    await db.chatSession.delete({ where: { id: sessions[2]!.session.id } });
    await expectExact();
  });

  it("sessions awaiting a vendor, per vendor, and the longest wait follow who wrote last", async () => {
    const a = await createSessionFixture();
    const b = await createSessionFixture();
    await send(a.session.id, a.customer.id, 0);
    await send(a.session.id, a.customer.id, 5);
    await send(b.session.id, b.customer.id, 10);
    await expectExact();
    expect(await loadAwaiting()).toEqual({ sessions: 2, longestWaitSince: at(0) });
    expect((await loadVendorsMostWaiting()).map((vendor) => vendor.vendorId).sort()).toEqual([a.vendor.id, b.vendor.id].sort());

    await send(a.session.id, a.vendor.id, 15);
    await expectExact();
    expect(await loadAwaiting()).toEqual({ sessions: 1, longestWaitSince: at(10) });
    expect(await loadVendorsMostWaiting()).toEqual([{ vendorId: b.vendor.id, vendorName: b.vendor.name, sessions: 1 }]);

    await db.chatSession.deleteMany({ where: { id: b.session.id } });
    await expectExact();
    expect(await loadAwaiting()).toEqual({ sessions: 0, longestWaitSince: null });
  });

  it("conversion follows orders written, moved and deleted, and sessions moved to another time", async () => {
    const now = new Date();
    const cohortWeek = new Date(weekStart(now).getTime() - 5 * 7 * DAY + 2 * DAY);
    const { session, customer, vendor } = await createSessionFixture();
    await db.chatSession.update({ where: { id: session.id }, data: { createdAt: cohortWeek } });
    await createSessionFixture();
    await expectExact();
    expect(await loadConversion(now)).toMatchObject({ sessions: 1, converted: 0 });

    const order = await db.order.create({ data: { customerId: customer.id, vendorId: vendor.id, total: 10, createdAt: new Date(cohortWeek.getTime() + 3 * DAY) } });
    await expectExact();
    expect(await loadConversion(now)).toEqual({ sessions: 1, converted: 1, byVendor: [{ vendorId: vendor.id, vendorName: vendor.name, sessions: 1, converted: 1 }] });

    // Too late (after 14 days), then in time again by moving the session; then no order at all.
    await db.order.update({ where: { id: order.id }, data: { createdAt: new Date(cohortWeek.getTime() + 15 * DAY) } });
    await expectExact();
    expect(await loadConversion(now)).toMatchObject({ converted: 0 });
    await db.chatSession.update({ where: { id: session.id }, data: { createdAt: new Date(cohortWeek.getTime() + 2 * DAY) } });
    await expectExact();
    expect(await loadConversion(now)).toMatchObject({ sessions: 1, converted: 1 });
    await db.order.delete({ where: { id: order.id } });
    await expectExact();
    expect(await loadConversion(now)).toMatchObject({ sessions: 1, converted: 0 });
  });

  it("counts first replies to the precision the page shows (minutes, tenths of an hour, tenths of a day), so a week has few keys", async () => {
    const { rows } = await client.query<{ buckets: number[] }>(
      "SELECT array[reply_bucket(0), reply_bucket(89), reply_bucket(90), reply_bucket(3599), reply_bucket(3779), reply_bucket(3780), reply_bucket(172799), reply_bucket(200000)] AS buckets",
    );
    expect(rows[0]?.buckets).toEqual([0, 60, 120, 3600, 3600, 3960, 172800, 198720]);
  });

  it("emptying the tables empties the counts", async () => {
    const { session, customer } = await createSessionFixture();
    await send(session.id, customer.id, 0);
    await resetDatabase();
    const { rows } = await client.query<{ rows: number }>(
      "SELECT (SELECT count(*) FROM message_day_counts) + (SELECT count(*) FROM vendor_awaiting_counts) + (SELECT count(*) FROM first_reply_counts) + (SELECT count(*) FROM conversion_week_counts) AS rows",
    );
    expect(Number(rows[0]?.rows)).toBe(0);
  });
});
