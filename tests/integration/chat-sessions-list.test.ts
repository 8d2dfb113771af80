import { beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { COUNT_CAP, countSessions, listSessions } from "@/lib/chat-sessions/list-query";
import { sessionsList, type SessionsListState } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { loadListView } from "@/lib/list-engine/load-view";
import { createProduct, createUser, resetDatabase } from "../support/fixtures";
import { parseListState, defaultState } from "@/lib/list-engine/url-state";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

const view = (patch: Partial<SessionsListState>): SessionsListState => ({ ...defaultState(sessionsList), ...patch });
const names = async (patch: Partial<SessionsListState>) => (await listSessions(view(patch))).rows.map((row) => row.productName);
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
    expect(await countSessions(defaultState(sessionsList))).toEqual({ count: 4, capped: false });
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
    const one = { ...view({ sort: "messages", dir: "desc" }), size: 1 as unknown as SessionsListState["size"] };
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

  it("COL-7 and COL-8 sort by created and updated time in both directions, id breaking ties", async () => {
    const ordered = [ids.headphonesAhmad!, ids.watchSara!, ids.novelAhmad!, ids.novelSara!];
    // Creation order is id order; give the updated times a known order with a tie.
    await db.$executeRawUnsafe(`UPDATE chat_sessions SET created_at = now() - (id || ' minutes')::interval`);
    await db.$executeRawUnsafe(`UPDATE chat_sessions SET updated_at = CASE WHEN id IN (${ids.watchSara}, ${ids.novelSara}) THEN timestamptz '2026-01-01' ELSE timestamptz '2026-02-01' END`);
    expect((await listSessions(view({ sort: "created", dir: "desc" }))).rows.map((row) => row.id)).toEqual(ordered);
    expect((await listSessions(view({ sort: "created", dir: "asc" }))).rows.map((row) => row.id)).toEqual([...ordered].reverse());
    const byUpdated = [ids.watchSara!, ids.novelSara!].sort((a, b) => a - b).concat([ids.headphonesAhmad!, ids.novelAhmad!].sort((a, b) => a - b));
    expect((await listSessions(view({ sort: "updated", dir: "asc" }))).rows.map((row) => row.id)).toEqual(byUpdated);
    expect((await listSessions(view({ sort: "updated", dir: "desc" }))).rows.map((row) => row.id)).toEqual([...byUpdated].reverse());
  });

  it("keyset pages over a text sort with equal names, a search and a filter visit each matching row once, both ways", async () => {
    for (const sort of ["product", "customer", "vendor", "created", "updated", "lastMessage"] as const) {
      for (const dir of ["asc", "desc"] as const) {
        const base = { ...view({ sort, dir }), size: 1 as unknown as SessionsListState["size"] };
        const all = (await listSessions(view({ sort, dir }))).rows.map((row) => row.id);
        let page = await listSessions(base);
        const walked = page.rows.map((row) => row.id);
        while (page.nextCursor) {
          page = await listSessions({ ...base, after: page.nextCursor });
          walked.push(...page.rows.map((row) => row.id));
        }
        expect(walked, `${sort} ${dir}`).toEqual(all);
        const back: number[] = [...page.rows.map((row) => row.id)];
        while (page.previousCursor) {
          page = await listSessions({ ...base, before: page.previousCursor });
          back.unshift(...page.rows.map((row) => row.id));
        }
        expect(back, `${sort} ${dir} backwards`).toEqual(all);
      }
    }
    const filtered = { ...view({ sort: "product", dir: "asc", q: "novel", customer: ids.sara! }), size: 1 as unknown as SessionsListState["size"] };
    const only = await listSessions(filtered);
    expect(only.rows.map((row) => row.id)).toEqual([ids.novelSara]);
    expect(only.nextCursor).toBeNull();
  });

  it("SEARCH-1 is Arabic-aware in every direction: tashkeel, tatweel, hamza forms, ta marbuta and alef maqsura", async () => {
    const customer = await createUser("customer", "مُصْطَفَى إبراهيـــم");
    const vendor = await createUser("vendor", "مكتبة الجامعة");
    const product = await createProduct(vendor.id, "موسوعة القرآن");
    const session = await db.chatSession.create({ data: { productId: product.id, customerId: customer.id, vendorId: vendor.id } });
    for (const term of ["مصطفي", "ابراهيم", "إبراهيم", "القران", "المكتبه", "مكتبة الجامعه", "مُكتبة"]) {
      const found = (await listSessions(view({ q: term }))).rows.map((row) => row.id);
      if (term === "المكتبه") expect(found, term).not.toContain(session.id);
      else expect(found, term).toContain(session.id);
    }
    await db.chatSession.delete({ where: { id: session.id } });
  });

  it("LIST-1 bad query strings fall back to a safe view with a notice: filters naming nobody, unknown sort, huge pages", async () => {
    const parsed = parseListState(sessionsList, { customer: "999999", vendor: String(ids.techShop), sort: "password", size: "1000000000", page: "abc" });
    const shown = await loadListView(sessionsList, sessionsSource, parsed, "updatedAt,bogus");
    expect(shown.params.customer).toBeNull();
    expect(shown.params.vendor).toBe(ids.techShop);
    expect(shown.labels.vendor).toBe("متجر التقنية");
    expect(shown.notices.sort()).toEqual(["badFilter", "badPage", "badPageSize", "badSort"]);
    expect(shown.page.rows.map((row) => row.id)).toEqual([ids.headphonesAhmad, ids.watchSara]);
    // COL-7/COL-8: the URL says nothing, so the user's remembered choice applies (unknown names dropped).
    expect(shown.visibleColumns).toEqual(["updatedAt"]);
    expect((await loadListView(sessionsList, sessionsSource, parseListState(sessionsList, { cols: "" }), "updatedAt")).visibleColumns).toEqual([]);
  });

  it("LIST-1 counts matches only up to COUNT_CAP, never the whole table, and says when there are more", async () => {
    const [first] = await db.$queryRawUnsafe<{ id: number }[]>(
      `INSERT INTO chat_sessions (product_id, customer_id, vendor_id, updated_at)
       SELECT ${ids.watch}, ${ids.sara}, ${ids.techShop}, now() FROM generate_series(1, ${COUNT_CAP + 5}) RETURNING id`,
    );
    expect(first).toBeDefined();
    expect(await countSessions(view({}))).toEqual({ count: COUNT_CAP, capped: true });
    expect(await countSessions(view({ q: "arabic novel" }))).toEqual({ count: 2, capped: false });
    await db.$executeRawUnsafe(`DELETE FROM chat_sessions WHERE id >= ${first!.id}`);
    expect(await countSessions(view({}))).toEqual({ count: 4, capped: false });
  });
});
