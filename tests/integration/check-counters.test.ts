import { execFile } from "node:child_process";
import { promisify } from "node:util";
import pg from "pg";
import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { findCounterDrift, hasDrift, repairCounters } from "@/lib/chat-sessions/counter-drift";
import { createSessionFixture, resetDatabase } from "../support/fixtures";

const run = promisify(execFile);

async function checkCounters(...args: string[]) {
  try {
    const { stdout } = await run("npx", ["tsx", "scripts/check-counters.ts", ...args], { env: { ...process.env, DATABASE_URL: process.env.DATABASE_URL! } });
    return { code: 0, stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string };
    return { code: failed.code, stdout: failed.stdout };
  }
}

describe("npm run check:counters", () => {
  beforeEach(resetDatabase);

  it("finds injected drift in a session and in the badge total, and --fix repairs it", async () => {
    const { session, customer } = await createSessionFixture();
    await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "x" } });
    expect((await checkCounters()).code).toBe(0);

    await db.$executeRawUnsafe(`UPDATE chat_sessions SET unread_count = 7 WHERE id = ${session.id}`);
    await db.$executeRawUnsafe(`UPDATE unread_totals SET total = total + 5 WHERE slot = 0`);
    const found = await checkCounters();
    expect(found.code).toBe(1);
    expect(found.stdout).toContain(`session ${session.id}: messages 1 → 1, unread 7 → 1`);
    expect(found.stdout).toContain("Badge total stored 6, true 1.");

    const fixed = await checkCounters("--fix");
    expect(fixed.stdout).toContain("Repaired.");
    expect((await checkCounters()).stdout).toContain("Counters exact: badge total 1.");
  }, 120_000);

  it("issue 19: finds drift in unread per side and in who owes the reply, and --fix repairs it", async () => {
    const { session, customer } = await createSessionFixture();
    const sent = await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "x" } });
    await db.$executeRawUnsafe(`UPDATE chat_sessions SET unread_for_vendor = 4, awaiting = 'customer' WHERE id = ${session.id}`);
    const found = await checkCounters();
    expect(found.code).toBe(1);
    expect(found.stdout).toContain(`session ${session.id}: unread for vendor 4 → 1, for customer 0 → 0, awaiting customer since ${sent.createdAt.toISOString()} → vendor since ${sent.createdAt.toISOString()}`);
    expect((await checkCounters("--fix")).stdout).toContain("Repaired.");
    expect((await checkCounters()).code).toBe(0);
  }, 120_000);

  it("--fix recounts a slice of sessions per transaction: drift in every slice is repaired, and the badge total after them", async () => {
    const fixtures = [await createSessionFixture(), await createSessionFixture(), await createSessionFixture()];
    for (const { session, customer } of fixtures) await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "x" } });
    await db.$executeRawUnsafe(`UPDATE chat_sessions SET unread_count = 9, unread_for_vendor = 4, awaiting = 'none', awaiting_since = NULL`);
    await db.$executeRawUnsafe(`UPDATE unread_totals SET total = total + 5 WHERE slot = 0`);
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      const before = await findCounterDrift(client);
      expect(before.sessions).toHaveLength(3);
      expect(before.triage).toHaveLength(3);
      const slices: number[] = [];
      await repairCounters(client, 1, (done) => slices.push(done));
      const ids = fixtures.map(({ session }) => session.id);
      const span = Math.max(...ids) - Math.min(...ids) + 1;
      // One session a slice: as many slices as ids from the first session to the last.
      expect(slices).toEqual(Array.from({ length: span }, (_, index) => index + 1));
      const after = await findCounterDrift(client);
      expect(hasDrift(after)).toBe(false);
      expect(after.unreadTotal).toBe(3);
    } finally {
      await client.end();
    }
  });
});
