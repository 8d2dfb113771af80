import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { deleteSessionsAction, loadConversationAction, markSessionsReadAction } from "@/lib/chat-sessions/actions";
import { getUnreadTotal } from "@/lib/chat-sessions/unread-total";
import { eventBus } from "@/lib/realtime/bus";
import type { ChatEvent } from "@/lib/realtime/events";
import { eventStream } from "@/lib/realtime/sse";
import { SseReader } from "../support/sse-client";
import { actAs } from "../support/mock-current-user";
import { countersFromMessages, createSessionFixture, resetDatabase } from "../support/fixtures";
import { defaultState } from "@/lib/list-engine/url-state";
import { sessionsList } from "@/lib/chat-sessions/list";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

async function sessionWithUnread(unread: number, names: { product?: string } = {}) {
  const fixture = await createSessionFixture(names);
  for (let i = 0; i < unread; i += 1) await db.chatMessage.create({ data: { sessionId: fixture.session.id, senderId: fixture.customer.id, body: `q${i}` } });
  await db.chatMessage.create({ data: { sessionId: fixture.session.id, senderId: fixture.vendor.id, body: "a", readAt: new Date() } });
  return fixture;
}

beforeEach(async () => {
  await resetDatabase();
  actAs("admin");
});

describe("bulk actions on chat sessions", () => {
  it("BULK-1 marks every message of the selected sessions read, zeroes their unread and lowers the badge", async () => {
    const a = await sessionWithUnread(3);
    const b = await sessionWithUnread(2);
    const untouched = await sessionWithUnread(4);
    expect(await getUnreadTotal()).toBe(9);
    actAs("support");
    const result = await markSessionsReadAction({ ids: [a.session.id, b.session.id] });
    expect(result).toMatchObject({ ok: true, data: { messages: 5 } });
    expect(await getUnreadTotal()).toBe(4);
    const stored = await db.chatSession.findMany({ orderBy: { id: "asc" }, select: { id: true, unreadCount: true } });
    expect(stored).toEqual([
      { id: a.session.id, unreadCount: 0 },
      { id: b.session.id, unreadCount: 0 },
      { id: untouched.session.id, unreadCount: 4 },
    ]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "chatSessions.markRead" } });
    expect(audit.details).toMatchObject({ messages: 5 });
  });

  it("BULK-1 over more than 200 sessions logs a read event for both participants of each, announced once for them all", async () => {
    const { customer, vendor } = await sessionWithUnread(1);
    await db.$executeRaw`
      WITH p AS (INSERT INTO products (name, vendor_id, updated_at) SELECT 'Bulk ' || n, ${vendor.id}, now() FROM generate_series(1, 250) AS n RETURNING id),
           s AS (INSERT INTO chat_sessions (product_id, customer_id, vendor_id, updated_at) SELECT id, ${customer.id}, ${vendor.id}, now() FROM p RETURNING id)
      INSERT INTO chat_messages (session_id, sender_id, body) SELECT id, ${customer.id}, 'q' FROM s`;
    const heard: ChatEvent[] = [];
    const unsubscribe = eventBus().subscribe((event) => heard.push(event));
    await eventBus().ready();
    // The vendor's open stream hears the one announcement and reads every event from its log.
    const leave = new AbortController();
    const vendorStream = new SseReader(new Response(eventStream({ userId: vendor.id, staff: false }, null, leave.signal)));
    await new Promise((resolve) => setTimeout(resolve, 100)); // it has read where it starts
    try {
      expect(await markSessionsReadAction({ filters: defaultState(sessionsList) })).toMatchObject({ ok: true, data: { messages: 251 } });
      await vi.waitFor(() => expect(heard.filter((event) => event.type === "read")).toEqual([{ type: "read", sessionId: 0, participants: [], events: [] }]));
      await vendorStream.waitFor(() => vendorStream.events.length >= 251);
    } finally {
      unsubscribe();
      leave.abort();
    }
    for (const user of [customer, vendor]) expect(await db.userEvent.count({ where: { userId: user.id, kind: "read" } })).toBe(251);
    const logged = await db.userEvent.findMany({ where: { userId: vendor.id }, orderBy: { id: "asc" }, select: { id: true } });
    expect(vendorStream.events.map((event) => [event.event, event.id])).toEqual(logged.map((event) => ["read", String(event.id)]));
  });

  it("BULK-1 on 'all matching' acts on the filtered set only", async () => {
    await sessionWithUnread(2, { product: "Red Kettle" });
    const other = await sessionWithUnread(3, { product: "Blue Lamp" });
    const result = await markSessionsReadAction({ filters: { ...defaultState(sessionsList), q: "kettle" } });
    expect(result).toMatchObject({ ok: true, data: { messages: 2 } });
    expect(await getUnreadTotal()).toBe(3);
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: other.session.id } })).unreadCount).toBe(3);
  });

  it("BULK-2 and ROW-4 delete sessions with all their messages in one transaction, admin only", async () => {
    const a = await sessionWithUnread(3);
    const b = await sessionWithUnread(1);
    actAs("support");
    expect(await deleteSessionsAction({ ids: [a.session.id] })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    actAs("qa");
    expect(await deleteSessionsAction({ ids: [a.session.id] })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await db.chatSession.count()).toBe(2);
    actAs("admin");
    expect(await deleteSessionsAction({ ids: [a.session.id] })).toEqual({ ok: true, data: { sessions: 1, messages: 4 } });
    expect(await db.chatMessage.count({ where: { sessionId: a.session.id } })).toBe(0);
    expect(await getUnreadTotal()).toBe(1);
    expect(await countersFromMessages()).toEqual([{ id: b.session.id, messages: 2, unread: 1 }]);
    const audit = await db.auditLog.findFirstOrThrow({ where: { action: "chatSessions.delete" } });
    expect(audit).toMatchObject({ actorId: 1, targetId: String(a.session.id), details: { sessions: 1, messages: 4 } });
  });

  it("refuses empty, oversized and malformed selections without touching anything", async () => {
    await sessionWithUnread(2);
    for (const input of [{ ids: [] }, { ids: Array.from({ length: 1001 }, (_, i) => i + 1) }, { ids: [-1] }, { filters: { q: 5 } }, { ids: [1], filters: {} }, null]) {
      expect(await markSessionsReadAction(input as never)).toMatchObject({ ok: false, error: { code: "invalid" } });
    }
    expect(await getUnreadTotal()).toBe(2);
  });

  it("ROW-1 loads the conversation newest first, 50 at a time, and says when a session is gone", async () => {
    const { session, customer, vendor } = await createSessionFixture();
    const base = Date.now() - 1_000_000;
    await db.chatMessage.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ sessionId: session.id, senderId: i % 2 ? vendor.id : customer.id, body: `m${i}`, createdAt: new Date(base + i * 1000) })),
    });
    actAs("support");
    const first = await loadConversationAction({ sessionId: session.id });
    if (!first.ok) throw new Error("expected the conversation");
    expect(first.data.messages).toHaveLength(50);
    expect(first.data.messages[0]!.body).toBe("m59");
    expect(first.data.messages[0]!.sender.role).toBe("vendor");
    const older = await loadConversationAction({ sessionId: session.id, beforeId: first.data.olderBeforeId });
    if (!older.ok) throw new Error("expected older messages");
    expect(older.data.messages.map((m) => m.body)).toEqual(Array.from({ length: 10 }, (_, i) => `m${9 - i}`));
    expect(older.data.olderBeforeId).toBeNull();
    expect(await loadConversationAction({ sessionId: 999_999 })).toMatchObject({ ok: false, error: { code: "not_found", message: "sessionNotFound" } });
  });

  it("BULK-1 and ROW-1 are refused to customers, vendors and signed-out callers; the badge still equals a fresh count", async () => {
    const a = await sessionWithUnread(2);
    for (const role of ["customer", "vendor", null] as const) {
      actAs(role);
      expect(await markSessionsReadAction({ ids: [a.session.id] }), String(role)).toMatchObject({ ok: false });
      expect(await markSessionsReadAction({ filters: { ...defaultState(sessionsList) } }), String(role)).toMatchObject({ ok: false });
      expect(await loadConversationAction({ sessionId: a.session.id }), String(role)).toMatchObject({ ok: false });
      expect(await deleteSessionsAction({ ids: [a.session.id] }), String(role)).toMatchObject({ ok: false });
    }
    actAs("qa");
    expect(await markSessionsReadAction({ filters: { ...defaultState(sessionsList), unread: true } })).toMatchObject({ ok: true, data: { messages: 2 } });
    const fresh = (await countersFromMessages()).reduce((sum, row) => sum + row.unread, 0);
    expect(await getUnreadTotal()).toBe(fresh);
    expect(fresh).toBe(0);
    expect(await db.auditLog.count({ where: { action: "chatSessions.markRead" } })).toBe(1);
  });
});
