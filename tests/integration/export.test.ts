import ExcelJS from "exceljs";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { EXPORT_COLUMNS } from "@/lib/chat-sessions/export/columns";
import { csvStream } from "@/lib/chat-sessions/export/csv-stream";
import { exportRows } from "@/lib/chat-sessions/export/rows";
import { xlsxStream } from "@/lib/chat-sessions/export/xlsx";
import { DEFAULT_PARAMS } from "@/lib/chat-sessions/list-params";
import { createSessionFixture, resetDatabase } from "../support/fixtures";

const headers = EXPORT_COLUMNS.map((column) => column.header);
let ids: number[] = [];

beforeAll(async () => {
  await resetDatabase();
  const first = await createSessionFixture({ product: "=SUM(A1) سماعات", customer: "أحمد العتيبي", vendor: "متجر التقنية" });
  await db.chatMessage.create({ data: { sessionId: first.session.id, senderId: first.customer.id, body: "hello" } });
  const others = await Promise.all(Array.from({ length: 3 }, () => createSessionFixture()));
  ids = [first.session.id, ...others.map((o) => o.session.id)];
  // A large set, to cross batch boundaries: 2,500 sessions cloned from the first.
  await db.$executeRawUnsafe(
    `INSERT INTO chat_sessions (product_id, customer_id, vendor_id, last_message_at, updated_at) SELECT product_id, customer_id, vendor_id, now(), now() FROM chat_sessions, generate_series(1, 2500) WHERE id = ${first.session.id}`,
  );
});

describe("BULK-3 export", () => {
  it("streams every selected session once, in batches, as CSV with a BOM and Arabic intact", async () => {
    let recorded = -1;
    const response = new Response(csvStream(headers, exportRows({ filters: DEFAULT_PARAMS }), async (rows) => void (recorded = rows)));
    // Response.text() would drop the byte-order mark; decode keeping it.
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    const lines = text.trimEnd().split("\r\n");
    expect(text.startsWith("\uFEFFcolId,colProduct")).toBe(true);
    expect(lines).toHaveLength(1 + 4 + 2500);
    expect(recorded).toBe(2504);
    expect(lines[1]).toContain(`${ids[0]},'=SUM(A1) سماعات,أحمد العتيبي,متجر التقنية,1,1,`);
    expect(new Set(lines.slice(1).map((line) => line.split(",")[0])).size).toBe(2504);
  });

  it("exports only the chosen ids when rows are ticked", async () => {
    const text = await new Response(csvStream(headers, exportRows({ ids: ids.slice(1, 3) }), async () => {})).text();
    expect(text.trimEnd().split("\r\n").slice(1).map((line) => Number(line.split(",")[0]))).toEqual(ids.slice(1, 3));
  });

  it("writes XLSX with typed cells (numbers, dates), a frozen header and right-to-left for Arabic", async () => {
    const bytes = await new Response(xlsxStream(headers, true, exportRows({ ids: [ids[0]!] }), async () => {})).arrayBuffer();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, rightToLeft: true });
    expect(sheet.getRow(1).values).toEqual([undefined, ...headers]);
    const row = sheet.getRow(2);
    expect(row.getCell(1).value).toBe(ids[0]);
    expect(row.getCell(2).value).toBe("=SUM(A1) سماعات");
    expect(row.getCell(5).value).toBe(1);
    expect(row.getCell(7).value).toBeInstanceOf(Date);
    expect(sheet.rowCount).toBe(2);
  });

  it("stops reading when the download is cancelled", async () => {
    let finished = false;
    const stream = csvStream(headers, exportRows({ filters: DEFAULT_PARAMS }), async () => void (finished = true));
    const reader = stream.getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(finished).toBe(false);
  });
});
