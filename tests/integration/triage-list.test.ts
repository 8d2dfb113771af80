import { beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countSessions, listSessions } from "@/lib/chat-sessions/list-query";
import { WAITING_THRESHOLDS_KEY } from "@/lib/chat-sessions/waiting";
import { createSessionFixture, resetDatabase } from "../support/fixtures";
import { parseListState } from "@/lib/list-engine/url-state";
import { sessionsList } from "@/lib/chat-sessions/list";

// Issue 19 on the sessions list: the waiting column's sort and filters, all from the URL.

const HOUR = 3_600_000;

async function sessionWaiting(side: "vendor" | "customer" | "none", hours: number) {
  const fixture = await createSessionFixture();
  if (side !== "none") {
    const senderId = side === "vendor" ? fixture.customer.id : fixture.vendor.id;
    await db.chatMessage.create({ data: { sessionId: fixture.session.id, senderId, body: "?", createdAt: new Date(Date.now() - hours * HOUR) } });
  }
  return fixture.session.id;
}

async function allPages(query: Record<string, string>): Promise<number[]> {
  const ids: number[] = [];
  let params = parseListState(sessionsList, { ...query, size: "10" }).params;
  for (;;) {
    const page = await listSessions(params);
    ids.push(...page.rows.map((row) => row.id));
    if (!page.nextCursor) return ids;
    params = { ...params, after: page.nextCursor };
  }
}

describe("the waiting column on the sessions list (issue 19)", () => {
  beforeEach(resetDatabase);

  it("sorts longest waiting first through every page, then the sessions nobody owes a reply; filters by side and threshold", async () => {
    const quiet = [await sessionWaiting("none", 0), await sessionWaiting("none", 0)];
    const vendorDay = await sessionWaiting("vendor", 30);
    const customerHours = await sessionWaiting("customer", 3);
    const vendorMinutes = await sessionWaiting("vendor", 0.2);
    const many = await Promise.all(Array.from({ length: 12 }, (_, i) => sessionWaiting("customer", 0.5 + i * 0.01)));
    const order = await allPages({ sort: "waiting", dir: "asc" });
    expect(order.slice(0, 2)).toEqual([vendorDay, customerHours]);
    expect(order.indexOf(vendorMinutes)).toBe(order.length - 3);
    expect(order.slice(-2).sort()).toEqual(quiet.sort());
    expect(order).toHaveLength(17);
    expect(new Set(order).size).toBe(17);
    expect(await allPages({ sort: "waiting", dir: "desc" })).toEqual([...order].reverse());

    expect((await allPages({ awaiting: "vendor" })).sort()).toEqual([vendorDay, vendorMinutes].sort());
    expect(await allPages({ awaiting: "customer", sort: "waiting", dir: "asc" })).toEqual([customerHours, ...[...many].reverse()]);
    // Defaults: amber after 1 h, red after 24 h.
    expect((await allPages({ waitingOver: "amber" })).sort()).toEqual([vendorDay, customerHours].sort());
    expect(await allPages({ waitingOver: "red" })).toEqual([vendorDay]);
    expect(await countSessions(parseListState(sessionsList, { awaiting: "vendor", waitingOver: "red" }).params)).toEqual({ count: 1, capped: false });
    // The admin's thresholds count at once.
    await db.setting.create({ data: { key: WAITING_THRESHOLDS_KEY, value: { amberMinutes: 5, redMinutes: 120 } } });
    expect((await allPages({ waitingOver: "red" })).sort()).toEqual([vendorDay, customerHours].sort());
  });

  it("a bad choice in the URL falls back with a notice", () => {
    const parsed = parseListState(sessionsList, { awaiting: "nobody", waitingOver: "purple" });
    expect(parsed.notices).toContain("badFilter");
    expect([parsed.params.awaiting, parsed.params.waitingOver]).toEqual([null, null]);
  });
});
