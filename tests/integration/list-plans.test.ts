import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "@/lib/db";
import { listSessions } from "@/lib/chat-sessions/list-query";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { planLimits, readPage } from "@/lib/list-engine/plan";
import { filterConditions } from "@/lib/list-engine/list-source";
import { metrics } from "@/lib/observability/metrics";
import { createProduct, createUser, resetDatabase } from "../support/fixtures";
import { defaultState } from "@/lib/list-engine/url-state";
import { sessionsList, type SessionsListState } from "@/lib/chat-sessions/list";
import { auditList, type AuditRow } from "@/lib/audit-log/list";
import { auditSource } from "@/lib/audit-log/list-source";
import { listPage } from "@/lib/list-engine/keyset";

const SORT_KEYS = Object.keys(sessionsList.sorts) as (keyof typeof sessionsList.sorts)[];

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));

// Issue 16: the list reads a filtered page one of two ways (the sort's index walked, or the
// matches read first and sorted after: lib/list-engine/plan.ts). Whichever it takes, a keyset walk
// through every combination of search or filter, sort and direction must visit the same rows as
// the whole list, page by page, both ways — ties included (names, counts and times repeat).

const PAGE = 4;
const size = PAGE as unknown as SessionsListState["size"];
const defaults = { ...planLimits };
let ids: Record<string, number> = {};

beforeAll(async () => {
  await resetDatabase();
  // Two customers share a name; two products share a name; names that the searches find sit at
  // both ends of each name order.
  const customers = await Promise.all(["يوسف العتيبي", "يوسف العتيبي", "Aaron Smith", "زياد يوسف", "Olivia Brown"].map((name) => createUser("customer", name)));
  const vendors = await Promise.all(["متجر يوسف", "Book Nook", "Watch World"].map((name) => createUser("vendor", name)));
  const products = [
    await createProduct(vendors[0]!.id, "Smart Watch"),
    await createProduct(vendors[1]!.id, "Smart Watch"),
    await createProduct(vendors[1]!.id, "Arabic Novel 12345"),
    await createProduct(vendors[2]!.id, "ساعة ذكية"),
  ];
  // 36 sessions: every product with every customer (and one more round for the first two
  // products), so each filter keeps several rows.
  for (let n = 0; n < 36; n += 1) {
    const product = products[n % products.length]!;
    await db.chatSession.create({ data: { productId: product.id, vendorId: product.vendorId, customerId: customers[Math.floor(n / 4) % customers.length]!.id } });
  }
  // Counts, unread and times repeat in small cycles: ties everywhere, resolved by id.
  await db.$executeRawUnsafe(`UPDATE chat_sessions SET message_count = id % 4, unread_count = CASE WHEN id % 3 = 0 THEN 1 + id % 2 ELSE 0 END,
    last_message_at = now() - (id % 5) * interval '1 day' - CASE WHEN id % 2 = 0 THEN interval '0' ELSE interval '30 days' END,
    created_at = timestamptz '2025-06-01' + (id % 6) * interval '3 days', updated_at = timestamptz '2025-07-01' + (id % 7) * interval '2 days'`);
  ids = { customer: customers[0]!.id, vendor: vendors[1]!.id, product: products[0]!.id };
});

afterEach(() => Object.assign(planLimits, defaults));

/** The combinations: what the list is asked for, and the same rows in hand-written SQL. */
const combinations = (): { name: string; params: Partial<SessionsListState>; where: string }[] => [
  { name: "no filter", params: {}, where: "TRUE" },
  { name: "FLT-1 customer", params: { customer: ids.customer! }, where: `customer_id = ${ids.customer}` },
  { name: "FLT-2 vendor", params: { vendor: ids.vendor! }, where: `vendor_id = ${ids.vendor}` },
  { name: "FLT-3 product", params: { product: ids.product! }, where: `product_id = ${ids.product}` },
  { name: "FLT-4 unread", params: { unread: true }, where: "unread_count > 0" },
  { name: "FLT-5 recent", params: { recent: true }, where: "last_message_at >= now() - interval '7 days'" },
  { name: "Arabic name", params: { q: "يوسف" }, where: "search_text LIKE '%يوسف%'" },
  { name: "Latin word", params: { q: "WATCH" }, where: "search_text LIKE '%watch%'" },
  { name: "rare term", params: { q: "novel 12345" }, where: "search_text LIKE '%novel 12345%'" },
  { name: "two filters", params: { unread: true, recent: true }, where: "unread_count > 0 AND last_message_at >= now() - interval '7 days'" },
  { name: "two filters indexed by last message", params: { vendor: ids.vendor!, recent: true }, where: `vendor_id = ${ids.vendor} AND last_message_at >= now() - interval '7 days'` },
  { name: "filter and search", params: { vendor: ids.vendor!, q: "watch" }, where: `vendor_id = ${ids.vendor} AND search_text LIKE '%watch%'` },
];

async function expectWalkMatchesWholeList(name: string, params: Partial<SessionsListState>, where: string) {
  for (const sort of SORT_KEYS) {
    for (const dir of ["asc", "desc"] as const) {
      const column = sessionsSource.sortColumns[sort];
      const expected = (await db.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM chat_sessions WHERE ${where} ORDER BY ${column} ${dir}, id ${dir}`)).map((row) => row.id);
      const label = `${name} × ${sort} ${dir}`;
      const first = { ...defaultState(sessionsList), ...params, sort, dir, size };
      let page = await listSessions(first);
      const forward = page.rows.map((row) => row.id);
      while (page.nextCursor) {
        page = await listSessions({ ...first, after: page.nextCursor });
        forward.push(...page.rows.map((row) => row.id));
      }
      expect(forward, label).toEqual(expected);
      const backward = page.rows.map((row) => row.id);
      while (page.previousCursor) {
        page = await listSessions({ ...first, before: page.previousCursor });
        backward.unshift(...page.rows.map((row) => row.id));
      }
      expect(backward, `${label}, backwards`).toEqual(expected);
    }
  }
}

describe("keyset pages over every combination of filter, sort and direction, whichever way the page is read", () => {
  it("has rows for every combination, with ties", async () => {
    for (const { name, where } of combinations()) {
      const [row] = await db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM chat_sessions WHERE ${where}`);
      expect(row!.n, name).toBeGreaterThan(PAGE);
    }
  });

  it("reading the matches first", async () => {
    planLimits.fewMatches = Number.POSITIVE_INFINITY;
    planLimits.cheapWalkRows = 0;
    planLimits.secondReadAfterMs = 60_000;
    for (const { name, params, where } of combinations()) await expectWalkMatchesWholeList(name, params, where);
  });

  it("walking the sort's index (the planner's own plan)", async () => {
    planLimits.fewMatches = 0;
    planLimits.secondReadAfterMs = 60_000;
    for (const { name, params, where } of combinations()) await expectWalkMatchesWholeList(name, params, where);
  });

  it("the walk and the matches-first read side by side, whichever answers first", async () => {
    planLimits.fewMatches = 0;
    planLimits.secondReadAfterMs = 0;
    for (const { name, params, where } of combinations()) await expectWalkMatchesWholeList(name, params, where);
  });
});

/** How many walks and matches-first reads `run` starts (each read says which it is), the statements it sends, and what it returns. */
async function readsStarted<T>(run: () => Promise<T>): Promise<{ walks: number; matchesFirst: number; statements: string[]; result: T }> {
  const spy = vi.spyOn(pg.Client.prototype, "query");
  try {
    const result = await run();
    const statements = spy.mock.calls.map(([statement]) => (typeof statement === "string" ? statement : ""));
    return {
      walks: statements.filter((statement) => statement.includes("list page: walk")).length,
      matchesFirst: statements.filter((statement) => statement.includes("list_matches")).length,
      statements,
      result,
    };
  } finally {
    spy.mockRestore();
  }
}

const idsOf = (rows: { id: number }[]) => rows.map((row) => row.id);

/** list_page_reads_total by way and outcome, e.g. { "walk won": 3 }. */
async function readCounts(): Promise<Record<string, number>> {
  const { values } = await metrics().listPageReads.get();
  return Object.fromEntries(values.map(({ labels, value }) => [`${labels.way} ${labels.outcome}`, value]));
}
const added = (before: Record<string, number>, after: Record<string, number>) =>
  Object.fromEntries(
    Object.entries(after)
      .map(([key, value]) => [key, value - (before[key] ?? 0)])
      .filter(([, value]) => value !== 0),
  );

describe("the plan's choice", () => {
  const read = { column: Prisma.raw("last_message_at"), direction: Prisma.raw("DESC"), limit: 5 };
  const sameBothWays = (conditions: Prisma.Sql[]) => ({ matches: conditions, walk: conditions, unseen: false });

  it("few matches are read first, unless a walk would meet them within a few rows", async () => {
    planLimits.secondReadAfterMs = 60_000;
    const unread = sameBothWays([Prisma.sql`unread_count > 0`]);
    const page = () => readPage<{ id: number }, string, never>(sessionsSource as never, unread, [], read, "choose");
    const expected = idsOf(await db.$queryRawUnsafe<{ id: number }[]>("SELECT id FROM chat_sessions WHERE unread_count > 0 ORDER BY last_message_at DESC, id DESC LIMIT 5"));
    // A dozen matches in 36 rows: a walk meets one in three, so it is tried.
    const walked = await readsStarted(page);
    expect(walked.walks).toBe(1);
    expect(idsOf(walked.result)).toEqual(expected);
    planLimits.cheapWalkRows = 0;
    const readFirst = await readsStarted(page);
    expect(readFirst.walks).toBe(0);
    expect(idsOf(readFirst.result)).toEqual(expected);
  });

  it("a read that has not answered within secondReadAfterMs has the other read started beside it, and the page is the first answer", async () => {
    const unread = sameBothWays([Prisma.sql`unread_count > 0`]);
    const page = () => readPage<{ id: number }, string, never>(sessionsSource as never, unread, [], read, "choose");
    const expected = idsOf(await db.$queryRawUnsafe<{ id: number }[]>("SELECT id FROM chat_sessions WHERE unread_count > 0 ORDER BY last_message_at DESC, id DESC LIMIT 5"));
    for (const [fewMatches, chosen] of [
      [0, "walk"],
      [Number.POSITIVE_INFINITY, "matchesFirst"],
    ] as const) {
      Object.assign(planLimits, { fewMatches, cheapWalkRows: 0, secondReadAfterMs: 0 });
      const before = await readCounts();
      expect(idsOf(await page())).toEqual(expected);
      const both = added(before, await readCounts());
      // Both ways read, one of them answered the page.
      expect(Object.keys(both).sort(), chosen).toSatisfy((keys: string[]) => keys.length === 2 && keys.some((key) => key.startsWith("walk ")) && keys.some((key) => key.startsWith("matchesFirst ")));
      expect(
        Object.entries(both)
          .filter(([key]) => key.endsWith(" won"))
          .map(([, value]) => value),
        chosen,
      ).toEqual([1]);
      // Given time, the chosen read answers alone.
      planLimits.secondReadAfterMs = 60_000;
      const beforeAlone = await readCounts();
      expect(idsOf(await page())).toEqual(expected);
      expect(added(beforeAlone, await readCounts()), chosen).toEqual({ [`${chosen} won`]: 1 });
    }
  });

  it("a walk of few enough matches that has not answered in time gives way to the matches' read instead of racing it", async () => {
    const unread = sameBothWays([Prisma.sql`unread_count > 0`]);
    const page = () => readPage<{ id: number }, string, never>(sessionsSource as never, unread, [], read, "choose");
    const expected = idsOf(await db.$queryRawUnsafe<{ id: number }[]>("SELECT id FROM chat_sessions WHERE unread_count > 0 ORDER BY last_message_at DESC, id DESC LIMIT 5"));
    // The walk first (many matches, to the planner's limits), late at once.
    Object.assign(planLimits, { fewMatches: 0, secondReadAfterMs: 0 });
    for (const [cheapMatchesUpTo, way] of [
      [Number.POSITIVE_INFINITY, "gives way"],
      [0, "races"],
    ] as const) {
      planLimits.cheapMatchesUpTo = cheapMatchesUpTo;
      for (let time = 0; time < 3; time += 1) {
        const before = await readCounts();
        expect(idsOf(await page()), way).toEqual(expected);
        const reads = added(before, await readCounts());
        if (way === "gives way") expect(reads, way).toEqual({ "walk lost": 1, "matchesFirst won": 1 });
        else expect((Object.values(reads) as number[]).reduce((sum, count) => sum + count, 0), way).toBe(2);
      }
    }
  });

  it("a walk of a search's matches in a sort where they sit together (names) has the matches' read start after clusteredSecondReadAfterMs; in another sort, of more than cheapMatchesUpTo, or with a filter, after secondReadAfterMs", async () => {
    // 0 and a minute: a page that starts both reads started the second after the clustered delay.
    Object.assign(planLimits, { clusteredSecondReadAfterMs: 0, secondReadAfterMs: 60_000 });
    /** The ways of reading the page started (counted in /metrics, sent to PostgreSQL or cancelled before). */
    const waysStarted = async (params: Partial<SessionsListState>, expected: number[], label: string) => {
      const before = await readCounts();
      const page = await listSessions({ ...defaultState(sessionsList), size, ...params });
      expect(idsOf(page.rows), label).toEqual(expected);
      return [...new Set(Object.keys(added(before, await readCounts())).map((key) => key.split(" ")[0]))].sort();
    };
    for (const [sort, cheapMatchesUpTo, started] of [
      ["customer", Number.POSITIVE_INFINITY, ["matchesFirst", "walk"]],
      ["vendor", Number.POSITIVE_INFINITY, ["matchesFirst", "walk"]],
      ["created", Number.POSITIVE_INFINITY, ["walk"]],
      ["customer", 0, ["walk"]],
    ] as const) {
      planLimits.cheapMatchesUpTo = cheapMatchesUpTo;
      for (const dir of ["asc", "desc"] as const) {
        const label = `${sort} ${dir}, cheap up to ${cheapMatchesUpTo}`;
        const expected = idsOf(await db.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM chat_sessions WHERE search_text LIKE '%يوسف%' ORDER BY ${sessionsSource.sortColumns[sort]} ${dir}, id ${dir} LIMIT ${PAGE}`));
        expect(await waysStarted({ q: "يوسف", sort, dir }, expected, label), label).toEqual(started);
      }
    }
    // With a filter beside the search, the estimate does not tell what the matches' read costs.
    planLimits.cheapMatchesUpTo = Number.POSITIVE_INFINITY;
    const expected = idsOf(await db.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM chat_sessions WHERE search_text LIKE '%يوسف%' AND unread_count > 0 ORDER BY customer_name, id LIMIT ${PAGE}`));
    expect(await waysStarted({ q: "يوسف", unread: true, sort: "customer", dir: "asc" }, expected, "with a filter"), "with a filter").toEqual(["walk"]);
  });

  it("asks the planner's estimate once for the same conditions, whatever the page or the sort", async () => {
    planLimits.secondReadAfterMs = 60_000;
    const estimatesAsked = async (run: () => Promise<unknown>) =>
      (await readsStarted(run)).statements.filter((statement) => statement.startsWith("EXPLAIN") && statement.includes("message_count >=")).length;
    const conditions = (least: number) => sameBothWays([Prisma.sql`unread_count > 0 AND message_count >= ${least}`]);
    const page = (least: number, column: string, after: Prisma.Sql[] = []) =>
      readPage<{ id: number }, string, never>(sessionsSource as never, conditions(least), after, { ...read, column: Prisma.raw(column) }, "choose");
    expect(await estimatesAsked(() => page(0, "last_message_at"))).toBe(1);
    // Another sort, the next page: the same conditions, the estimate kept.
    expect(await estimatesAsked(() => page(0, "created_at"))).toBe(0);
    expect(await estimatesAsked(() => page(0, "last_message_at", [Prisma.sql`id > ${0}`]))).toBe(0);
    // Other conditions: asked for.
    expect(await estimatesAsked(() => page(1, "last_message_at"))).toBe(1);
  });

  it("FLT-5 oldest-created first, where its matches sit at the far end, is read matches first without trying the walk; newest first tries it", async () => {
    planLimits.secondReadAfterMs = 60_000;
    const recent = "last_message_at >= now() - interval '7 days'";
    for (const [dir, walks] of [["asc", 0], ["desc", 1]] as const) {
      const expected = idsOf(await db.$queryRawUnsafe<{ id: number }[]>(`SELECT id FROM chat_sessions WHERE ${recent} ORDER BY created_at ${dir}, id ${dir} LIMIT ${PAGE}`));
      const page = await readsStarted(() => listSessions({ ...defaultState(sessionsList), recent: true, sort: "created", dir, size }));
      expect(page.walks, dir).toBe(walks);
      expect(idsOf(page.result.rows), dir).toEqual(expected);
    }
  });
});

describe("a search on a joined table, walked", () => {
  // The audit log is searched by its actor's name (users, joined). Asked for a walk in that form,
  // the planner joins the matching actor's entries first and sorts them all; the walk tests the
  // actor's name row by row instead (auditSource.searchRowByRow). The planner's estimate cannot
  // see how many entries a matching actor has, so the walk starts, whatever the estimate says, and
  // the matches' read joins it if it has not answered within unseenSecondReadAfterMs.
  it("tests the actor's name on each entry it passes, finds the same rows as the matches read first, and walks first whatever the estimate", async () => {
    const [busy, other] = await Promise.all([createUser("support", "فريق الدعم"), createUser("support", "Dana Admin")]);
    // 30 entries by the busy actor, 10 by another, and times that repeat (ties resolved by id).
    await db.$executeRawUnsafe(
      `INSERT INTO audit_log (actor_id, action, target_type, created_at)
       SELECT CASE WHEN n % 4 = 0 THEN ${other!.id} ELSE ${busy!.id} END, 'plans.test', 'session', timestamptz '2026-01-01' + (n % 7) * interval '1 hour' FROM generate_series(1, 40) AS n`,
    );
    const expected = async (dir: "asc" | "desc") =>
      idsOf(await db.$queryRawUnsafe<{ id: number }[]>(`SELECT a.id FROM audit_log a JOIN users u ON u.id = a.actor_id WHERE u.name = 'فريق الدعم' ORDER BY a.created_at ${dir}, a.id ${dir}`));
    const first = (dir: "asc" | "desc") => ({ ...defaultState(auditList), q: "فريق الدعم", sort: "time" as const, dir, size });
    const pageOf = (params: ReturnType<typeof first>) => listPage<AuditRow, "time", typeof auditList.filters>(auditList, auditSource, params);
    // Each way alone, every match in one read: the same rows.
    const conditions = { matches: filterConditions(auditSource, first("desc")), walk: filterConditions(auditSource, first("desc"), null, auditSource.searchRowByRow), unseen: false };
    for (const dir of ["asc", "desc"] as const) {
      const read = { column: Prisma.raw("a.created_at"), direction: Prisma.raw(dir), limit: 100 };
      const walked = await readsStarted(() => readPage<AuditRow, "time", typeof auditList.filters>(auditSource, conditions, [], read, "walk"));
      expect(walked.statements.some((statement) => statement.includes("list page: walk") && statement.includes("WHERE w.id = a.actor_id")), dir).toBe(true);
      expect(idsOf(walked.result), dir).toEqual(await expected(dir));
      expect(idsOf(await readPage<AuditRow, "time", typeof auditList.filters>(auditSource, conditions, [], read, "matchesFirst")), dir).toEqual(await expected(dir));
    }
    // Through the list, page by page, with the estimate set to read few matches first: the walk
    // starts on every page, alone while it has time, with the matches' read beside it once not;
    // the pages hold every match once, in order.
    Object.assign(planLimits, { fewMatches: Number.POSITIVE_INFINITY, cheapWalkRows: 0 });
    for (const [unseenSecondReadAfterMs, matchesReads] of [
      [60_000, "none"],
      [0, "every page"],
    ] as const) {
      planLimits.unseenSecondReadAfterMs = unseenSecondReadAfterMs;
      for (const dir of ["asc", "desc"] as const) {
        const before = await readCounts();
        let page = await pageOf(first(dir));
        const seen = idsOf(page.rows);
        let pages = 1;
        while (page.nextCursor) {
          page = await pageOf({ ...first(dir), after: page.nextCursor });
          seen.push(...idsOf(page.rows));
          pages += 1;
        }
        expect(seen, dir).toEqual(await expected(dir));
        const started = Object.entries(added(before, await readCounts())) as [string, number][];
        const startedOf = (way: string) => started.filter(([key]) => key.startsWith(`${way} `)).reduce((sum, [, count]) => sum + count, 0);
        expect([startedOf("walk"), startedOf("matchesFirst")], `${dir}, matches read on ${matchesReads}`).toEqual([pages, matchesReads === "none" ? 0 : pages]);
      }
    }
  });
});
