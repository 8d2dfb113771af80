import { beforeEach, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { createSessionAction, updateSessionAction } from "@/lib/chat-sessions/session-actions";
import { actAs } from "../support/mock-current-user";
import { createProduct, createUser, resetDatabase } from "../support/fixtures";
import { catalogs } from "@/lib/i18n/catalogs";
import { makeTranslate } from "@/lib/i18n/translate";

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
    const other = await createProduct(people.vendorId, "Desk lamp");
    const saved = await updateSessionAction({ ...people, productId: other.id, lastMessageAt: at, id: opened.id, expectedUpdatedAt: opened.updatedAt.toISOString(), openedLastMessageAt: at });
    expect(saved).toMatchObject({ ok: true });
    const after = await db.chatSession.findUniqueOrThrow({ where: { id: opened.id } });
    expect(after.productName).toBe("Desk lamp");
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

  it("FORM-2 FORM-3 the customer must be a customer and the vendor a vendor: the action says which field, and the database refuses it from anywhere", async () => {
    const admin = await createUser("admin", "Admin Ali");
    const support = await createUser("support", "Support Sara");
    expect(await createSessionAction({ ...people, customerId: admin.id, vendorId: support.id, lastMessageAt: at })).toMatchObject({
      ok: false,
      error: { code: "invalid", fieldErrors: { customerId: "notACustomer", vendorId: "notAVendor" } },
    });
    expect(await createSessionAction({ ...people, customerId: people.vendorId, vendorId: people.customerId, lastMessageAt: at })).toMatchObject({
      ok: false,
      error: { fieldErrors: { customerId: "notACustomer", vendorId: "notAVendor" } },
    });
    expect(await db.chatSession.count()).toBe(0);
    for (const key of ["notACustomer", "notAVendor"] as const) {
      expect(catalogs.sessionForm.ar[key]).not.toBe(catalogs.sessionForm.en[key]);
    }
    // The database: no writer (a script, a seed, a future code path) seats the wrong role.
    await expect(db.$executeRaw`INSERT INTO chat_sessions (product_id, customer_id, vendor_id, updated_at) VALUES (${people.productId}, ${admin.id}, ${people.vendorId}, now())`).rejects.toThrow(/chat_sessions_customer_role|not a customer/);
    await expect(db.$executeRaw`INSERT INTO chat_sessions (product_id, customer_id, vendor_id, updated_at) VALUES (${people.productId}, ${people.customerId}, ${support.id}, now())`).rejects.toThrow(/not a vendor/);
    const session = await db.chatSession.create({ data: { ...people } });
    await expect(db.chatSession.update({ where: { id: session.id }, data: { vendorId: admin.id } })).rejects.toThrow(/not a vendor/);
    // …and a participant's role cannot change under their sessions either.
    await expect(db.user.update({ where: { id: people.customerId }, data: { role: "vendor" } })).rejects.toThrow(/cannot become a vendor/);
    await expect(db.user.update({ where: { id: people.vendorId }, data: { role: "support" } })).rejects.toThrow(/cannot become a support/);
    await db.user.update({ where: { id: admin.id }, data: { role: "qa" } });
    expect(await db.chatSession.findMany({ select: { customerId: true, vendorId: true } })).toEqual([{ customerId: people.customerId, vendorId: people.vendorId }]);
  });

  it("ROW-3 a session without messages gets another customer or vendor from QA; the edit is in the audit log", async () => {
    const created = await createSessionAction({ ...people, lastMessageAt: at });
    if (!created.ok || created.data.status !== "created") throw new Error("expected a new session");
    const opened = await db.chatSession.findUniqueOrThrow({ where: { id: created.data.id } });
    const mona = await createUser("customer", "Mona");
    const saved = await updateSessionAction({ ...people, customerId: mona.id, lastMessageAt: at, id: opened.id, expectedUpdatedAt: opened.updatedAt.toISOString(), openedLastMessageAt: at });
    expect(saved).toMatchObject({ ok: true, data: { status: "saved" } });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: opened.id } })).customerId).toBe(mona.id);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "chatSessions.update" } });
    expect(entry).toMatchObject({ targetType: "chatSession", targetId: String(opened.id), details: { customerId: mona.id, customer: { from: { id: people.customerId, name: "أحمد" }, to: { id: mona.id, name: "Mona" } }, messages: 0 } });
  });

  it("ROW-3 a session with messages changes hands only by an admin who confirmed who will see how many messages; QA is told why not; it is audited with old and new participant", async () => {
    const created = await createSessionAction({ ...people, lastMessageAt: at });
    if (!created.ok || created.data.status !== "created") throw new Error("expected a new session");
    const sessionId = created.data.id;
    for (const body of ["first", "second", "third"]) await db.chatMessage.create({ data: { sessionId, senderId: people.customerId, body } });
    const mona = await createUser("customer", "Mona");
    const opened = await db.chatSession.findUniqueOrThrow({ where: { id: sessionId } });
    const edit = { ...people, customerId: mona.id, lastMessageAt: opened.lastMessageAt.toISOString(), id: sessionId, expectedUpdatedAt: opened.updatedAt.toISOString(), openedLastMessageAt: opened.lastMessageAt.toISOString() };

    actAs("qa");
    expect(await updateSessionAction(edit)).toEqual({ ok: false, error: { code: "forbidden", message: "reassignAdminOnly", fieldErrors: { customerId: "reassignAdminOnly" } } });
    expect(await updateSessionAction({ ...edit, confirmedMessages: 3 })).toMatchObject({ ok: false, error: { code: "forbidden", message: "reassignAdminOnly" } });
    expect(catalogs.sessionForm.en.reassignAdminOnly).toMatch(/only an admin/);

    actAs("admin");
    // Without a confirmation, or with a count that is no longer the count, nothing is saved: the admin is asked.
    expect(await updateSessionAction(edit)).toEqual({ ok: true, data: { status: "confirmReassign", messages: 3, newParticipants: ["Mona"] } });
    expect(await updateSessionAction({ ...edit, confirmedMessages: 2 })).toEqual({ ok: true, data: { status: "confirmReassign", messages: 3, newParticipants: ["Mona"] } });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: sessionId } })).customerId).toBe(people.customerId);
    expect(await db.auditLog.count({ where: { action: { in: ["chatSessions.update", "chatSessions.reassign"] } } })).toBe(0);
    const t = makeTranslate("en", catalogs.sessionForm.en);
    expect(t("reassignBody", { count: 3, names: "Mona" })).toBe("Mona will see 3 messages of this session's history. The change is recorded in the audit log.");

    expect(await updateSessionAction({ ...edit, confirmedMessages: 3 })).toMatchObject({ ok: true, data: { status: "saved" } });
    expect((await db.chatSession.findUniqueOrThrow({ where: { id: sessionId } })).customerId).toBe(mona.id);
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "chatSessions.reassign" } });
    expect(entry).toMatchObject({ actorId: 1, targetId: String(sessionId), details: { customer: { from: { id: people.customerId, name: "أحمد" }, to: { id: mona.id, name: "Mona" } }, messages: 3 } });
  });
});
