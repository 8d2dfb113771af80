import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { filtersOf, parseListState } from "@/lib/list-engine/url-state";
import { sessionsList } from "@/lib/chat-sessions/list";
import { pickNextInQueue } from "@/lib/triage/next-session";
import { releaseHolds, renewHold } from "@/lib/triage/holds";
import { createSessionFixture, createUser, resetDatabase } from "../support/fixtures";

// Issue 19's triage mode: the queue's longest-waiting session, held for one agent at a time.

const HOUR = 3_600_000;
const queue = (query: Record<string, string>) => filtersOf(sessionsList, parseListState(sessionsList, query).params);

async function waitingSession(hoursAgo: number) {
  const f = await createSessionFixture();
  await db.chatMessage.create({ data: { sessionId: f.session.id, senderId: f.customer.id, body: "?", createdAt: new Date(Date.now() - hoursAgo * HOUR) } });
  return f.session.id;
}

describe("triage mode holds (issue 19)", () => {
  beforeEach(resetDatabase);

  it("walks a queue longest waiting first with its position; another agent skips what one holds; a released hold is free again", async () => {
    const [sara, omar] = [await createUser("support", "Sara"), await createUser("support", "Omar")];
    const oldest = await waitingSession(5);
    const middle = await waitingSession(3);
    const newest = await waitingSession(1);
    const vendorQueue = queue({ awaiting: "vendor" });

    const first = await pickNextInQueue(vendorQueue, null, sara.id);
    expect(first).toMatchObject({ sessionId: oldest, position: { at: 1, of: 3, capped: false } });
    // Omar starts the same queue at the same moment: he gets the next one, not Sara's.
    const omars = await pickNextInQueue(vendorQueue, null, omar.id);
    expect(omars).toMatchObject({ sessionId: middle, position: { at: 2, of: 3 } });
    // Sara moves on: past Omar's session to the newest; her first hold goes.
    const second = await pickNextInQueue(vendorQueue, first!.cursor, sara.id);
    expect(second).toMatchObject({ sessionId: newest, position: { at: 3, of: 3 } });
    expect(await db.sessionHold.findMany({ orderBy: { sessionId: "asc" }, select: { sessionId: true, holderId: true } })).toEqual([
      { sessionId: middle, holderId: omar.id },
      { sessionId: newest, holderId: sara.id },
    ]);
    expect(await pickNextInQueue(vendorQueue, second!.cursor, sara.id)).toBeNull();
    // Omar renews; Sara cannot take his session over; once he leaves, she can.
    expect(await renewHold(middle, omar.id)).toBe(true);
    expect(await renewHold(middle, sara.id)).toBe(false);
    await releaseHolds(omar.id);
    expect(await pickNextInQueue(vendorQueue, null, sara.id)).toMatchObject({ sessionId: oldest });
    expect(await renewHold(middle, sara.id)).toBe(true);
  });

  it("a lapsed hold is anybody's", async () => {
    const [sara, omar] = [await createUser("support", "Sara"), await createUser("support", "Omar")];
    const only = await waitingSession(2);
    await pickNextInQueue(queue({}), null, sara.id);
    expect(await pickNextInQueue(queue({}), null, omar.id)).toBeNull();
    await db.sessionHold.updateMany({ data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await pickNextInQueue(queue({}), null, omar.id)).toMatchObject({ sessionId: only });
  });

  it("two agents starting the same queue at the same moment never get the same session (the database decides, whatever instance asks)", async () => {
    const [sara, omar] = [await createUser("support", "Sara"), await createUser("support", "Omar")];
    for (let i = 0; i < 12; i += 1) await waitingSession(1 + i);
    for (let round = 0; round < 6; round += 1) {
      const [a, b] = await Promise.all([pickNextInQueue(queue({}), null, sara.id), pickNextInQueue(queue({}), null, omar.id)]);
      expect(a && b).toBeTruthy();
      expect(a!.sessionId).not.toBe(b!.sessionId);
      const holders = await db.sessionHold.findMany({ select: { sessionId: true, holderId: true } });
      expect(holders).toHaveLength(2);
      // Both let go between rounds, as when they close triage mode.
      await Promise.all([releaseHolds(sara.id), releaseHolds(omar.id)]);
    }
  });
});
