import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { queueCountsAction } from "@/lib/chat-sessions/actions";
import { sessionsList } from "@/lib/chat-sessions/list";
import { currentTabKey, queueTabsFor } from "@/lib/chat-sessions/queue-tabs";
import { TAB_COUNT_CAP, savedViewTabKey } from "@/lib/chat-sessions/queues";
import { parseListState } from "@/lib/list-engine/url-state";
import { deleteViewAction, renameViewAction, reorderViewsAction, saveViewAction, shareViewAction } from "@/lib/saved-views/actions";
import { actAs } from "../support/mock-current-user";
import { createSessionFixture, createUser, resetDatabase } from "../support/fixtures";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

beforeEach(resetDatabase);

async function staff() {
  return { sara: await createUser("support", "Sara"), omar: await createUser("qa", "Omar"), admin: await createUser("admin", "Admin") };
}

async function save(name: string, shared: boolean, query = "awaiting=vendor") {
  const result = await saveViewAction({ name, query, shared });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.data;
}

describe("saved views of the sessions list (issue 19)", () => {
  it("a private view is its owner's alone; a shared one is seen by all staff and changed only by its owner or an admin", async () => {
    const { sara, omar, admin } = await staff();
    actAs("support", sara.id);
    const mine = await save("Mine", false);
    const team = await save("  Team  ", true, "q=tea&awaiting=nobody&sort=waiting&dir=asc&after=zzz");
    // Saved as the list writes it: a bad value dropped, no page position; the name trimmed.
    expect(await db.savedView.findUniqueOrThrow({ where: { id: team.id } })).toMatchObject({ name: "Team", query: "q=tea&sort=waiting&dir=asc", shared: true, position: 1 });

    actAs("qa", omar.id);
    const counts = await queueCountsAction({});
    expect(counts.ok && Object.keys(counts.data)).toEqual(expect.arrayContaining([savedViewTabKey(team.id)]));
    expect(counts.ok && Object.keys(counts.data)).not.toContain(savedViewTabKey(mine.id));
    expect(await renameViewAction({ id: mine.id, name: "x" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await renameViewAction({ id: team.id, name: "x" })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await shareViewAction({ id: team.id, shared: false })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await deleteViewAction({ id: team.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await reorderViewsAction({ ids: [team.id] })).toMatchObject({ ok: false, error: { code: "invalid" } });

    actAs("admin", admin.id);
    expect(await renameViewAction({ id: mine.id, name: "x" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await renameViewAction({ id: team.id, name: "Team queue" })).toMatchObject({ ok: true });
    expect(await shareViewAction({ id: team.id, shared: false })).toMatchObject({ ok: true });
    // Unshared, it is Sara's private view again: out of the admin's reach.
    expect(await deleteViewAction({ id: team.id })).toMatchObject({ ok: false, error: { code: "not_found" } });

    actAs("support", sara.id);
    expect(await reorderViewsAction({ ids: [team.id, mine.id] })).toMatchObject({ ok: true });
    expect((await db.savedView.findMany({ orderBy: { position: "asc" }, select: { id: true } })).map((v) => v.id)).toEqual([team.id, mine.id]);
    expect(await shareViewAction({ id: team.id, shared: true })).toMatchObject({ ok: true });
    expect(await deleteViewAction({ id: mine.id })).toMatchObject({ ok: true });
    actAs("admin", admin.id);
    expect(await deleteViewAction({ id: team.id })).toMatchObject({ ok: true });
    expect(await db.savedView.count()).toBe(0);
  });

  it("bad input is a clear error, never a throw", async () => {
    const { sara } = await staff();
    actAs("support", sara.id);
    expect(await saveViewAction({ name: "   ", query: "", shared: false })).toMatchObject({ ok: false, error: { code: "invalid", fieldErrors: { name: "viewNameRequired" } } });
    expect(await saveViewAction({ name: "x".repeat(61), query: "", shared: false })).toMatchObject({ ok: false, error: { fieldErrors: { name: "viewNameTooLong" } } });
  });

  it("the tab counts equal SQL's counts, exact up to 999 and capped past it", async () => {
    const { sara } = await staff();
    const a = await createSessionFixture();
    const b = await createSessionFixture();
    await db.chatMessage.create({ data: { sessionId: a.session.id, senderId: a.customer.id, body: "?", createdAt: new Date(Date.now() - 30 * 3_600_000) } });
    await db.chatMessage.create({ data: { sessionId: b.session.id, senderId: b.vendor.id, body: "!" } });
    // 1,000 more sessions awaiting the vendor, made in one statement on one product.
    await db.$executeRawUnsafe(`INSERT INTO chat_sessions (product_id, customer_id, vendor_id, updated_at) SELECT ${a.product.id}, ${a.customer.id}, ${a.vendor.id}, now() FROM generate_series(1, 1000)`);
    await db.$executeRawUnsafe(`INSERT INTO chat_messages (session_id, sender_id, body) SELECT id, customer_id, 'bulk' FROM chat_sessions WHERE id > ${b.session.id}`);
    // Issue 20's tabs: Mine (the viewer's) and Unassigned.
    await db.$executeRawUnsafe(`UPDATE chat_sessions SET assignee_id = ${sara.id} WHERE id = ${a.session.id}`);
    actAs("support", sara.id);
    const view = await save("Customer side", false, "awaiting=customer");
    const result = await queueCountsAction({});
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const truth = async (where: string) => Number((await db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM chat_sessions WHERE ${where}`))[0]!.n);
    const expected = async (where: string) => {
      const n = await truth(where);
      return { count: Math.min(n, TAB_COUNT_CAP), capped: n > TAB_COUNT_CAP };
    };
    expect(result.data).toEqual({
      all: await expected("TRUE"),
      mine: await expected(`assignee_id = ${sara.id}`),
      unassigned: await expected("assignee_id IS NULL"),
      unread: await expected("unread_count > 0"),
      awaitingVendor: await expected("awaiting = 'vendor'"),
      awaitingVendorRed: await expected("awaiting = 'vendor' AND awaiting_since < now() - interval '24 hours'"),
      awaitingCustomer: await expected("awaiting = 'customer'"),
      recent: await expected("last_message_at >= now() - interval '7 days'"),
      [savedViewTabKey(view.id)]: await expected("awaiting = 'customer'"),
    });
    expect(result.data.all).toEqual({ count: 999, capped: true });
    expect(result.data.awaitingVendorRed).toEqual({ count: 1, capped: false });
    expect(result.data.mine).toEqual({ count: 1, capped: false });
  }, 60_000);

  it("a view saved with a built-in queue's filters is the current tab when the list shows it in the view's order, so its owner can reach it", async () => {
    const { sara } = await staff();
    actAs("support", sara.id);
    const sameOrder = await save("My unread", false, "unread=1");
    const ownOrder = await save("Unread, longest waiting", false, "unread=1&sort=waiting&dir=asc");
    const user = { id: sara.id, name: "Sara", email: "", role: "support" as const };
    const tabs = await queueTabsFor(user);
    const shown = (query: string) => currentTabKey(tabs, parseListState(sessionsList, Object.fromEntries(new URLSearchParams(query))).params);
    expect(shown("unread=1")).toBe(savedViewTabKey(sameOrder.id));
    expect(shown("unread=1&sort=waiting&dir=asc")).toBe(savedViewTabKey(ownOrder.id));
    // In an order no tab has, the built-in queue stays the current tab.
    expect(shown("unread=1&sort=vendor&dir=asc")).toBe("unread");
    expect(shown("recent=1")).toBe("recent");
  });
});
