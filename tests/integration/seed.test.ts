import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type pg from "pg";
import { dbPool } from "@/lib/db";
import { findCounterDrift } from "@/lib/chat-sessions/counter-drift";
import { DEMO_SIZES, seed } from "../../prisma/seed/seed";
import { resetDatabase } from "../support/fixtures";

let client: pg.PoolClient;
beforeAll(async () => {
  client = await dbPool().connect();
});
afterAll(() => client.release());

describe("the seed (npm start's demo, bench:seed)", () => {
  it("stores every session's counters, who owes the reply and the badge total exactly as a fresh recount finds them", async () => {
    await resetDatabase();
    // 0..6 messages a session and an unread tail of up to 5: sessions without messages, with
    // every message unread, and with an odd and an even number of messages.
    await seed(client, { ...DEMO_SIZES, vendors: 5, products: 20, customers: 30, sessions: 600, messagesPerSession: 3, orders: 10 });

    const drift = await findCounterDrift(client);
    expect(drift.sessions).toEqual([]);
    expect(drift.triage).toEqual([]);
    expect(drift.overview).toEqual([]);
    expect(drift.storedTotal).toBe(drift.unreadTotal);

    // The cases the counters are drawn for all occur, so the recount above compared each of them.
    const { rows } = await client.query<Record<string, number>>(
      `SELECT count(*) FILTER (WHERE message_count = 0)::int AS empty,
              count(*) FILTER (WHERE unread_count > 0 AND unread_count = message_count)::int AS "allUnread",
              count(*) FILTER (WHERE unread_for_vendor > 0 AND unread_for_customer > 0)::int AS "bothSides",
              count(*) FILTER (WHERE awaiting = 'vendor')::int AS "awaitingVendor",
              count(*) FILTER (WHERE awaiting = 'customer')::int AS "awaitingCustomer"
         FROM chat_sessions`,
    );
    for (const [name, sessions] of Object.entries(rows[0]!)) expect(sessions, name).toBeGreaterThan(0);
    expect(drift.unreadTotal).toBeGreaterThan(0);
  });

  it("gives the demo customer the most recent conversations, two of them with the demo vendor, whatever the draw", async () => {
    for (const drawSeed of [42, 7]) {
      await resetDatabase();
      await seed(client, { ...DEMO_SIZES, vendors: 5, products: 20, customers: 30, sessions: 200, messagesPerSession: 3, orders: 10, seed: drawSeed });
      const { rows } = await client.query<{ email: string; vendor: string }>(
        `SELECT c.email, v.email AS vendor FROM chat_sessions s JOIN users c ON c.id = s.customer_id JOIN users v ON v.id = s.vendor_id
          ORDER BY s.last_message_at DESC, s.id LIMIT 6`,
      );
      expect(rows.map((row) => row.email)).toEqual(Array(6).fill("customer@demo.test"));
      expect(rows.filter((row) => row.vendor === "vendor@demo.test").length).toBeGreaterThanOrEqual(2);
      const drift = await findCounterDrift(client);
      expect(drift.sessions).toEqual([]);
    }
  });
});
