import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { auditList } from "@/lib/audit-log/list";
import { auditSource } from "@/lib/audit-log/list-source";
import { sessionsList } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { db, withValuesInline } from "@/lib/db";
import type { ValueChunk } from "@/lib/export/binary-copy-values";
import { Prisma } from "@/lib/generated/prisma/client";
import { csvLine } from "@/lib/export/csv";
import { csvLinesOf } from "@/lib/export/csv-stream";
import type { Namespace } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/server";
import { csvLinesSql } from "@/lib/list-engine/csv-in-sql";
import { readRowTexts } from "@/lib/list-engine/fields-in-sql";
import { fieldOf } from "@/lib/list-engine/fields-in-sql";
import type { FilterDeclarations, ListDeclaration } from "@/lib/list-engine/declaration";
import { exportColumnsOf, pickedColumns } from "@/lib/list-engine/export-columns";
import { rowsInOrder, rowsInOrderSql } from "@/lib/list-engine/keyset";
import type { ListSource } from "@/lib/list-engine/list-source";
import type { Selection } from "@/lib/list-engine/selection";
import { noFilters } from "@/lib/list-engine/url-state";
import { ordersList } from "@/lib/orders/list";
import { ordersSource } from "@/lib/orders/list-source";
import { checkTextFunction, LISTS_WRITTEN_IN_SQL, seedExportRows } from "../support/export-fixtures";
import { createSessionFixture } from "../support/fixtures";

// Issue 16: a list's CSV export is written by PostgreSQL (lib/list-engine/csv-in-sql.ts); it must
// be, byte for byte, what the TypeScript writer (lib/export/csv.ts) makes of the same rows.

// What a spreadsheet reads as a formula or a separator, quotes, line breaks, Arabic, and plain text.
const CELL_UNIT = fc.constantFrom("=", "+", "-", "@", ";", ",", '"', "'", "\t", "\r", "\n", " ", "a", "Z", "1", "ب", "٣", "é");

const HOSTILE_NAMES = ["=SUM(A1) سماعات", "+1 555", "-minus", "@handle", 'say "hi", then go', "a;=b; +c", "line\nbreak\n=x", "tab\t@x", "\r=cr", "أحمد العتيبي", "plain"];

async function textOf(chunks: AsyncGenerator<ValueChunk>): Promise<{ text: string; lines: number }> {
  const decoder = new TextDecoder();
  let text = "";
  let lines = 0;
  for await (const chunk of chunks) {
    text += decoder.decode(chunk.bytes, { stream: true });
    lines += chunk.count;
  }
  return { text: text + decoder.decode(), lines };
}

async function exportLines<Row extends { id: number }, S extends string, F extends FilterDeclarations, W extends Namespace>(
  declaration: ListDeclaration<Row, S, F, W>,
  source: ListSource<S, F>,
  locale: Locale,
  selection: Selection<F> = { filters: noFilters(declaration) },
): Promise<{ inSql: { text: string; lines: number }; inTypeScript: { text: string; lines: number } }> {
  const t = translatorFor(locale, declaration.words);
  const order = { sort: declaration.defaultSort, dir: declaration.defaultDir };
  const sql = csvLinesSql(pickedColumns(declaration.columns, null), t, rowsInOrderSql(source, selection, order, null));
  if (!sql) throw new Error(`${declaration.path}: not written in SQL`);
  return {
    inSql: await textOf(readRowTexts(sql)),
    inTypeScript: await textOf(csvLinesOf(exportColumnsOf(declaration.columns, t, null), rowsInOrder<Row, S, F>(source, selection, order))),
  };
}

beforeAll(() => seedExportRows(HOSTILE_NAMES, { vendor: "=cmd|' /C calc'!A0", product: "-2+3", support: 'Sara, "the" agent' }));

describe("a list's CSV written by PostgreSQL", () => {
  it("csv_cell writes any text as the TypeScript writer does: formulas neutralised, separators of every locale quoted", async () => {
    await checkTextFunction("csv_cell", CELL_UNIT, HOSTILE_NAMES, (texts, cells) => expect(cells).toEqual(texts.map((text) => csvLine([text]).slice(0, -2))));
  });

  for (const locale of ["en", "ar"] as const) {
    it(`BULK-3 every list that can writes the same lines in SQL as in TypeScript: sessions, users, products, orders (${locale})`, async () => {
      for (const [declaration, source] of LISTS_WRITTEN_IN_SQL) {
        const { inSql, inTypeScript } = await exportLines(declaration as never, source as never, locale);
        expect(inTypeScript.lines, declaration.path).toBeGreaterThanOrEqual(HOSTILE_NAMES.length);
        expect(inSql, declaration.path).toEqual(inTypeScript);
      }
    });
  }

  it("BULK-3 a search, filters and ticked rows reach PostgreSQL's COPY written into its statement, quotes and backslashes as they are", async () => {
    const hostileTerm = `say "hi", then go' OR '1'='1 \\' --`;
    await createSessionFixture({ product: `${hostileTerm} lamp`, customer: "Quote Customer", vendor: "Quote Vendor" });
    const sessions = await db.chatSession.findMany({ select: { id: true, vendorId: true }, orderBy: { id: "asc" } });
    const selections = [
      { filters: { ...noFilters(sessionsList), q: hostileTerm } },
      { filters: { ...noFilters(sessionsList), q: "سماعات" } },
      { filters: { ...noFilters(sessionsList), vendor: sessions[0]!.vendorId, unread: true } },
      { ids: sessions.slice(0, 3).map((session) => session.id) },
    ] satisfies Selection<typeof sessionsList.filters>[];
    const matched: number[] = [];
    for (const selection of selections) {
      const { inSql, inTypeScript } = await exportLines(sessionsList, sessionsSource, "en", selection);
      expect(inSql).toEqual(inTypeScript);
      matched.push(inSql.lines);
    }
    expect(matched).toEqual([1, 1, expect.any(Number), 3]);
    // an enum, a day range and an entity of another list
    const orderFilters = { ...noFilters(ordersList), status: "paid" as const, created: { from: "2020-01-01", to: "2099-12-31" } };
    const orders = await exportLines(ordersList, ordersSource, "ar", { filters: orderFilters });
    expect(orders.inSql).toEqual(orders.inTypeScript);
    expect(orders.inSql.lines).toBe(await db.order.count({ where: { status: "paid" } }));
    expect(withValuesInline(Prisma.sql`SELECT ${hostileTerm}, ${[1, 2]}::int[], ${12}, ${true}, ${null}`)).toBe(
      `SELECT  E'say "hi", then go'' OR ''1''=''1 \\\\'' --', '{1,2}'::int[], '12', 'true', NULL`,
    );
    expect(() => withValuesInline(Prisma.sql`SELECT ${new Date()}`)).toThrow();
  });

  it("a column made of several fields (the audit log's target and details) leaves its list to the TypeScript writer", () => {
    expect(auditList.columns.filter((column) => fieldOf(column) === null).map((column) => column.key)).toEqual(["target", "details"]);
    expect(csvLinesSql(pickedColumns(auditList.columns, null), translatorFor("en", auditList.words), rowsInOrderSql(auditSource, { filters: noFilters(auditList) }, { sort: auditList.defaultSort, dir: auditList.defaultDir }))).toBeNull();
    expect(fieldOf(sessionsList.columns[0]!)).toBe("id");
  });
});
