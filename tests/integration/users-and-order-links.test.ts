import { beforeEach, describe, expect, it, vi } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { createSessionAction, updateSessionAction } from "@/lib/chat-sessions/session-actions";
import { listSessions } from "@/lib/chat-sessions/list-query";
import { sessionsList } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { loadListView } from "@/lib/list-engine/load-view";
import { db } from "@/lib/db";
import { searchEntities } from "@/lib/lookups/search-entities";
import { createUserAction, deleteUserAction, updateUserAction } from "@/lib/users/actions";
import { actAs } from "../support/mock-current-user";
import { createProduct, createSessionFixture, createUser, resetDatabase } from "../support/fixtures";
import { parseListState } from "@/lib/list-engine/url-state";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

const at = "2026-11-20T08:30:15.000Z";
let fixture: Awaited<ReturnType<typeof createSessionFixture>>;
let admin: { id: number };

beforeEach(async () => {
  await resetDatabase();
  admin = await createUser("admin", "Admin");
  actAs("admin", admin.id);
  fixture = await createSessionFixture({ customer: "سارة", vendor: "متجر الأزياء", product: "فستان" });
});

const order = (customerId: number, vendorId: number) => db.order.create({ data: { customerId, vendorId, total: 10 }, select: { id: true } });
const people = () => ({ productId: fixture.product.id, customerId: fixture.customer.id, vendorId: fixture.vendor.id });

describe("REL-1 users: create, edit with password reset, delete", () => {
  it("creates a user with a hashed password, audited; a taken e-mail is refused on its field", async () => {
    const result = await createUserAction({ name: " ليلى ", email: "Laila@Example.com", role: "support", password: "correct horse battery" });
    expect(result).toMatchObject({ ok: true });
    const user = await db.user.findUniqueOrThrow({ where: { email: "laila@example.com" } });
    expect(user).toMatchObject({ name: "ليلى", role: "support" });
    expect(await verifyPassword("correct horse battery", user.passwordHash)).toBe(true);
    expect(await db.auditLog.findFirst({ where: { action: "users.create", targetId: String(user.id) } })).toMatchObject({ actorId: admin.id });
    expect(await createUserAction({ name: "x", email: "laila@example.com", role: "qa", password: "correct horse battery" })).toMatchObject({
      ok: false,
      error: { code: "conflict", fieldErrors: { email: "emailTaken" } },
    });
  });

  it("validates with the form's schema and localized keys: name, e-mail, role, a 12-character password", async () => {
    const result = await createUserAction({ name: "", email: "not-an-email", role: "owner" as "admin", password: "short" });
    expect(result).toMatchObject({ ok: false, error: { code: "invalid", fieldErrors: { name: "nameRequired", email: "emailInvalid", role: "roleRequired", password: "passwordTooShort" } } });
    expect(await db.user.count()).toBe(3);
    // NUL, which PostgreSQL text cannot hold, is dropped from a name
    expect(await createUserAction({ name: "Ra\u0000na", email: "rana@example.com", role: "qa", password: "correct horse battery" })).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { email: "rana@example.com" } })).toMatchObject({ name: "Rana" });
  });

  it("edits a user and resets the password only when a new one is given", async () => {
    const staff = await db.user.create({ data: { name: "QA", email: "qa@x.test", role: "qa", passwordHash: null } });
    expect(await updateUserAction({ id: staff.id, name: "QA Lead", email: "qa@x.test", role: "support", password: "" })).toMatchObject({ ok: true });
    expect(await db.user.findUniqueOrThrow({ where: { id: staff.id } })).toMatchObject({ name: "QA Lead", role: "support", passwordHash: null });
    expect(await updateUserAction({ id: staff.id, name: "QA Lead", email: "qa@x.test", role: "support", password: "a brand new secret" })).toMatchObject({ ok: true });
    expect(await verifyPassword("a brand new secret", (await db.user.findUniqueOrThrow({ where: { id: staff.id } })).passwordHash)).toBe(true);
    expect(await db.auditLog.count({ where: { action: "users.update", targetId: String(staff.id) } })).toBe(2);
    expect(await updateUserAction({ id: 999_999, name: "x", email: "y@x.test", role: "qa", password: "" })).toMatchObject({ ok: false, error: { code: "not_found", message: "userGone" } });
  });

  it("keeps the role of a user with history, and an admin's own role", async () => {
    const customer = fixture.customer;
    expect(await updateUserAction({ id: customer.id, name: customer.name, email: customer.email, role: "vendor", password: "" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { role: "roleLocked" } },
    });
    expect(await updateUserAction({ id: customer.id, name: "سارة أحمد", email: customer.email, role: "customer", password: "" })).toMatchObject({ ok: true });
    // the rename reaches the session's copied name and its search text
    expect(await db.chatSession.findUniqueOrThrow({ where: { id: fixture.session.id } })).toMatchObject({ customerName: "سارة أحمد" });
    expect(await updateUserAction({ id: admin.id, name: "Admin", email: (await db.user.findUniqueOrThrow({ where: { id: admin.id } })).email, role: "qa", password: "" })).toMatchObject({
      ok: false,
      error: { fieldErrors: { role: "ownRole" } },
    });
  });

  it("refuses to delete a user who has sessions, saying how many, and deletes nothing", async () => {
    await db.chatSession.create({ data: { ...people() } });
    const result = await deleteUserAction({ id: fixture.customer.id });
    expect(result).toEqual({ ok: true, data: { status: "refused", links: { sessions: 2, messages: 0, products: 0, orders: 0, writtenForParticipants: 0, markedRead: 0 } } });
    expect(await db.user.count({ where: { id: fixture.customer.id } })).toBe(1);
    expect(await db.chatSession.count()).toBe(2);
    expect(await db.auditLog.count({ where: { action: "users.delete" } })).toBe(0);
  });

  it("deletes a user with no history, audited; not oneself, not twice", async () => {
    const leaver = await createUser("customer", "Leaver");
    expect(await deleteUserAction({ id: leaver.id })).toEqual({ ok: true, data: { status: "deleted" } });
    expect(await db.user.count({ where: { id: leaver.id } })).toBe(0);
    expect(await db.auditLog.count({ where: { action: "users.delete", targetId: String(leaver.id) } })).toBe(1);
    expect(await deleteUserAction({ id: leaver.id })).toMatchObject({ ok: false, error: { code: "not_found" } });
    expect(await deleteUserAction({ id: admin.id })).toMatchObject({ ok: false, error: { message: "cannotDeleteSelf" } });
  });

  it("is for admins only", async () => {
    for (const role of ["support", "qa", "customer", "vendor"] as const) {
      actAs(role);
      expect(await deleteUserAction({ id: fixture.customer.id })).toMatchObject({ ok: false, error: { code: "forbidden" } });
    }
    expect(await db.user.count()).toBe(3);
  });
});

describe("REL-2 a session linked to an order, both ways", () => {
  it("links a session to an order of the same pair on create and edit, and filters the list by order", async () => {
    const { id: orderId } = await order(fixture.customer.id, fixture.vendor.id);
    const created = await createSessionAction({ ...people(), orderId, lastMessageAt: at, allowDuplicate: true });
    expect(created).toMatchObject({ ok: true, data: { status: "created" } });
    const linkedId = created.ok && created.data.status === "created" ? created.data.id : 0;
    const { params } = parseListState(sessionsList, { order: String(orderId) });
    expect((await listSessions(params)).rows.map((row) => [row.id, row.orderId])).toEqual([[linkedId, orderId]]);
    // the order's page shows the same table, filtered by the order
    const view = await loadListView(sessionsList, sessionsSource, { params, notices: [] }, undefined);
    expect(view.labels.order).toBe(`\u2066#${orderId}\u2069 · سارة ↔ متجر الأزياء`);
    expect(view.total).toEqual({ count: 1, capped: false });

    const session = await db.chatSession.findUniqueOrThrow({ where: { id: fixture.session.id } });
    const edit = { ...people(), id: session.id, expectedUpdatedAt: session.updatedAt.toISOString(), lastMessageAt: session.lastMessageAt.toISOString(), openedLastMessageAt: session.lastMessageAt.toISOString() };
    expect(await updateSessionAction({ ...edit, orderId })).toMatchObject({ ok: true });
    expect((await listSessions(params)).rows).toHaveLength(2);
    // deleting the order unlinks its sessions and keeps them
    await db.order.delete({ where: { id: orderId } });
    expect(await db.chatSession.count({ where: { orderId: null } })).toBe(2);
  });

  it("refuses an order between other people, or one that is gone, on the order field", async () => {
    const stranger = await createUser("customer", "غريب");
    const { id: otherOrder } = await order(stranger.id, fixture.vendor.id);
    expect(await createSessionAction({ ...people(), orderId: otherOrder, lastMessageAt: at, allowDuplicate: true })).toMatchObject({
      ok: false,
      error: { fieldErrors: { orderId: "orderOtherParticipants" } },
    });
    expect(await createSessionAction({ ...people(), orderId: 987_654, lastMessageAt: at, allowDuplicate: true })).toMatchObject({ ok: false, error: { fieldErrors: { orderId: "orderGone" } } });
    expect(await createSessionAction({ ...people(), orderId: -4 as number, lastMessageAt: at })).toMatchObject({ ok: false, error: { fieldErrors: { orderId: "orderInvalid" } } });
    expect(await db.chatSession.count()).toBe(1);
  });

  it("a bad order in the list's URL is dropped with a notice", async () => {
    const view = await loadListView(sessionsList, sessionsSource, parseListState(sessionsList, { order: "424242" }), undefined);
    expect(view.params.order).toBeNull();
    expect(view.notices).toContain("badFilter");
    expect(parseListState(sessionsList, { order: "x" }).notices).toContain("badFilter");
  });

  it("the order dropdown finds orders by number or by name, narrowed to the chosen pair", async () => {
    const { id: theirs } = await order(fixture.customer.id, fixture.vendor.id);
    const otherVendor = await createUser("vendor", "متجر آخر");
    await createProduct(otherVendor.id);
    const { id: elsewhere } = await order(fixture.customer.id, otherVendor.id);
    expect((await searchEntities("order", `#${theirs}`)).map((option) => option.id)).toEqual([theirs]);
    expect((await searchEntities("order", "ساره")).map((option) => option.id).sort()).toEqual([theirs, elsewhere].sort());
    expect((await searchEntities("order", "", { customerId: fixture.customer.id, vendorId: fixture.vendor.id })).map((option) => option.id)).toEqual([theirs]);
  });
});
