import fc from "fast-check";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { markSessionsReadAction } from "@/lib/chat-sessions/actions";
import { getUnreadTotal } from "@/lib/chat-sessions/unread-total";
import { markReadByRecipient } from "@/lib/participant-chat/read-receipts";
import { db } from "@/lib/db";
import { markMessagesReadAction } from "@/lib/chat-sessions/messages/actions";
import { undoActionAction } from "@/lib/undo/actions";
import { actAs } from "../support/mock-current-user";
import { countersFromMessages, createSessionFixture, createUser, resetDatabase } from "../support/fixtures";
import { defaultState } from "@/lib/list-engine/url-state";
import { sessionsList } from "@/lib/chat-sessions/list";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

beforeEach(async () => {
  await resetDatabase();
});

const readIds = async () => new Set((await db.chatMessage.findMany({ where: { readAt: { not: null } }, select: { id: true } })).map((m) => m.id));
const storedCounters = async () => (await db.chatSession.findMany({ orderBy: { id: "asc" }, select: { id: true, messageCount: true, unreadCount: true } })).map((s) => ({ id: s.id, messages: s.messageCount, unread: s.unreadCount }));

describe("undo (issue 20)", () => {
  it("single mark-read and mark-all-read undo exactly what they changed; a message read before stays read", async () => {
    const agent = await createUser("support", "Sara");
    const { session, customer } = await createSessionFixture();
    const [a, b, c] = await Promise.all(["a", "b", "c"].map((body) => db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body } })));
    await db.chatMessage.update({ where: { id: c!.id }, data: { readAt: new Date() } });
    actAs("support", agent.id);
    const one = await markMessagesReadAction({ sessionId: session.id, messageIds: [a!.id] });
    expect(one).toMatchObject({ ok: true, data: { messages: 1 } });
    const all = await markMessagesReadAction({ sessionId: session.id, all: true });
    expect(all).toMatchObject({ ok: true, data: { messages: 1 } });
    expect(await getUnreadTotal()).toBe(0);
    expect(await undoActionAction({ token: one.ok ? one.data.undoToken! : "" })).toEqual({ ok: true, data: { kind: "read", changed: 1 } });
    expect(await readIds()).toEqual(new Set([b!.id, c!.id]));
    expect(await undoActionAction({ token: all.ok ? all.data.undoToken! : "" })).toEqual({ ok: true, data: { kind: "read", changed: 1 } });
    expect(await readIds()).toEqual(new Set([c!.id]));
    expect(await getUnreadTotal()).toBe(2);
    expect(await storedCounters()).toEqual(await countersFromMessages());
    // Nothing to mark: no token, nothing to undo.
    expect(await markMessagesReadAction({ sessionId: session.id, messageIds: [c!.id] })).toMatchObject({ ok: true, data: { messages: 0, undoToken: null } });
    expect(await db.auditLog.count({ where: { action: "chatSessions.undo" } })).toBe(2);
  });

  it("property: a bulk 'all matching' mark-read undone while participants read leaves exactly the reads before plus theirs, counters and badge equal to a fresh recount", async () => {
    const agent = await createUser("support", "Sara");
    await fc.assert(
      fc.asyncProperty(
        // sessions: each a list of messages (sent by the customer or the vendor, read or not)
        fc.array(fc.array(fc.record({ byCustomer: fc.boolean(), read: fc.boolean() }), { maxLength: 8 }), { minLength: 1, maxLength: 4 }),
        // which participants open their conversation while the Undo runs: [session index, customer?]
        fc.array(fc.tuple(fc.nat(3), fc.boolean()), { maxLength: 4 }),
        // the participants read after the mark and before the Undo, race it, or read after it
        fc.constantFrom("meanwhile", "race", "after"),
        async (shape, readers, order) => {
          await db.$executeRawUnsafe("TRUNCATE chat_sessions, chat_messages, user_events, notifications, undo_actions RESTART IDENTITY CASCADE");
          await db.$executeRawUnsafe("UPDATE unread_totals SET total = 0");
          const sessions: Awaited<ReturnType<typeof createSessionFixture>>[] = [];
          for (const messages of shape) {
            const fixture = await createSessionFixture();
            for (const message of messages) {
              await db.chatMessage.create({ data: { sessionId: fixture.session.id, senderId: message.byCustomer ? fixture.customer.id : fixture.vendor.id, body: "m", readAt: message.read ? new Date() : null } });
            }
            sessions.push(fixture);
          }
          const before = await readIds();
          actAs("support", agent.id);
          const marked = await markSessionsReadAction({ filters: defaultState(sessionsList) });
          expect(marked.ok).toBe(true);
          const token = marked.ok ? marked.data.undoToken : null;
          const reads = readers.filter(([index]) => index < sessions.length).map(([index, customer]) => ({ session: sessions[index]!, readerId: customer ? sessions[index]!.customer.id : sessions[index]!.vendor.id }));
          const participantReads = () => Promise.all(reads.map(({ session, readerId }) => markReadByRecipient(readerId, session.session.id)));
          if (token) {
            // Whatever the order, the end must be the same.
            if (order === "meanwhile") await participantReads();
            const undo = undoActionAction({ token });
            const [undone] = order === "race" ? await Promise.all([undo, participantReads()]) : [await undo];
            if (order === "after") await participantReads();
            expect(undone.ok).toBe(true);
          } else await participantReads();
          const expected = new Set(before);
          for (const { session, readerId } of reads) {
            for (const message of await db.chatMessage.findMany({ where: { sessionId: session.session.id, senderId: { not: readerId } }, select: { id: true } })) expected.add(message.id);
          }
          expect(await readIds()).toEqual(expected);
          expect(await storedCounters()).toEqual(await countersFromMessages());
          expect(await getUnreadTotal()).toBe(await db.chatMessage.count({ where: { readAt: null } }));
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
