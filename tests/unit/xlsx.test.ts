import ExcelJS from "exceljs";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ExportColumn } from "@/lib/export/columns";
import { COLLECT_EVERY_ROWS, xlsxStream } from "@/lib/export/xlsx";

type Row = { text: string; count: number; at: Date | "" };
const columns: ExportColumn<Row>[] = [
  { header: "Text & <more>", value: (row) => row.text, kind: "text", width: 30 },
  { header: "Count", value: (row) => row.count, kind: "number", width: 10 },
  { header: "At", value: (row) => row.at, kind: "date", width: 22 },
];

async function* batches(...groups: Row[][]) {
  for (const group of groups) yield group;
}

async function workbookOf(stream: ReadableStream<Uint8Array>) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await new Response(stream).arrayBuffer());
  return workbook;
}

describe("BULK-3 XLSX writer (lib/export/xlsx.ts)", () => {
  it("writes a workbook a spreadsheet reads back cell for cell, over several batches, with any text", async () => {
    const at = new Date("2026-11-29T23:59:58.123Z");
    const hostile = ["=SUM(A1) & <b>", "  leading and trailing  ", "bell\u0007 gone", 'quote " and apostrophe \'', "سماعات لاسلكية", "line\nbreak"];
    const rows = hostile.map((text, index) => ({ text, count: index - 2, at: index % 2 ? at : ("" as const) }));
    let end = null;
    const workbook = await workbookOf(xlsxStream(columns, { name: "Sessions: [all]", rightToLeft: false }, batches(rows.slice(0, 2), [], rows.slice(2)), async (e) => void (end = e)));
    expect(end).toEqual({ rows: hostile.length, completed: true });
    const sheet = workbook.worksheets[0]!;
    expect(sheet.name).toBe("Sessions   all ");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    expect(sheet.views[0]?.rightToLeft).toBeFalsy();
    expect(sheet.getRow(1).values).toEqual([undefined, "Text & <more>", "Count", "At"]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getColumn(1).width).toBe(30);
    expect(sheet.rowCount).toBe(1 + hostile.length);
    for (const [index, row] of rows.entries()) {
      const cells = sheet.getRow(index + 2);
      expect(cells.getCell(1).value).toBe(row.text.replace("\u0007", ""));
      expect(cells.getCell(1).type).toBe(ExcelJS.ValueType.String);
      expect(cells.getCell(2).value).toBe(row.count);
      if (row.at === "") expect(cells.getCell(3).value).toBeNull();
      else {
        expect((cells.getCell(3).value as Date).getTime()).toBe(at.getTime());
        expect(cells.getCell(3).numFmt).toBe("yyyy-mm-dd hh:mm:ss");
      }
    }
  });

  it("makes a column at least as wide as its header, so that the next one does not cut it", async () => {
    const narrow: ExportColumn<Row>[] = [{ ...columns[1]!, header: "الرسائل غير المقروءة", width: 10 }, ...columns];
    const sheet = (await workbookOf(xlsxStream(narrow, { name: "x", rightToLeft: true }, batches(), async () => {}))).worksheets[0]!;
    expect(sheet.getColumn(1).width).toBe(22);
    expect(sheet.getColumn(3).width).toBe(10);
  });

  it("writes an empty list as its header alone, right-to-left when asked", async () => {
    const workbook = await workbookOf(xlsxStream(columns, { name: "x", rightToLeft: true }, batches(), async () => {}));
    expect(workbook.worksheets[0]!.views[0]).toMatchObject({ rightToLeft: true });
    expect(workbook.worksheets[0]!.rowCount).toBe(1);
  });

  describe("a large workbook", () => {
    afterEach(() => vi.unstubAllGlobals());

    it("collects its garbage once every COLLECT_EVERY_ROWS rows, when the server exposes gc", async () => {
      const gc = vi.fn();
      vi.stubGlobal("gc", gc);
      const total = COLLECT_EVERY_ROWS * 2 + 3_000;
      async function* numbered() {
        // As the export reads them: batches of 2,000 rows, the last one short.
        for (let first = 0; first < total; first += 2_000) yield Array.from({ length: Math.min(2_000, total - first) }, (_, index) => ({ text: "", count: first + index, at: "" as const }));
      }
      let end = null;
      await new Response(xlsxStream(columns.slice(1, 2), { name: "large", rightToLeft: false }, numbered(), async (e) => void (end = e))).arrayBuffer();
      expect(end).toEqual({ rows: total, completed: true });
      expect(gc).toHaveBeenCalledTimes(2);
    });
  });
});
