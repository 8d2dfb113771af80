import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { markSessionsReadAction } from "@/lib/chat-sessions/actions";
import { loadConversation, loadParticipantConversation } from "@/lib/chat-sessions/conversation";
import { markMessagesReadAction } from "@/lib/chat-sessions/messages/actions";
import { markReadByRecipient } from "@/lib/participant-chat/read-receipts";
import { listMySessions } from "@/lib/participant-chat/my-sessions";
import { getUnreadTotal } from "@/lib/chat-sessions/unread-total";
import { actAs } from "../support/mock-current-user";
import { createSessionFixture, createUser, resetDatabase } from "../support/fixtures";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

beforeEach(resetDatabase);

describe("read receipts stay honest (issue 19)", () => {
  it("staff marking read records who did it; the participants see a receipt only once the recipient read it", async () => {
    const sara = await createUser("support", "Sara");
    const { session, customer, vendor } = await createSessionFixture();
    const question = await db.chatMessage.create({ data: { sessionId: session.id, senderId: customer.id, body: "متوفر؟" } });
    actAs("support", sara.id);
    expect(await markMessagesReadAction({ sessionId: session.id, messageIds: [question.id] })).toMatchObject({ ok: true, data: { messages: 1, readBy: "Test support" } });

    // The panel: read, marked by Sara. The NAV-2 badge counts it as read.
    const staffView = await loadConversation(session.id, null);
    expect(staffView?.messages[0]).toMatchObject({ id: question.id, markedReadBy: { name: "Sara" } });
    expect(staffView?.messages[0]?.readAt).not.toBeNull();
    expect(await getUnreadTotal()).toBe(0);

    // The participants (web chat and /api/v1 read this): no receipt, still unread for the vendor.
    const participantView = await loadParticipantConversation(session.id, null);
    expect(participantView.messages[0]).toMatchObject({ id: question.id, readAt: null });
    expect(participantView.messages[0]).not.toHaveProperty("markedReadBy");
    expect((await listMySessions(vendor.id)).find((s) => s.id === session.id)?.unreadForMe).toBe(1);

    // The vendor opens the conversation: now it is read by its recipient, and the receipt shows.
    await markReadByRecipient(vendor.id, session.id);
    expect((await loadConversation(session.id, null))?.messages[0]?.markedReadBy).toBeNull();
    expect((await loadParticipantConversation(session.id, null)).messages[0]?.readAt).not.toBeNull();
    expect((await listMySessions(vendor.id)).find((s) => s.id === session.id)?.unreadForMe).toBe(0);
  });

  it("BULK-1 marks read in the staff member's name too", async () => {
    const sara = await createUser("support", "Sara");
    const { session, vendor } = await createSessionFixture();
    await db.chatMessage.create({ data: { sessionId: session.id, senderId: vendor.id, body: "hello" } });
    actAs("support", sara.id);
    expect(await markSessionsReadAction({ ids: [session.id] })).toMatchObject({ ok: true, data: { messages: 1 } });
    expect(await db.chatMessage.findFirst({ where: { sessionId: session.id }, select: { readByStaffId: true } })).toEqual({ readByStaffId: sara.id });
  });
});
