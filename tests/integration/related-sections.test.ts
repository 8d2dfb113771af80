import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { ordersList } from "@/lib/orders/list";
import { ordersSource } from "@/lib/orders/list-source";
import { getOrder } from "@/lib/orders/queries";
import type { Cursor } from "@/lib/list-engine/cursor";
import { listPage, type ListPage } from "@/lib/list-engine/keyset";
import { planLimits } from "@/lib/list-engine/plan";
import { parseListState } from "@/lib/list-engine/url-state";
import { productsList } from "@/lib/products/list";
import { productsSource } from "@/lib/products/list-source";
import { getProduct } from "@/lib/products/queries";
import { usersList } from "@/lib/users/list";
import { usersSource } from "@/lib/users/list-source";
import { getUserLinks } from "@/lib/users/queries";
import { createProduct, createSessionFixture, resetDatabase } from "../support/fixtures";

const listUsers = (raw: Record<string, string>) => listPage(usersList, usersSource, parseListState(usersList, raw).params);
const listOrders = (raw: Record<string, string>) => listPage(ordersList, ordersSource, parseListState(ordersList, raw).params);
const listProducts = (raw: Record<string, string>) => listPage(productsList, productsSource, parseListState(productsList, raw).params);
let fixture: Awaited<ReturnType<typeof createSessionFixture>>;
let orderId: number;

beforeAll(async () => {
  await resetDatabase();
  fixture = await createSessionFixture({ customer: "أحمد العتيبي", vendor: "متجر التقنية", product: "ساعة" });
  await db.chatMessage.create({ data: { sessionId: fixture.session.id, senderId: fixture.customer.id, body: "?" } });
  const order = await db.order.create({
    data: { customerId: fixture.customer.id, vendorId: fixture.vendor.id, status: "paid", total: 99.5, items: { create: [{ productId: fixture.product.id, quantity: 1, unitPrice: 99.5 }] } },
  });
  orderId = order.id;
  await db.chatSession.update({ where: { id: fixture.session.id }, data: { orderId } });
});

describe("related sections", () => {
  it("REL-1 lists users searched Arabic-aware and filtered by role, with their sessions and unread", async () => {
    const { rows } = await listUsers({ q: "احمد" });
    expect(rows).toEqual([expect.objectContaining({ id: fixture.customer.id, role: "customer", sessions: 1, unread: 1 })]);
    expect((await listUsers({ role: "vendor" })).rows.map((row) => row.id)).toEqual([fixture.vendor.id]);
    expect((await listUsers({ withUnread: "1" })).rows.map((row) => row.id).sort()).toEqual([fixture.customer.id, fixture.vendor.id].sort());
    expect((await listUsers({ sort: "bogus", role: "nobody", page: "-3" })).rows).toHaveLength(2);
    expect(await getUserLinks(fixture.vendor.id)).toEqual({ sessions: 1, messages: 0, products: 1, orders: 1, writtenForParticipants: 0, markedRead: 0 });
  });

  it("Products: listed with vendor, sessions and unread, searched Arabic-aware by product or vendor, filtered; a product page", async () => {
    const idle = await createProduct(fixture.vendor.id, "قلم");
    const byVendor = await listProducts({ q: "التقنيه" });
    expect(byVendor.rows).toEqual([
      expect.objectContaining({ id: fixture.product.id, name: "ساعة", sessions: 1, unread: 1 }),
      expect.objectContaining({ id: idle.id, vendorName: "متجر التقنية", sessions: 0, unread: 0 }),
    ]);
    expect((await listProducts({ q: "ساعه" })).rows.map((row) => row.id)).toEqual([fixture.product.id]);
    expect((await listProducts({ withUnread: "1" })).rows.map((row) => row.id)).toEqual([fixture.product.id]);
    expect((await listProducts({ withSessions: "1", sort: "price", dir: "desc" })).rows).toHaveLength(1);
    expect((await listProducts({ vendor: String(fixture.vendor.id), createdFrom: "2000-01-01" })).rows).toHaveLength(2);
    expect((await listProducts({ createdTo: "2000-01-01" })).rows).toEqual([]);
    expect(await getProduct(String(fixture.product.id))).toMatchObject({ name: "ساعة", vendor: { id: fixture.vendor.id } });
    expect(await getProduct("1e3")).toBeNull();
  });

  it("REL-2 lists orders with customer, vendor, status, total and linked sessions; the order page has its items", async () => {
    const { rows } = await listOrders({ q: "التقنيه", status: "paid" });
    expect(rows).toEqual([expect.objectContaining({ id: orderId, status: "paid", total: "99.50", sessions: 1, customerName: "أحمد العتيبي" })]);
    expect((await listOrders({ status: "cancelled" })).rows).toEqual([]);
    expect((await listOrders({ customer: String(fixture.customer.id), vendor: String(fixture.vendor.id) })).rows.map((row) => row.id)).toEqual([orderId]);
    const order = await getOrder(String(orderId));
    expect(order?.items.map((item) => item.product.name)).toEqual(["ساعة"]);
    expect(await getOrder("abc")).toBeNull();
  });
});

describe("audit log", () => {
  it("lists entries newest first with who did them, filtered by action or actor", async () => {
    const { auditList } = await import("@/lib/audit-log/list");
    const { auditSource } = await import("@/lib/audit-log/list-source");
    const listAuditLog = (raw: Record<string, string>) => listPage(auditList, auditSource, parseListState(auditList, raw).params);
    await db.auditLog.deleteMany();
    await db.auditLog.createMany({
      data: [
        { actorId: fixture.customer.id, action: "messages.delete", targetType: "chatMessage", targetId: "1" },
        { actorId: fixture.vendor.id, action: "settings.mobileChat", targetType: "setting", details: { enabled: false } },
      ],
    });
    expect((await listAuditLog({})).rows.map((row) => row.action)).toEqual(["settings.mobileChat", "messages.delete"]);
    expect((await listAuditLog({ action: "messages.delete" })).rows).toEqual([expect.objectContaining({ actorName: "أحمد العتيبي", targetId: "1" })]);
    expect((await listAuditLog({ q: "التقنيه" })).rows.map((row) => row.action)).toEqual(["settings.mobileChat"]);
    expect((await listAuditLog({ actor: String(fixture.customer.id) })).rows.map((row) => row.action)).toEqual(["messages.delete"]);
  });
});

// Every list walks by the engine's keyset pages (the export reads them the same way); `filters`
// narrow it (URL values). Returns the whole list of each sort and direction, for comparing plans.
type PageOf = (raw: Record<string, string>, size: number, after: Cursor | null) => Promise<ListPage<{ id: number }>>;
const engineWalk = async (name: string, page: PageOf, sorts: string[], filters: Record<string, string> = {}) => {
  const wholes: number[][] = [];
  for (const sort of sorts) {
    for (const dir of ["asc", "desc"] as const) {
      const whole = (await page({ ...filters, sort, dir }, 1000, null)).rows.map((row) => row.id);
      const walked: number[] = [];
      let current = await page({ ...filters, sort, dir }, 3, null);
      walked.push(...current.rows.map((row) => row.id));
      for (let steps = 0; current.nextCursor && steps < 100; steps += 1) {
        current = await page({ ...filters, sort, dir }, 3, current.nextCursor);
        walked.push(...current.rows.map((row) => row.id));
      }
      expect(whole.length, `${name} ${sort}`).toBeGreaterThanOrEqual(Object.keys(filters).length > 0 ? 4 : 8);
      expect(walked, `${name} by ${sort} ${dir}`).toEqual(whole);
      wholes.push(whole);
    }
  }
  return wholes;
};
const sectionPages = async () => {
  const { auditList } = await import("@/lib/audit-log/list");
  const { auditSource } = await import("@/lib/audit-log/list-source");
  return {
    products: [(raw, size, after) => listPage(productsList, productsSource, { ...parseListState(productsList, raw).params, size, after }), Object.keys(productsList.sorts)],
    users: [(raw, size, after) => listPage(usersList, usersSource, { ...parseListState(usersList, raw).params, size, after }), Object.keys(usersList.sorts)],
    audit: [(raw, size, after) => listPage(auditList, auditSource, { ...parseListState(auditList, raw).params, size, after }), Object.keys(auditList.sorts)],
    orders: [(raw, size, after) => listPage(ordersList, ordersSource, { ...parseListState(ordersList, raw).params, size, after }), Object.keys(ordersList.sorts)],
  } satisfies Record<string, [PageOf, string[]]>;
};

describe("exports walk every list by keyset", () => {
  it("in every sort and direction, page after page from the last row's cursor gives exactly the list's rows in its order, ties included", async () => {
    // Ties in every sorted column: same names, times, prices and totals, so that only the id orders them.
    const same = new Date("2026-11-01T10:00:00.123Z");
    const vendor = fixture.vendor.id;
    await db.$executeRaw`INSERT INTO users (name, email, role, created_at, updated_at) SELECT 'Twin', 'twin' || n || '@keyset.test', 'customer', ${same}, now() FROM generate_series(1, 7) AS n`;
    await db.$executeRaw`INSERT INTO products (name, vendor_id, price, created_at, updated_at) SELECT 'Twin lamp', ${vendor}, 12.30, ${same}, now() FROM generate_series(1, 7)`;
    await db.$executeRaw`INSERT INTO orders (customer_id, vendor_id, status, total, created_at, updated_at) SELECT ${fixture.customer.id}, ${vendor}, 'paid', 12.30, ${same}, now() FROM generate_series(1, 7)`;
    await db.$executeRaw`INSERT INTO audit_log (actor_id, action, target_type, created_at) SELECT ${vendor}, 'users.update', 'user', ${same} FROM generate_series(1, 7)`;

    for (const [name, [page, sorts]] of Object.entries(await sectionPages())) await engineWalk(name, page, sorts);
  });
  it("with a search and a filter, read either way (matches first, or the walk), pages give the list's rows; both ways give the same list", async () => {
    // Issue 16: the engine reads a filtered page one of two ways (lib/list-engine/plan.ts). The
    // twins with tied names, times, prices and totals come from the test above.
    const narrowed: Record<string, Record<string, string>> = {
      products: { q: "twin", vendor: String(fixture.vendor.id) },
      users: { q: "twin", role: "customer" },
      audit: { action: "users.update" },
      orders: { status: "paid", vendor: String(fixture.vendor.id) },
    };
    const limits = { ...planLimits };
    try {
      for (const [name, [page, sorts]] of Object.entries(await sectionPages())) {
        Object.assign(planLimits, { fewMatches: Number.POSITIVE_INFINITY, cheapWalkRows: 0, secondReadAfterMs: 60_000 });
        const matchesFirst = await engineWalk(`${name}, matches first`, page, sorts, narrowed[name]);
        Object.assign(planLimits, { fewMatches: 0, secondReadAfterMs: 60_000 });
        const walked = await engineWalk(`${name}, walked`, page, sorts, narrowed[name]);
        expect(walked, name).toEqual(matchesFirst);
      }
    } finally {
      Object.assign(planLimits, limits);
    }
  });
});
