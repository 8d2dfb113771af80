import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { loadConversationAction } from "@/lib/chat-sessions/actions";
import { getUnreadTotal } from "@/lib/chat-sessions/unread-total";
import { addMessageAction, deleteMessageAction, markMessagesReadAction } from "@/lib/messages/actions";
import { actAs } from "../support/mock-current-user";
import { countersFromMessages, createSessionFixture, createUser, resetDatabase } from "../support/fixtures";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

beforeEach(async () => {
  await resetDatabase();
  actAs("admin");
});

describe("the messages relation manager", () => {
  it("MSG-5 adds a message as either participant; the counters, the badge and FORM-4's last-message time follow", async () => {
    const { session, customer, vendor } = await createSessionFixture();
    const before = (await db.chatSession.findUniqueOrThrow({ where: { id: session.id } })).lastMessageAt;
    actAs("support");
    const sent = await addMessageAction({ sessionId: session.id, senderId: customer.id, body: "  هل المنتج متوفر؟  " });
    if (!sent.ok) throw new Error(JSON.stringify(sent.error));
    expect(sent.data).toMatchObject({ body: "هل المنتج متوفر؟", readAt: null, sender: { id: customer.id, role: "customer" } });
    await addMessageAction({ sessionId: session.id, senderId: vendor.id, body: "نعم" });
    const after = await db.chatSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after).toMatchObject({ messageCount: 2, unreadCount: 2 });
    expect(after.lastMessageAt.getTime()).toBeGreaterThanOrEqual(Math.max(before.getTime(), sent.data.createdAt.getTime()));
    expect(await getUnreadTotal()).toBe(2);
  });

  it("MSG-5 refuses empty, whitespace-only, oversize bodies and senders outside the session", async () => {
    const { session, customer } = await createSessionFixture();
    const stranger = await createUser("customer");
    expect(await addMessageAction({ sessionId: session.id, senderId: customer.id, body: "   " })).toMatchObject({ ok: false, error: { fieldErrors: { body: "bodyRequired" } } });
    expect(await addMessageAction({ sessionId: session.id, senderId: customer.id, body: "x".repeat(4001) })).toMatchObject({ ok: false, error: { fieldErrors: { body: "bodyTooLong" } } });
    expect(await addMessageAction({ sessionId: session.id, senderId: stranger.id, body: "hi" })).toMatchObject({ ok: false, error: { fieldErrors: { senderId: "senderNotParticipant" } } });
    expect(await addMessageAction({ sessionId: 999_999, senderId: customer.id, body: "hi" })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await db.chatMessage.count()).toBe(0);
  });

  it("MSG-7 marks one, selected or all messages read; MSG-4 keeps when each was read", async () => {
    const { session, customer } = await createSessionFixture();
    const ids: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const sent = await addMessageAction({ sessionId: session.id, senderId: customer.id, body: `m${i}` });
      if (sent.ok) ids.push(sent.data.id);
    }
    expect(await markMessagesReadAction({ sessionId: session.id, messageIds: [ids[0]!] })).toMatchObject({ ok: true, data: { messages: 1 } });
    const firstRead = (await db.chatMessage.findUniqueOrThrow({ where: { id: ids[0]! } })).readAt;
    expect(firstRead).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await markMessagesReadAction({ sessionId: session.id, messageIds: [ids[0]!, ids[1]!] })).toMatchObject({ ok: true, data: { messages: 1 } });
    // MSG-4: marking again does not move the time a message was first read
    expect((await db.chatMessage.findUniqueOrThrow({ where: { id: ids[0]! } })).readAt).toEqual(firstRead);
    expect(await getUnreadTotal()).toBe(2);
    const elsewhere = await createSessionFixture();
    const foreign = await addMessageAction({ sessionId: elsewhere.session.id, senderId: elsewhere.customer.id, body: "other session" });
    if (!foreign.ok) throw new Error("expected a message");
    expect(await markMessagesReadAction({ sessionId: session.id, messageIds: [foreign.data.id] })).toMatchObject({ ok: true, data: { messages: 0 } });
    expect((await db.chatMessage.findUniqueOrThrow({ where: { id: foreign.data.id } })).readAt).toBeNull();
    expect(await markMessagesReadAction({ sessionId: session.id, all: true })).toMatchObject({ ok: true, data: { messages: 2 } });
    expect(await getUnreadTotal()).toBe(1);
    expect(await db.chatMessage.count({ where: { sessionId: session.id, readAt: null } })).toBe(0);
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: session.id } })).unreadCount).toBe(0);
  });

  it("MSG-6 deletes a message (admin only, audited); deleting the newest moves the last-message time back", async () => {
    const { session, customer } = await createSessionFixture();
    const older = await addMessageAction({ sessionId: session.id, senderId: customer.id, body: "older" });
    await new Promise((resolve) => setTimeout(resolve, 5));
    const newer = await addMessageAction({ sessionId: session.id, senderId: customer.id, body: "newer" });
    if (!older.ok || !newer.ok) throw new Error("expected messages");
    actAs("qa");
    expect(await deleteMessageAction({ sessionId: session.id, messageId: newer.data.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    actAs("admin");
    expect(await deleteMessageAction({ sessionId: session.id, messageId: newer.data.id })).toEqual({ ok: true, data: { id: newer.data.id } });
    const after = await db.chatSession.findUniqueOrThrow({ where: { id: session.id } });
    expect(after).toMatchObject({ messageCount: 1, unreadCount: 1 });
    expect(after.lastMessageAt.toISOString()).toBe(older.data.createdAt.toISOString());
    expect(await db.auditLog.count({ where: { action: "messages.delete", targetId: String(newer.data.id) } })).toBe(1);
    expect(await deleteMessageAction({ sessionId: session.id, messageId: newer.data.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("MSG-1 a 10,000-message conversation loads 50 at a time, newest first, none skipped or repeated (ties on sent time included)", async () => {
    const { session, customer, vendor } = await createSessionFixture();
    const base = Date.UTC(2026, 0, 1);
    // every 7 messages share a sent time, so the keyset must break ties by id
    await db.chatMessage.createMany({
      data: Array.from({ length: 10_000 }, (_, i) => ({ sessionId: session.id, senderId: i % 2 ? vendor.id : customer.id, body: `m${i}`, createdAt: new Date(base + Math.floor(i / 7) * 1000) })),
    });
    actAs("support");
    const seen: { id: number; at: number }[] = [];
    let beforeId: number | null = null;
    let pages = 0;
    do {
      const page: Awaited<ReturnType<typeof loadConversationAction>> = await loadConversationAction({ sessionId: session.id, beforeId });
      if (!page.ok) throw new Error(JSON.stringify(page.error));
      expect(page.data.messages.length).toBeLessThanOrEqual(50);
      seen.push(...page.data.messages.map((m) => ({ id: m.id, at: m.createdAt.getTime() })));
      beforeId = page.data.olderBeforeId;
      pages += 1;
    } while (beforeId !== null);
    expect(pages).toBe(200);
    expect(new Set(seen.map((m) => m.id)).size).toBe(10_000);
    for (let i = 1; i < seen.length; i += 1) {
      const [newer, older] = [seen[i - 1]!, seen[i]!];
      expect(newer.at > older.at || (newer.at === older.at && newer.id > older.id)).toBe(true);
    }
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: session.id } })).messageCount).toBe(10_000);
  }, 60_000);

  it("MSG-5..7 NAV-2 any sequence of adds, deletes and mark-reads leaves every counter, the badge total and the last-message time equal to a fresh count (property)", async () => {
    const fixtures = [await createSessionFixture(), await createSessionFixture()];
    const step = fc.oneof(
      fc.record({ kind: fc.constant("add" as const), session: fc.nat(1), asVendor: fc.boolean() }),
      fc.record({ kind: fc.constant("delete" as const), pick: fc.nat(50) }),
      fc.record({ kind: fc.constant("read" as const), pick: fc.nat(50), also: fc.array(fc.nat(50), { maxLength: 3 }), all: fc.boolean() }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), async (steps) => {
        for (const s of steps) {
          const existing = await db.chatMessage.findMany({ select: { id: true, sessionId: true }, orderBy: { id: "asc" } });
          if (s.kind === "add") {
            const f = fixtures[s.session]!;
            await addMessageAction({ sessionId: f.session.id, senderId: s.asVendor ? f.vendor.id : f.customer.id, body: "p" });
          } else if (existing.length) {
            const target = existing[s.pick % existing.length]!;
            if (s.kind === "delete") await deleteMessageAction({ sessionId: target.sessionId, messageId: target.id });
            else {
              // one message, or a selection (ids of other sessions in it are ignored), or all
              const selection = [target.id, ...s.also.map((n) => existing[n % existing.length]!.id)];
              await markMessagesReadAction(s.all ? { sessionId: target.sessionId, all: true } : { sessionId: target.sessionId, messageIds: selection });
            }
          }
        }
        const truth = await countersFromMessages();
        const stored = await db.chatSession.findMany({ orderBy: { id: "asc" }, select: { id: true, messageCount: true, unreadCount: true, lastMessageAt: true } });
        expect(stored.map((s) => ({ id: s.id, messages: s.messageCount, unread: s.unreadCount }))).toEqual(truth);
        expect(await getUnreadTotal()).toBe(await db.chatMessage.count({ where: { readAt: null } }));
        // FORM-4's automatic update: the sessions started before any message, so with messages
        // left the last-message time is exactly the newest one's (adds move it on, deletes back).
        for (const s of stored) {
          const newest = await db.chatMessage.findFirst({ where: { sessionId: s.id }, orderBy: { createdAt: "desc" } });
          if (newest) expect(s.lastMessageAt.toISOString()).toBe(newest.createdAt.toISOString());
        }
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
