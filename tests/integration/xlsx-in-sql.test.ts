import ExcelJS from "exceljs";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { auditList } from "@/lib/audit-log/list";
import { auditSource } from "@/lib/audit-log/list-source";
import { sessionsList } from "@/lib/chat-sessions/list";
import { sessionsSource } from "@/lib/chat-sessions/list-source";
import { db } from "@/lib/db";
import type { ExportEnd } from "@/lib/export/columns";
import { xlsxStream } from "@/lib/export/xlsx";
import { workbookFrame } from "@/lib/export/xlsx-frame";
import { xlsxOfSheetRows } from "@/lib/export/xlsx-of-sheet-rows";
import type { Namespace } from "@/lib/i18n/catalogs";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/server";
import type { FilterDeclarations, ListDeclaration } from "@/lib/list-engine/declaration";
import { exportColumnsOf, pickedColumns } from "@/lib/list-engine/export-columns";
import { rowsInOrder, rowsInOrderSql } from "@/lib/list-engine/keyset";
import type { ListSource } from "@/lib/list-engine/list-source";
import type { Selection } from "@/lib/list-engine/selection";
import { noFilters } from "@/lib/list-engine/url-state";
import { columnLetters, sheetRowsSql } from "@/lib/list-engine/xlsx-in-sql";
import { readRowTexts } from "@/lib/list-engine/fields-in-sql";
import { checkTextFunction, LISTS_WRITTEN_IN_SQL, seedExportRows } from "../support/export-fixtures";

// Issue 16: a list's workbook has its rows written by PostgreSQL (lib/list-engine/xlsx-in-sql.ts)
// into a frame exceljs wrote (lib/export/xlsx-frame.ts); read back, it must hold what exceljs's
// own workbook of the same rows holds: the same values, of the same types, in the same styles.

// XML's own characters, the control characters XML cannot hold, line breaks, Arabic, spaces.
const CELL_UNIT = fc.constantFrom("&", "<", ">", '"', "'", "\u0001", "\u000b", "\u001f", "\u007f", "\t", "\n", " ", "a", "Z", "1", "ب", "٣", "é", "=", ";");
const HOSTILE_NAMES = ["<b>bold</b> & co", "=SUM(A1) سماعات", "a\u0001b\u001fc\u007f", " leading and trailing ", "tab\tand\nline", "]]>", "أحمد العتيبي", "plain"];

type Read = { header: unknown[]; rows: unknown[][]; numFmts: (string | undefined)[]; view: Partial<ExcelJS.WorksheetView>; widths: (number | undefined)[]; name: string };

/** A workbook's sheet as a reader sees it: an empty cell and an empty text are both "". */
async function readBack(file: ReadableStream<Uint8Array>): Promise<Read> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await new Response(file).arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const width = sheet.getRow(1).cellCount;
  const rows: unknown[][] = [];
  const numFmts: (string | undefined)[] = [];
  sheet.eachRow((row, number) => {
    if (number === 1) return;
    rows.push(Array.from({ length: width }, (_, index) => row.getCell(index + 1).value ?? ""));
    if (number === 2) for (let index = 0; index < width; index++) numFmts.push(row.getCell(index + 1).numFmt);
  });
  const header = Array.from({ length: width }, (_, index) => sheet.getRow(1).getCell(index + 1).value);
  return { header, rows, numFmts, view: sheet.views[0]!, widths: sheet.columns.map((column) => column.width), name: sheet.name };
}

async function bothWorkbooks<Row extends { id: number }, S extends string, F extends FilterDeclarations, W extends Namespace>(
  declaration: ListDeclaration<Row, S, F, W>,
  source: ListSource<S, F>,
  locale: Locale,
  selection: Selection<F> = { filters: noFilters(declaration) },
): Promise<{ inSql: Read & { end: ExportEnd | null }; byExceljs: Read }> {
  const t = translatorFor(locale, declaration.words);
  const order = { sort: declaration.defaultSort, dir: declaration.defaultDir };
  const columns = exportColumnsOf(declaration.columns, t, null);
  const sheetOptions = { name: declaration.path.slice(1), rightToLeft: locale === "ar" };
  const frame = await workbookFrame(columns, sheetOptions);
  const sql = sheetRowsSql(pickedColumns(declaration.columns, null), t, rowsInOrderSql(source, selection, order, null), frame.cellStyles);
  if (!sql) throw new Error(`${declaration.path}: not written in SQL`);
  let end: ExportEnd | null = null;
  const inSql = await readBack(xlsxOfSheetRows(frame, readRowTexts(sql), async (e) => void (end = e)));
  const byExceljs = await readBack(xlsxStream(columns, sheetOptions, rowsInOrder<Row, S, F>(source, selection, order), async () => {}));
  return { inSql: { ...inSql, end }, byExceljs };
}

beforeAll(() => seedExportRows(HOSTILE_NAMES, { vendor: "<script>x</script>", product: "-2+3 & <4>", support: 'Sara, "the" agent' }));

describe("a list's workbook with its rows written by PostgreSQL", () => {
  it("xml_text writes any text as exceljs does: & < > escaped, the characters XML cannot hold left out", async () => {
    await checkTextFunction("xml_text", CELL_UNIT, HOSTILE_NAMES, (texts, cells) => {
      const decoded = cells.map((cell) => cell.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&"));
      // biome-ignore lint/suspicious/noControlCharactersInRegex: the characters XML 1.0 cannot hold
      expect(decoded).toEqual(texts.map((text) => text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, "")));
      expect(cells.every((cell) => !/[<>]|&(?!amp;|lt;|gt;)/.test(cell))).toBe(true);
    });
  });

  for (const locale of ["en", "ar"] as const) {
    it(`BULK-3 every list that can holds the same workbook written in SQL as by exceljs: sessions, users, products, orders (${locale})`, async () => {
      for (const [declaration, source] of LISTS_WRITTEN_IN_SQL) {
        const { inSql, byExceljs } = await bothWorkbooks(declaration as never, source as never, locale);
        expect(byExceljs.rows.length, declaration.path).toBeGreaterThanOrEqual(HOSTILE_NAMES.length);
        const { end, ...read } = inSql;
        expect(read, declaration.path).toEqual(byExceljs);
        expect(end, declaration.path).toEqual({ rows: byExceljs.rows.length, completed: true });
        // typed cells: ids are numbers, dates are dates in a date format
        expect(typeof read.rows[0]![0], declaration.path).toBe("number");
        expect(read.view).toMatchObject({ state: "frozen", ySplit: 1, rightToLeft: locale === "ar" });
      }
      const sessions = (await bothWorkbooks(sessionsList, sessionsSource, locale)).inSql;
      expect(sessions.rows.flat().filter((value) => value instanceof Date).length).toBeGreaterThan(HOSTILE_NAMES.length);
      expect(sessions.rows.flat()).toContain("<b>bold</b> & co");
      expect(sessions.rows.flat()).toContain("abc");
      // the awaiting side in the user's words, "no one" included (it was written as "none")
      expect(sessions.rows.flat()).toContain(translatorFor(locale, "chatSessions")("awaitingNone"));
      expect(sessions.rows.flat()).not.toContain("none");
    });
  }

  it("BULK-3 a search, a filter and ticked rows: the same rows as exceljs's workbook", async () => {
    const sessions = await db.chatSession.findMany({ select: { id: true, vendorId: true }, orderBy: { id: "asc" } });
    const selections = [
      { filters: { ...noFilters(sessionsList), q: "<b>bold" } },
      { filters: { ...noFilters(sessionsList), q: "سماعات" } },
      { filters: { ...noFilters(sessionsList), vendor: sessions[0]!.vendorId } },
      { ids: sessions.slice(0, 3).map((session) => session.id) },
    ] satisfies Selection<typeof sessionsList.filters>[];
    const matched: number[] = [];
    for (const selection of selections) {
      const { inSql, byExceljs } = await bothWorkbooks(sessionsList, sessionsSource, "en", selection);
      expect(inSql.rows).toEqual(byExceljs.rows);
      matched.push(inSql.rows.length);
    }
    expect(matched).toEqual([1, 1, 1, 3]);
  });

  it("a column made of several fields (the audit log's) leaves its workbook to exceljs; columns past Z are lettered as a spreadsheet does", async () => {
    const t = translatorFor("en", auditList.words);
    const frame = await workbookFrame(exportColumnsOf(auditList.columns, t, null), { name: "audit", rightToLeft: false });
    expect(sheetRowsSql(pickedColumns(auditList.columns, null), t, rowsInOrderSql(auditSource, { filters: noFilters(auditList) }, { sort: auditList.defaultSort, dir: auditList.defaultDir }), frame.cellStyles)).toBeNull();
    expect([0, 25, 26, 51, 52, 701, 702].map(columnLetters)).toEqual(["A", "Z", "AA", "AZ", "BA", "ZZ", "AAA"]);
  });
});
