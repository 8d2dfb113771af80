import { beforeAll, describe, expect, it, vi } from "vitest";
import { actionOf } from "@/lib/actions/define-action";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { defineList } from "@/lib/list-engine/declaration";
import { listBulkAction } from "@/lib/list-engine/bulk-action";
import { listExportRoute } from "@/lib/list-engine/export-route";
import { countMatching, EXPORT_BATCH, listPage, rowsInOrder } from "@/lib/list-engine/keyset";
import type { ListSource } from "@/lib/list-engine/list-source";
import { planLimits } from "@/lib/list-engine/plan";
import { filtersOf, parseListState, serializeListState } from "@/lib/list-engine/url-state";
import { actAs } from "../support/mock-current-user";
import { createUser, resetDatabase } from "../support/fixtures";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));
vi.mock("@/lib/i18n/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/i18n/server")>()),
  getLocale: async () => "en",
}));

// A throwaway section, declared here and nowhere else, over rows from a fixture query: 60 items
// whose scores tie in fives, so that keyset pages must break ties by id.
type Item = { id: number; name: string; score: number; kind: "red" | "blue"; createdAt: Date };

const itemsList = defineList({
  path: "/items",
  permission: "chatSessions.view",
  exportPermission: "chatSessions.export",
  auditTarget: "item",
  words: "chatSessions",
  columns: [
    { key: "id", header: "colId", kind: "number", value: (row: Item) => row.id, width: 8, exportOnly: true },
    { key: "name", header: "colProduct", kind: "text", value: (row: Item) => row.name, sort: "name", width: 20 },
    { key: "score", header: "colMessages", kind: "number", value: (row: Item) => row.score, sort: "score", width: 8 },
    { key: "created", header: "colCreatedAt", kind: "date", value: (row: Item) => row.createdAt, sort: "created", toggleable: true, width: 20 },
  ],
  sorts: {
    name: { type: "text", read: (row: Item) => row.name },
    score: { type: "int", read: (row: Item) => row.score },
    created: { type: "timestamptz", read: (row: Item) => row.createdAt.toISOString() },
  },
  defaultSort: "score",
  defaultDir: "desc",
  pageSizes: [10, 25],
  defaultSize: 10,
  search: { maxLength: 50 },
  filters: {
    kind: { kind: "choice", options: ["red", "blue"] },
    high: { kind: "toggle" },
    created: { kind: "dateRange" },
  },
  rowActions: [],
  bulkActions: [
    { key: "export", permission: "chatSessions.export", label: "bulkExportCsv" },
    { key: "tally", permission: "messages.markRead", label: "bulkMarkRead" },
  ],
  columnsCookie: "items",
});

const itemsSource: ListSource<keyof typeof itemsList.sorts, typeof itemsList.filters> = {
  from: Prisma.sql`(SELECT n AS id, 'item ' || (n % 7) AS name, n % 12 / 5 * 5 + n % 2 AS score, CASE WHEN n % 3 = 0 THEN 'red' ELSE 'blue' END AS kind,
    timestamptz '2026-01-01' + (n / 10) * interval '1 day' AS created_at FROM generate_series(1, 60) AS n) AS items`,
  select: Prisma.sql`id, name, score, kind, created_at AS "createdAt"`,
  id: "id",
  sortColumns: { name: "name", score: "score", created: "created_at" },
  search: (term) => Prisma.sql`name LIKE '%' || ${term} || '%'`,
  filters: { kind: "kind", high: () => Prisma.sql`score >= 5`, created: "created_at" },
};

const all = () => db.$queryRaw<Item[]>`SELECT ${itemsSource.select} FROM ${itemsSource.from}`;
const ordered = (rows: Item[], key: "name" | "score", dir: 1 | -1) => [...rows].sort((a, b) => (a[key] < b[key] ? -dir : a[key] > b[key] ? dir : dir * (a.id - b.id)));
let supportId = 0;

beforeAll(async () => {
  await resetDatabase();
  supportId = (await createUser("support")).id;
});

describe("the list engine, driven through a section declared in this file", () => {
  it("parses a view from the URL once, typed, with a notice for every bad value, and writes it back", () => {
    const { params, notices } = parseListState(itemsList, { kind: "red", high: "1", createdFrom: "2026-01-02", createdTo: "2026-01-04", sort: "name", dir: "asc", cols: "created,bogus" });
    expect(params).toMatchObject({ kind: "red", high: true, created: { from: "2026-01-02", to: "2026-01-04" }, sort: "name", dir: "asc", columns: ["created"] });
    expect(notices).toEqual([]);
    expect(parseListState(itemsList, Object.fromEntries(serializeListState(itemsList, params))).params).toEqual(params);
    const bad = parseListState(itemsList, { kind: "green", createdFrom: "2026-13-40", sort: "id", size: "11", q: "x".repeat(51) });
    expect(bad.params).toMatchObject({ kind: null, created: null, sort: "score", size: 10 });
    expect(bad.notices.sort()).toEqual(["badFilter", "badPageSize", "badSort", "searchTruncated"]);
  });

  it("filters by choice, toggle and day range, and counts the matches", async () => {
    const rows = await all();
    const { params } = parseListState(itemsList, { kind: "red", high: "1", createdFrom: "2026-01-02", createdTo: "2026-01-04", size: "25" });
    const expected = rows.filter((row) => row.kind === "red" && row.score >= 5 && row.createdAt >= new Date("2026-01-02") && row.createdAt < new Date("2026-01-05"));
    expect(expected.length).toBeGreaterThan(0);
    expect((await listPage(itemsList, itemsSource, params)).rows.map((row) => row.id).sort((a, b) => a - b)).toEqual(expected.map((row) => row.id).sort((a, b) => a - b));
    expect(await countMatching(itemsSource, params)).toEqual({ count: expected.length, capped: false });
  });

  it("walks keyset pages across ties forward and back, in both directions of every sort", async () => {
    const rows = await all();
    for (const [sort, dir] of [["score", "desc"], ["score", "asc"], ["name", "asc"], ["name", "desc"]] as const) {
      const first = parseListState(itemsList, { sort, dir }).params;
      const seen: number[] = [];
      const pages = [];
      let page = await listPage(itemsList, itemsSource, first);
      pages.push(page);
      seen.push(...page.rows.map((row) => row.id));
      while (page.nextCursor) {
        page = await listPage(itemsList, itemsSource, { ...first, after: page.nextCursor });
        pages.push(page);
        seen.push(...page.rows.map((row) => row.id));
      }
      expect(seen, `${sort} ${dir}`).toEqual(ordered(rows, sort, dir === "asc" ? 1 : -1).map((row) => row.id));
      const back = await listPage(itemsList, itemsSource, { ...first, before: pages.at(-1)!.previousCursor });
      expect(back.rows.map((row) => row.id)).toEqual(pages.at(-2)!.rows.map((row) => row.id));
    }
  });

  it("acts on all matching rows by their filters (not a list of ids), and audits it in the change's transaction", async () => {
    const tally = actionOf(
      listBulkAction(itemsList, itemsSource, "tally", async (tx, where) => {
        const [row] = await tx.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM ${itemsSource.from} WHERE ${where}`;
        return { result: row!.n, details: { counted: row!.n } };
      }),
    );
    const { params } = parseListState(itemsList, { kind: "blue", q: "item 3" });
    actAs("support", supportId);
    const result = await tally({ filters: filtersOf(itemsList, params) });
    const expected = (await all()).filter((row) => row.kind === "blue" && row.name.includes("item 3")).length;
    expect(result).toEqual({ ok: true, data: expected });
    const entry = await db.auditLog.findFirstOrThrow({ where: { action: "chatSessions.tally" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ actorId: supportId, targetType: "item", details: { counted: expected, selection: { filters: { kind: "blue", q: "item 3", high: false } } } });
    expect(await tally({ ids: [1, 2, 3] })).toEqual({ ok: true, data: 3 });
    actAs("customer");
    expect(await tally({ ids: [1] })).toMatchObject({ ok: false });
  });

  it("exports all matching in the list's current sort with the chosen columns, and audits the export", async () => {
    const GET = listExportRoute(itemsList, itemsSource);
    actAs("support", supportId);
    const response = await GET(new Request("http://localhost/items/export?format=csv&kind=red&sort=name&dir=desc&fields=name,id"));
    expect(response.status).toBe(200);
    const lines = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer()).trimEnd().split("\r\n");
    expect(lines[0]).toBe("\uFEFFID,Product");
    const red = ordered((await all()).filter((row) => row.kind === "red"), "name", -1);
    expect(lines.slice(1)).toEqual(red.map((row) => `${row.id},${row.name}`));
    await vi.waitFor(async () =>
      expect((await db.auditLog.findFirst({ where: { action: "chatSessions.export", targetType: "item" }, orderBy: { id: "desc" } }))?.details).toMatchObject({
        rows: red.length,
        completed: true,
        order: { sort: "name", dir: "desc" },
        fields: ["id", "name"],
      }),
    );
    expect((await GET(new Request("http://localhost/items/export?format=csv&kind=green"))).status).toBe(400);
    actAs("qa");
    expect((await GET(new Request("http://localhost/items/export?format=csv"))).status).toBe(403);
  });
  it("exports all matching with the search run once, not once a batch, in the list's order", async () => {
    // Several batches of matches; the filter bumps a sequence once for each statement that
    // evaluates it (an uncorrelated subquery runs once a statement).
    await db.$executeRawUnsafe("CREATE SEQUENCE IF NOT EXISTS list_engine_filter_runs");
    const runs = async () => (await db.$queryRawUnsafe<{ n: number }[]>("SELECT (CASE WHEN is_called THEN last_value ELSE 0 END)::int AS n FROM list_engine_filter_runs"))[0]!.n;
    const many = EXPORT_BATCH * 3;
    const countedSource: typeof itemsSource = {
      ...itemsSource,
      from: Prisma.sql`(SELECT n AS id, 'item ' || (n % 7) AS name, n % 12 / 5 * 5 + n % 2 AS score, CASE WHEN n % 3 = 0 THEN 'red' ELSE 'blue' END AS kind,
        timestamptz '2026-01-01' + (n / 10) * interval '1 day' AS created_at FROM generate_series(1, ${many}) AS n) AS items`,
      filters: { ...itemsSource.filters, high: () => Prisma.sql`score >= 5 AND (SELECT nextval('list_engine_filter_runs')) > 0` },
    };
    const before = await runs();
    const filters = filtersOf(itemsList, parseListState(itemsList, { high: "1" }).params);
    const exported: Item[] = [];
    for await (const batch of rowsInOrder<Item, keyof typeof itemsList.sorts, typeof itemsList.filters>(countedSource, { filters }, { sort: "name", dir: "desc" })) exported.push(...batch);
    expect(await runs()).toBe(before + 1);
    const expected = await db.$queryRaw<{ id: number }[]>`SELECT id FROM ${countedSource.from} WHERE score >= 5 ORDER BY name DESC, id DESC`;
    expect(expected.length).toBeGreaterThan(EXPORT_BATCH);
    expect(exported.map((row) => row.id)).toEqual(expected.map((row) => row.id));
  });

  it("reads a page both ways at once when the first is slow: the first answer, with the same rows, and no error from the one cancelled", async () => {
    // A filter that takes 2 ms a row: both reads are under way when one answers, and the other is
    // cancelled mid-statement.
    const slowSource: typeof itemsSource = { ...itemsSource, filters: { ...itemsSource.filters, high: () => Prisma.sql`score >= 5 AND pg_sleep(0.002) IS NOT NULL` } };
    const limits = { ...planLimits };
    Object.assign(planLimits, { fewMatches: 0, secondReadAfterMs: 0 });
    try {
      const params = { ...parseListState(itemsList, { high: "1", sort: "name", dir: "asc" }).params, size: 10 as const };
      const first = await listPage(itemsList, slowSource, params);
      const second = await listPage(itemsList, slowSource, { ...params, after: first.nextCursor });
      const expected = ordered((await all()).filter((row) => row.score >= 5), "name", 1).map((row) => row.id);
      expect([...first.rows, ...second.rows].map((row) => row.id)).toEqual(expected.slice(0, 20));
    } finally {
      Object.assign(planLimits, limits);
    }
  });
});
