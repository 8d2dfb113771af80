import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { DEFAULT_PARAMS, type ListParams } from "@/lib/chat-sessions/list-params";
import { countSessions, listSessions } from "@/lib/chat-sessions/list-query";
import { createProduct, createUser, resetDatabase } from "../support/fixtures";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

const view = (patch: Partial<ListParams>): ListParams => ({ ...DEFAULT_PARAMS, ...patch });
const names = async (patch: Partial<ListParams>) => (await listSessions(view(patch))).rows.map((row) => row.productName);
let ids: Record<string, number> = {};

beforeAll(async () => {
  await resetDatabase();
  const ahmad = await createUser("customer", "أحمد العتيبي");
  const sara = await createUser("customer", "Sara Smith");
  const techShop = await createUser("vendor", "متجر التقنية");
  const bookShop = await createUser("vendor", "Book Nook");
  const headphones = await createProduct(techShop.id, "سماعات لاسلكية بخاصية إلغاء الضوضاء الممتازة جدا");
  const watch = await createProduct(techShop.id, "Smart Watch");
  const novel = await createProduct(bookShop.id, "Arabic Novel");
  const day = 24 * 3600 * 1000;
  const now = Date.now();
  const make = async (productId: number, customerId: number, vendorId: number, daysAgo: number, unread: number, read: number) => {
    const session = await db.chatSession.create({ data: { productId, customerId, vendorId, lastMessageAt: new Date(now - daysAgo * day) } });
    for (let i = 0; i < read + unread; i += 1) {
      await db.chatMessage.create({
        data: { sessionId: session.id, senderId: customerId, body: `m${i}`, createdAt: new Date(now - daysAgo * day - (read + unread - i) * 1000), readAt: i < read ? new Date() : null },
      });
    }
    return session.id;
  };
  ids = {
    headphonesAhmad: await make(headphones.id, ahmad.id, techShop.id, 1, 2, 1),
    watchSara: await make(watch.id, sara.id, techShop.id, 3, 0, 4),
    novelAhmad: await make(novel.id, ahmad.id, bookShop.id, 10, 1, 0),
    novelSara: await make(novel.id, sara.id, bookShop.id, 20, 0, 0),
    ahmad: ahmad.id,
    sara: sara.id,
    techShop: techShop.id,
    watch: watch.id,
  };
});

describe("chat sessions list queries", () => {
  it("LIST-1 and SORT-1 list every session, newest activity first", async () => {
    expect(await names({})).toEqual(["سماعات لاسلكية بخاصية إلغاء الضوضاء الممتازة جدا", "Smart Watch", "Arabic Novel", "Arabic Novel"]);
    expect(await countSessions(DEFAULT_PARAMS)).toEqual({ count: 4, capped: false });
  });

  it("SEARCH-1 finds by product, customer or vendor name, case-insensitively and Arabic-aware", async () => {
    expect(await names({ q: "watch" })).toEqual(["Smart Watch"]);
    expect((await listSessions(view({ q: "احمد" }))).rows.map((row) => row.id).sort()).toEqual([ids.headphonesAhmad, ids.novelAhmad].sort());
    expect(await names({ q: "book nook" })).toEqual(["Arabic Novel", "Arabic Novel"]);
    expect(await names({ q: "الغاء الضوضاء" })).toHaveLength(1);
    expect(await names({ q: "%" })).toEqual([]);
  });

  it("FLT-1 customer, FLT-2 vendor and FLT-3 product filters", async () => {
    expect((await listSessions(view({ customer: ids.sara! }))).rows.map((row) => row.id)).toEqual([ids.watchSara, ids.novelSara]);
    expect((await listSessions(view({ vendor: ids.techShop! }))).rows.map((row) => row.id)).toEqual([ids.headphonesAhmad, ids.watchSara]);
    expect((await listSessions(view({ product: ids.watch! }))).rows.map((row) => row.id)).toEqual([ids.watchSara]);
  });

  it("FLT-4 shows only sessions with unread messages; FLT-5 only those active in the last 7 days", async () => {
    expect((await listSessions(view({ unread: true }))).rows.map((row) => row.id)).toEqual([ids.headphonesAhmad, ids.novelAhmad]);
    expect((await listSessions(view({ recent: true }))).rows.map((row) => row.id)).toEqual([ids.headphonesAhmad, ids.watchSara]);
    expect((await listSessions(view({ recent: true, unread: true, customer: ids.ahmad! }))).rows.map((row) => row.id)).toEqual([ids.headphonesAhmad]);
  });

  it("COL-1..6 sort by product, customer, vendor, messages and last message in both directions", async () => {
    expect((await listSessions(view({ sort: "messages", dir: "desc" }))).rows.map((row) => row.messageCount)).toEqual([4, 3, 1, 0]);
    expect((await listSessions(view({ sort: "messages", dir: "asc" }))).rows.map((row) => row.messageCount)).toEqual([0, 1, 3, 4]);
    expect((await listSessions(view({ sort: "lastMessage", dir: "asc" }))).rows.map((row) => row.id)).toEqual([ids.novelSara, ids.novelAhmad, ids.watchSara, ids.headphonesAhmad]);
    const byCustomer = (await listSessions(view({ sort: "customer", dir: "asc" }))).rows.map((row) => row.customerName);
    expect(byCustomer[0]).toBe(byCustomer[1]);
    expect(byCustomer[2]).toBe(byCustomer[3]);
    expect((await listSessions(view({ sort: "customer", dir: "desc" }))).rows.map((row) => row.customerName)).toEqual([...byCustomer].reverse());
    const byVendor = (await listSessions(view({ sort: "vendor", dir: "asc" }))).rows.map((row) => row.vendorName);
    expect(byVendor[0]).toBe(byVendor[1]);
    expect((await listSessions(view({ sort: "vendor", dir: "desc" }))).rows.map((row) => row.vendorName)).toEqual([...byVendor].reverse());
    expect((await listSessions(view({ sort: "product", dir: "asc" }))).rows[0]!.productName).toBe("Arabic Novel");
  });

  it("keyset pages walk forward and back through every row exactly once", async () => {
    const all = (await listSessions(view({ sort: "messages", dir: "desc" }))).rows.map((row) => row.id);
    // Pages of one row (the query takes any size; the URL offers 10 to 100).
    const one = { ...view({ sort: "messages", dir: "desc" }), size: 1 as unknown as ListParams["size"] };
    let page = await listSessions(one);
    expect(page.previousCursor).toBeNull();
    const walked = [page.rows[0]!.id];
    while (page.nextCursor) {
      page = await listSessions({ ...one, after: page.nextCursor });
      walked.push(page.rows[0]!.id);
    }
    expect(walked).toEqual(all);
    const back = await listSessions({ ...one, before: page.previousCursor });
    expect(back.rows[0]!.id).toBe(all.at(-2));
    expect(back.nextCursor).not.toBeNull();
  });
});
