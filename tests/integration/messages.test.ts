import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { loadConversationAction } from "@/lib/chat-sessions/actions";
import { getUnreadTotal } from "@/lib/chat-sessions/unread-total";
import { addMessageAction, deleteMessageAction, markMessagesReadAction } from "@/lib/chat-sessions/messages/actions";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { loadConversation, loadParticipantConversation } from "@/lib/chat-sessions/conversation";
import { createSessionAction } from "@/lib/chat-sessions/session-actions";
import { markSessionsReadAction } from "@/lib/chat-sessions/actions";
import { AUDIT_ACTIONS } from "@/lib/audit-log/list";
import { catalogs } from "@/lib/i18n/catalogs";
import { makeTranslate } from "@/lib/i18n/translate";
import { latestNotifications } from "@/lib/participant-chat/notifications";
import { sendAsParticipant } from "@/lib/participant-chat/send-message";
import { deleteUserAction, updateUserAction } from "@/lib/users/actions";
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

describe("staff writing in a participant's name, and the audit log", () => {
  it("MSG-5 a message staff write as the vendor records who wrote it: the panel says \"sent by Sara (Support) on behalf of the vendor\", the participants only that the marketplace's support wrote it", async () => {
    const { session, customer, vendor } = await createSessionFixture();
    const sara = await createUser("support", "Sara");
    actAs("support", sara.id);
    const sent = await addMessageAction({ sessionId: session.id, senderId: vendor.id, body: "It ships tomorrow" });
    if (!sent.ok) throw new Error(JSON.stringify(sent.error));
    expect(sent.data).toMatchObject({ sender: { id: vendor.id }, writtenBy: { name: "Sara", role: "support" } });
    expect((await db.chatMessage.findUniqueOrThrow({ where: { id: sent.data.id } })).writtenByStaffId).toBe(sara.id);
    const own = await sendAsParticipant(customer.id, session.id, "Thanks!");
    expect(own.fromMarketplaceSupport).toBe(false);
    expect((await db.chatMessage.findUniqueOrThrow({ where: { id: own.id } })).writtenByStaffId).toBeNull();

    // The panel: who wrote it, in both languages.
    const staffView = await loadConversation(session.id, null);
    expect(staffView!.messages.map((m) => m.writtenBy)).toEqual([null, { name: "Sara", role: "support" }]);
    const role = (locale: "ar" | "en") => catalogs.shell[locale].roleSupport;
    expect(makeTranslate("en", catalogs.messages.en)("writtenForVendor", { name: "Sara", role: role("en") })).toBe("sent by Sara (Support) on behalf of the vendor");
    expect(makeTranslate("ar", catalogs.messages.ar)("writtenForVendor", { name: "سارة", role: role("ar") })).toBe("أُرسلت من سارة (دعم فني) نيابةً عن البائع");

    // The participants: that support wrote it, never who.
    const participantView = await loadParticipantConversation(session.id, null);
    expect(participantView.messages.map((m) => [m.sender.id, m.fromMarketplaceSupport])).toEqual([[customer.id, false], [vendor.id, true]]);
    const notices = await latestNotifications(customer.id);
    expect(notices.map((notice) => notice.message.fromMarketplaceSupport)).toEqual([true]);
    for (const shown of [participantView, notices]) {
      expect(JSON.stringify(shown)).not.toMatch(/Sara|writtenBy|support"/);
    }
    expect(catalogs.chat.en.fromSupportForVendor).toBe("Marketplace support (on behalf of the vendor)");
    expect(catalogs.chat.ar.fromSupportForVendor).toBe("دعم السوق (نيابةً عن البائع)");

    const [entry] = await db.auditLog.findMany({ where: { action: "messages.add" } });
    expect(entry).toMatchObject({ actorId: sara.id, targetType: "chatMessage", targetId: String(sent.data.id), details: { sessionId: session.id, senderId: vendor.id, onBehalfOf: "vendor" } });

    // The record outlives nothing it names: Sara cannot be deleted, though her role may still change.
    actAs("admin", customer.id);
    expect(await deleteUserAction({ id: sara.id })).toMatchObject({ ok: true, data: { status: "refused", links: { writtenForParticipants: 1 } } });
    expect(await updateUserAction({ id: sara.id, name: "Sara", email: sara.email, role: "qa", password: "" })).toMatchObject({ ok: true });
  });

  it("session create, mark read (one, some, all; and the list's bulk action) are audited in the change's own transaction", async () => {
    const { session, customer, vendor, product } = await createSessionFixture();
    const qa = await createUser("qa", "Quinn");
    actAs("qa", qa.id);
    const created = await createSessionAction({ productId: product.id, customerId: customer.id, vendorId: vendor.id, lastMessageAt: "2026-11-20T08:30:15.000Z", allowDuplicate: true });
    if (!created.ok || created.data.status !== "created") throw new Error("expected a new session");
    expect(await db.auditLog.findFirst({ where: { action: "chatSessions.create" } })).toMatchObject({ actorId: qa.id, targetId: String(created.data.id), details: { productId: product.id, customerId: customer.id, vendorId: vendor.id, duplicate: true } });

    const ids: number[] = [];
    for (const body of ["a", "b", "c", "d"]) ids.push((await sendAsParticipant(customer.id, session.id, body)).id);
    expect(await markMessagesReadAction({ sessionId: session.id, messageIds: [ids[0]!] })).toMatchObject({ ok: true, data: { messages: 1 } });
    // Nothing changed, nothing to record.
    expect(await markMessagesReadAction({ sessionId: session.id, messageIds: [ids[0]!] })).toMatchObject({ ok: true, data: { messages: 0 } });
    expect(await markMessagesReadAction({ sessionId: session.id, all: true })).toMatchObject({ ok: true, data: { messages: 3 } });
    const marks = await db.auditLog.findMany({ where: { action: "messages.markRead" }, orderBy: { id: "asc" } });
    expect(marks.map(({ actorId, targetType, targetId, details }) => ({ actorId, targetType, targetId, details }))).toEqual([
      { actorId: qa.id, targetType: "chatSession", targetId: String(session.id), details: { messageIds: [ids[0]], messages: 1 } },
      { actorId: qa.id, targetType: "chatSession", targetId: String(session.id), details: { all: true, messages: 3 } },
    ]);
    await sendAsParticipant(vendor.id, session.id, "e");
    expect(await markSessionsReadAction({ ids: [session.id] })).toMatchObject({ ok: true, data: { messages: 1 } });
    expect(await db.auditLog.count({ where: { action: "chatSessions.markRead", actorId: qa.id } })).toBe(1);
  });

  it("every action written to the audit log is offered by the audit page's filter, with its label in Arabic and English", () => {
    const sources = (dir: string): string[] =>
      readdirSync(dir).flatMap((entry) => {
        const path = join(dir, entry);
        if (statSync(path).isDirectory()) return entry === "generated" ? [] : sources(path);
        return /\.tsx?$/.test(entry) ? [readFileSync(path, "utf8")] : [];
      });
    const written = new Set(
      [...sources("lib"), ...sources("app")]
        .filter((text) => text.includes("audit("))
        .flatMap((text) => [...text.matchAll(/\baction: ([^,}]+)/g)].flatMap((match) => [...match[1]!.matchAll(/"([a-zA-Z]+\.[a-zA-Z]+)"/g)].map((name) => name[1]!))),
    );
    for (const action of ["chatSessions.create", "chatSessions.update", "chatSessions.reassign", "messages.add", "messages.markRead", "chatSessions.markRead"]) expect(written).toContain(action);
    for (const action of written) {
      expect(AUDIT_ACTIONS, action).toContain(action);
      const key = `audit_${action}` as keyof typeof catalogs.resources.ar;
      expect(catalogs.resources.ar[key], action).toBeTruthy();
      expect(catalogs.resources.en[key], action).not.toBe(catalogs.resources.ar[key]);
    }
  });
});
