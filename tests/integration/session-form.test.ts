import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createSessionAction, updateSessionAction } from "@/lib/chat-sessions/session-actions";
import { actAs } from "../support/mock-current-user";
import { createProduct, createUser, resetDatabase } from "../support/fixtures";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

let people: { productId: number; customerId: number; vendorId: number };
beforeEach(async () => {
  await resetDatabase();
  actAs("qa");
  const vendor = await createUser("vendor", "متجر التقنية");
  const customer = await createUser("customer", "أحمد");
  const product = await createProduct(vendor.id, "ساعة ذكية");
  people = { productId: product.id, customerId: customer.id, vendorId: vendor.id };
});

const at = "2026-11-20T08:30:15.000Z";

describe("creating and editing chat sessions", () => {
  it("FORM-1..4 create a session with product, customer, vendor and last message time (stored as UTC)", async () => {
    const result = await createSessionAction({ ...people, lastMessageAt: at });
    expect(result).toMatchObject({ ok: true, data: { status: "created" } });
    const session = await db.chatSession.findFirstOrThrow();
    expect(session).toMatchObject({ ...people, productName: "ساعة ذكية", customerName: "أحمد", vendorName: "متجر التقنية", messageCount: 0 });
    expect(session.lastMessageAt.toISOString()).toBe(at);
  });

  it("FORM-1..3 require product, customer and vendor, as two different people, with localized messages", async () => {
    expect(await createSessionAction({ productId: 0, customerId: 0, vendorId: 0, lastMessageAt: at })).toMatchObject({
      ok: false,
      error: { code: "invalid", fieldErrors: { productId: "productRequired", customerId: "customerRequired", vendorId: "vendorRequired" } },
    });
    expect(await createSessionAction({ ...people, vendorId: people.customerId, lastMessageAt: at })).toMatchObject({ ok: false, error: { fieldErrors: { vendorId: "sameParticipant" } } });
    expect(await createSessionAction({ ...people, lastMessageAt: "yesterday" })).toMatchObject({ ok: false, error: { fieldErrors: { lastMessageAt: "dateInvalid" } } });
    expect(await createSessionAction({ ...people, lastMessageAt: "1900-01-01T00:00:00Z" })).toMatchObject({ ok: false, error: { fieldErrors: { lastMessageAt: "dateOutOfRange" } } });
    expect(await db.chatSession.count()).toBe(0);
  });

  it("says when the product or a person was deleted meanwhile, instead of crashing", async () => {
    expect(await createSessionAction({ ...people, productId: 999_999, lastMessageAt: at })).toMatchObject({ ok: false, error: { code: "invalid", fieldErrors: { productId: "productGone" } } });
    expect(await createSessionAction({ ...people, customerId: 999_999, lastMessageAt: at })).toMatchObject({ ok: false, error: { fieldErrors: { customerId: "userGone" } } });
  });

  it("points at an existing session for the same product, customer and vendor, and still creates one when asked", async () => {
    const first = await createSessionAction({ ...people, lastMessageAt: at });
    if (!first.ok || first.data.status !== "created") throw new Error("expected a new session");
    expect(await createSessionAction({ ...people, lastMessageAt: at })).toEqual({ ok: true, data: { status: "duplicate", existingId: first.data.id } });
    expect(await createSessionAction({ ...people, lastMessageAt: at, allowDuplicate: true })).toMatchObject({ ok: true, data: { status: "created" } });
    expect(await db.chatSession.count()).toBe(2);
  });

  it("ROW-3 edits details, and refuses to overwrite a change made meanwhile (conflict)", async () => {
    const created = await createSessionAction({ ...people, lastMessageAt: at });
    if (!created.ok || created.data.status !== "created") throw new Error("expected a new session");
    const opened = await db.chatSession.findUniqueOrThrow({ where: { id: created.data.id } });
    const version = { id: opened.id, expectedUpdatedAt: opened.updatedAt.toISOString(), openedLastMessageAt: at };
    const other = await createUser("vendor", "Book Nook");
    const saved = await updateSessionAction({ ...people, vendorId: other.id, lastMessageAt: at, ...version });
    expect(saved).toMatchObject({ ok: true });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: opened.id } })).vendorName).toBe("Book Nook");
    const stale = await updateSessionAction({ ...people, lastMessageAt: at, ...version });
    expect(stale).toMatchObject({ ok: false, error: { code: "conflict", message: "editConflict" } });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: opened.id } })).vendorName).toBe("Book Nook");
    expect(await updateSessionAction({ ...people, lastMessageAt: at, ...version, id: 999_999 })).toMatchObject({ ok: false, error: { code: "not_found" } });
  });

  it("ROW-3 FORM-4 a save that leaves the last message time alone keeps the time a message moved it to meanwhile", async () => {
    const created = await createSessionAction({ ...people, lastMessageAt: at });
    if (!created.ok || created.data.status !== "created") throw new Error("expected a new session");
    const opened = await db.chatSession.findUniqueOrThrow({ where: { id: created.data.id } });
    // while the form is open, a message arrives: the trigger moves last_message_at to it
    const message = await db.chatMessage.create({ data: { sessionId: opened.id, senderId: people.customerId, body: "hi" } });
    const other = await createUser("customer", "Mona");
    const saved = await updateSessionAction({ ...people, customerId: other.id, lastMessageAt: at, id: opened.id, expectedUpdatedAt: opened.updatedAt.toISOString(), openedLastMessageAt: at });
    expect(saved).toMatchObject({ ok: true });
    const after = await db.chatSession.findUniqueOrThrow({ where: { id: opened.id } });
    expect(after.customerName).toBe("Mona");
    expect(after.lastMessageAt.toISOString()).toBe(message.createdAt.toISOString());
  });

  it("FORM-4 refuses a last message time earlier than the session's newest message, with a field message", async () => {
    const created = await createSessionAction({ ...people, lastMessageAt: at });
    if (!created.ok || created.data.status !== "created") throw new Error("expected a new session");
    const message = await db.chatMessage.create({ data: { sessionId: created.data.id, senderId: people.customerId, body: "hi" } });
    const opened = await db.chatSession.findUniqueOrThrow({ where: { id: created.data.id } });
    const version = { id: opened.id, expectedUpdatedAt: opened.updatedAt.toISOString(), openedLastMessageAt: opened.lastMessageAt.toISOString() };
    const earlier = new Date(message.createdAt.getTime() - 60_000).toISOString();
    expect(await updateSessionAction({ ...people, lastMessageAt: earlier, ...version })).toMatchObject({ ok: false, error: { code: "invalid", fieldErrors: { lastMessageAt: "dateBeforeNewestMessage" } } });
    const later = new Date(message.createdAt.getTime() + 60_000).toISOString();
    expect(await updateSessionAction({ ...people, lastMessageAt: later, ...version })).toMatchObject({ ok: true });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: opened.id } })).lastMessageAt.toISOString()).toBe(later);
  });

  it("support may not create or edit sessions", async () => {
    const created = await createSessionAction({ ...people, lastMessageAt: at });
    if (!created.ok || created.data.status !== "created") throw new Error("expected a new session");
    const opened = await db.chatSession.findUniqueOrThrow({ where: { id: created.data.id } });
    actAs("support");
    expect(await createSessionAction({ ...people, lastMessageAt: at, allowDuplicate: true })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    const other = await createUser("customer", "Mona");
    expect(
      await updateSessionAction({ ...people, customerId: other.id, lastMessageAt: at, id: opened.id, expectedUpdatedAt: opened.updatedAt.toISOString(), openedLastMessageAt: at }),
    ).toMatchObject({ ok: false, error: { code: "forbidden" } });
    expect(await db.chatSession.count()).toBe(1);
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: opened.id } })).customerId).toBe(people.customerId);
  });
});
