import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { db, dbPool } from "@/lib/db";
import { sessionsList, type SessionRow } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { exportColumnsOf } from "@/lib/list-engine/export-columns";
import { csvLinesSql } from "@/lib/list-engine/csv-in-sql";
import { readRowTexts } from "@/lib/list-engine/fields-in-sql";
import { pickedColumns } from "@/lib/list-engine/export-columns";
import { EXPORT_BATCH, rowsInOrder, rowsInOrderSql } from "@/lib/list-engine/keyset";
import type { Selection } from "@/lib/list-engine/selection";
import type { ExportEnd } from "@/lib/export/columns";
import { csvLinesOf, csvStream } from "@/lib/export/csv-stream";
import { xlsxStream } from "@/lib/export/xlsx";
import { workbookFrame } from "@/lib/export/xlsx-frame";
import { xlsxOfSheetRows } from "@/lib/export/xlsx-of-sheet-rows";
import { sheetRowsSql } from "@/lib/list-engine/xlsx-in-sql";
import { actAs } from "../support/mock-current-user";
import { createSessionFixture, createUser, resetDatabase } from "../support/fixtures";
import { defaultState } from "@/lib/list-engine/url-state";

vi.mock("@/lib/auth/current-user", () => import("../support/mock-current-user"));
const locale = vi.hoisted(() => ({ value: "en" as "ar" | "en" }));
vi.mock("@/lib/i18n/server", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/i18n/server")>()),
  getLocale: async () => locale.value,
}));
const { GET } = await import("@/app/(admin)/chat-sessions/export/route");

const { translatorFor } = await import("@/lib/i18n/server");
const columns = exportColumnsOf(sessionsList.columns, translatorFor("en", "chatSessions"), null);
// In creation order (ties, such as the clones made in one statement, go by id).
const exportRows = (selection: Selection<typeof sessionsList.filters>) =>
  rowsInOrder<SessionRow, keyof typeof sessionsList.sorts & string, typeof sessionsList.filters>(sessionsSource, selection, { sort: "created", dir: "asc" });
const headers = columns.map((column) => column.header);
const csvOf = (rows: AsyncGenerator<SessionRow[]>, onEnd: (end: ExportEnd) => Promise<void>) => csvStream(headers, csvLinesOf(columns, rows), onEnd);
const noAudit = async () => {};
const decode = async (response: Response) => new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
const exportUrl = (query: string) => new Request(`http://localhost/chat-sessions/export?${query}`);
const lastAudit = () => db.auditLog.findFirst({ where: { action: "chatSessions.export" }, orderBy: { id: "desc" } });
// How long a download's background work (the zip, the database's read, its connection opening and
// closing) may take to get there: vi.waitFor's default second was luck on a busy 2-core machine.
const SETTLED = { timeout: 10_000, interval: 20 };

const exportConnections = async () =>
  (await db.$queryRawUnsafe<{ n: number }[]>("SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'export' AND datname = current_database()"))[0]!.n;
let ids: number[] = [];
let supportId = 0;
let arabicCustomerId = 0;

beforeAll(async () => {
  await resetDatabase();
  const first = await createSessionFixture({ product: "=SUM(A1) سماعات", customer: "أحمد العتيبي", vendor: "متجر التقنية" });
  arabicCustomerId = first.customer.id;
  await db.chatMessage.create({ data: { sessionId: first.session.id, senderId: first.customer.id, body: "hello" } });
  const others = await Promise.all(Array.from({ length: 3 }, () => createSessionFixture()));
  ids = [first.session.id, ...others.map((o) => o.session.id)];
  // A large set, to cross batch boundaries: 2,500 sessions cloned from the first.
  await db.$executeRawUnsafe(
    `INSERT INTO chat_sessions (product_id, customer_id, vendor_id, last_message_at, updated_at) SELECT product_id, customer_id, vendor_id, now(), now() FROM chat_sessions, generate_series(1, 2500) WHERE id = ${first.session.id}`,
  );
  supportId = (await createUser("support")).id;
});

describe("BULK-3 export: the row source and the writers", () => {
  it("BULK-3 streams every selected session once, in batches, as CSV with a BOM and Arabic intact", async () => {
    let end: ExportEnd | null = null;
    const text = await decode(new Response(csvOf(exportRows({ filters: defaultState(sessionsList) }), async (e) => void (end = e))));
    const lines = text.trimEnd().split("\r\n");
    expect(text.startsWith("\uFEFFID,Product")).toBe(true);
    expect(lines).toHaveLength(1 + 4 + 2500);
    expect(end).toEqual({ rows: 2504, completed: true });
    expect(lines[1]).toContain(`${ids[0]},'=SUM(A1) سماعات,أحمد العتيبي,متجر التقنية,1,1,`);
    expect(new Set(lines.slice(1).map((line) => line.split(",")[0])).size).toBe(2504);
  });

  it("BULK-3 exports only the chosen ids when rows are ticked", async () => {
    const text = await new Response(csvOf(exportRows({ ids: ids.slice(1, 3) }), noAudit)).text();
    // in the list's order (creation time, then id): these fixtures were created concurrently
    const inOrder = await db.chatSession.findMany({ where: { id: { in: ids.slice(1, 3) } }, orderBy: [{ createdAt: "asc" }, { id: "asc" }], select: { id: true } });
    expect(text.trimEnd().split("\r\n").slice(1).map((line) => Number(line.split(",")[0]))).toEqual(inOrder.map((row) => row.id));
  });

  it("BULK-3 writes XLSX with typed cells (numbers, dates), a frozen header and right-to-left for Arabic", async () => {
    const bytes = await new Response(xlsxStream(columns, { name: "Chat sessions", rightToLeft: true }, exportRows({ ids: [ids[0]!] }), noAudit)).arrayBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, rightToLeft: true });
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers]);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(ids[0]);
    // In a workbook text is a string cell, never a formula, so nothing needs neutralising.
    expect(row.getCell(2).value).toBe("=SUM(A1) سماعات");
    expect(row.getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(row.getCell(3).value).toBe("أحمد العتيبي");
    expect(row.getCell(5).type).toBe(ExcelJS.ValueType.Number);
    expect(row.getCell(5).value).toBe(1);
    expect(row.getCell(6).value).toBe(1);
    for (const column of [7, 8, 9]) {
      expect(row.getCell(column).value).toBeInstanceOf(Date);
      expect(row.getCell(column).numFmt).toBe("yyyy-mm-dd hh:mm:ss");
    }
    const stored = await db.chatSession.findUniqueOrThrow({ where: { id: ids[0]! } });
    expect((row.getCell(7).value as Date).getTime()).toBe(stored.lastMessageAt.getTime());
    expect(sheet.rowCount).toBe(2);
  });

  it("BULK-3 stops reading when a CSV download is cancelled, and says how far it got", async () => {
    let end: ExportEnd | null = null;
    const stream = csvOf(exportRows({ filters: defaultState(sessionsList) }), async (e) => void (end = e));
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(end).toEqual({ rows: EXPORT_BATCH, completed: false });
  });

  it("BULK-3 an open export reads on a connection of its own, none of the pool's, and closes it when stopped", async () => {
    // A slow download would otherwise keep a pooled connection for its length (and transcripts,
    // which read messages through the pool meanwhile, could take every one and wait for ever).
    const rows = exportRows({ filters: defaultState(sessionsList) });
    expect((await rows.next()).value).toHaveLength(EXPORT_BATCH);
    expect(await exportConnections()).toBe(1);
    expect(dbPool().totalCount - dbPool().idleCount).toBe(0);
    await rows.return(undefined);
    await vi.waitFor(async () => expect(await exportConnections()).toBe(0), SETTLED);
  });

  it("BULK-3 a CSV that PostgreSQL writes (COPY) stops when the download is cancelled, says how far it got, and closes its connection", async () => {
    const order = { sort: "created" as const, dir: "asc" as const };
    const lines = csvLinesSql(pickedColumns(sessionsList.columns, null), translatorFor("en", "chatSessions"), rowsInOrderSql(sessionsSource, { filters: defaultState(sessionsList) }, order, null));
    let end: ExportEnd | null = null;
    const reader = csvStream(headers, readRowTexts(lines!), async (e) => void (end = e)).getReader();
    await reader.read(); // the header
    const firstLines = await reader.read();
    expect(await exportConnections()).toBe(1);
    await reader.cancel();
    const sent = (end as ExportEnd | null)?.rows ?? 0;
    expect(end).toEqual({ rows: sent, completed: false });
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(2504);
    // what was read, and at most the chunk the stream had queued behind it
    expect(new TextDecoder().decode(firstLines.value).split("\r\n").length - 1).toBeLessThanOrEqual(sent);
    await vi.waitFor(async () => expect(await exportConnections()).toBe(0), SETTLED);
  });

  it("BULK-3 a workbook whose rows PostgreSQL writes (COPY) stops when the download is cancelled, says how far it got, and closes its connection", async () => {
    const order = { sort: "created" as const, dir: "asc" as const };
    const frame = await workbookFrame(columns, { name: "Chat sessions", rightToLeft: false });
    const sheetRows = sheetRowsSql(pickedColumns(sessionsList.columns, null), translatorFor("en", "chatSessions"), rowsInOrderSql(sessionsSource, { filters: defaultState(sessionsList) }, order, null), frame.cellStyles);
    let end: ExportEnd | null = null;
    const reader = xlsxOfSheetRows(frame, readRowTexts(sheetRows!), async (e) => void (end = e)).getReader();
    await reader.read();
    await vi.waitFor(async () => expect(await exportConnections()).toBe(1), SETTLED);
    await reader.cancel();
    await vi.waitFor(() => expect(end).toMatchObject({ completed: false }), SETTLED);
    expect((end as ExportEnd | null)?.rows).toBeLessThan(2504);
    await vi.waitFor(async () => expect(await exportConnections()).toBe(0), SETTLED);
  });

  it("BULK-3 stops reading when an XLSX download is cancelled while the writer waits for the reader", async () => {
    let pulled = 0;
    let closedSource = false;
    const fakeRow = (id: number): SessionRow => ({
      id, productId: 1, productName: "p".repeat(200), customerId: 1, customerName: "c", vendorId: 1, vendorName: "v", orderId: null,
      messageCount: 1, unreadCount: 0, lastMessageAt: new Date(), createdAt: new Date(), updatedAt: new Date(), awaiting: "none", awaitingSince: null, heldBy: null, assigneeId: null, assigneeName: null,
    });
    async function* endless() {
      try {
        for (;;) {
          pulled += 1;
          yield Array.from({ length: 1000 }, (_, i) => fakeRow(pulled * 1000 + i));
        }
      } finally {
        closedSource = true;
      }
    }
    let end: ExportEnd | null = null;
    const reader = xlsxStream(columns, { name: "Chat sessions", rightToLeft: false }, endless(), async (e) => void (end = e)).getReader();
    await reader.read();
    await reader.cancel();
    await vi.waitFor(() => expect(closedSource).toBe(true), SETTLED);
    const pulledAtCancel = pulled;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pulled).toBe(pulledAtCancel);
    expect(end).toMatchObject({ completed: false });
  });
});

describe("BULK-3 export: the route", () => {
  it("BULK-3 refuses a role without chatSessions.export, and strangers, with a localized 403", async () => {
    locale.value = "ar";
    for (const role of ["qa", "customer", "vendor", null] as const) {
      actAs(role);
      const response = await GET(exportUrl("format=csv"));
      expect(response.status).toBe(403);
      expect(await response.text()).toBe("ليست لديك صلاحية للقيام بذلك.");
    }
  });

  it("BULK-3 answers bad parameters with a localized 400, never a 500 and never the whole table", async () => {
    locale.value = "en";
    actAs("support", supportId);
    for (const query of ["format=pdf", "", "format=csv&ids=abc", "format=csv&ids=1,,2", "format=csv&ids=-1", `format=csv&ids=${Array.from({ length: 1001 }, (_, i) => i + 1).join(",")}`, "format=csv&customer=abc", "format=xlsx&product=-3", `format=csv&q=${"x".repeat(10_000)}`]) {
      const response = await GET(exportUrl(query));
      expect(response.status, query.slice(0, 40)).toBe(400);
      expect(await response.text()).toBe("The input is not valid.");
    }
  });

  it("BULK-3 streams the filtered set as CSV with headers in the UI language, a dated file name, and audits it", async () => {
    locale.value = "ar";
    actAs("support", supportId);
    const response = await GET(exportUrl(`format=csv&q=${encodeURIComponent("احمد")}&customer=${arabicCustomerId}&sort=product&dir=asc&cols=createdAt`));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toMatch(/^attachment; filename="chat-sessions-\d{4}-\d{2}-\d{2}\.csv"; filename\*=UTF-8''chat-sessions-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = (await decode(response)).trimEnd().split("\r\n");
    expect(lines[0]).toBe("\uFEFFالمعرّف,المنتج,العميل,البائع,عدد الرسائل,الرسائل غير المقروءة,آخر رسالة,تاريخ الإنشاء,تاريخ التحديث,الانتظار,بانتظار الرد من,المسؤول");
    expect(lines).toHaveLength(1 + 2501);
    const audit = await lastAudit();
    expect(audit).toMatchObject({ actorId: supportId, targetType: "chatSession" });
    expect(audit?.details).toMatchObject({ format: "csv", rows: 2501, completed: true, selection: { filters: { q: "احمد", customer: arabicCustomerId } } });
  });

  it("BULK-3 streams the ticked ids as XLSX, right-to-left in Arabic", async () => {
    locale.value = "ar";
    actAs("admin", supportId);
    const response = await GET(exportUrl(`format=xlsx&ids=${ids.join(",")},999999`));
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, rightToLeft: true });
    expect(sheet.getRow(1).getCell(2).value).toBe("المنتج");
    expect(sheet.rowCount).toBe(1 + ids.length);
    await vi.waitFor(async () => expect((await lastAudit())?.details).toMatchObject({ format: "xlsx", rows: ids.length, completed: true }), SETTLED);
  });
});

describe("BULK-3 export: the list's order and the column picker", () => {
  it("BULK-3 writes the rows in the list's current sort, with only the picked columns, and audits both", async () => {
    locale.value = "en";
    actAs("support", supportId);
    const response = await GET(exportUrl(`format=csv&ids=${ids.join(",")}&sort=created&dir=desc&fields=product,id`));
    expect(response.status).toBe(200);
    const lines = (await decode(response)).trimEnd().split("\r\n");
    expect(lines[0]).toBe("\uFEFFID,Product");
    const newestFirst = await db.chatSession.findMany({ where: { id: { in: ids } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], select: { id: true } });
    expect(lines.slice(1).map((line) => Number(line.split(",")[0]))).toEqual(newestFirst.map((row) => row.id));
    await vi.waitFor(async () => expect((await lastAudit())?.details).toMatchObject({ rows: ids.length, order: { sort: "created", dir: "desc" }, fields: ["id", "product"] }), SETTLED);
  });
});

describe("BULK-3 export: many sessions, few matches", () => {
  it("BULK-3 finds every match when the matches are scattered over many id windows", async () => {
    // 30,000 more sessions that do not match, then a few scattered ones that do.
    await db.$executeRawUnsafe(
      `INSERT INTO chat_sessions (product_id, customer_id, vendor_id, last_message_at, updated_at) SELECT product_id, customer_id, vendor_id, now(), now() FROM chat_sessions, generate_series(1, 30000) WHERE id = ${ids[1]}`,
    );
    await db.$executeRawUnsafe(`UPDATE chat_sessions SET customer_id = ${arabicCustomerId} WHERE id > ${ids[3]! + 2500} AND id % 997 = 0`);
    const expected = (await db.chatSession.findMany({ where: { customerId: arabicCustomerId }, select: { id: true }, orderBy: { id: "asc" } })).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(2501 + 20);
    const exported: number[] = [];
    for await (const batch of exportRows({ filters: { ...defaultState(sessionsList), customer: arabicCustomerId } })) exported.push(...batch.map((row) => row.id));
    expect(exported).toEqual(expected);
    // 30,000 inserts through every counting trigger: tens of seconds on a busy 2-core machine.
  }, 120_000);
});
