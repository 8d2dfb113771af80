import ExcelJS from "exceljs";
import { describe, expect, it, vi } from "vitest";
import type { ValueChunk } from "@/lib/export/binary-copy-values";
import type { ExportEnd } from "@/lib/export/columns";
import { workbookFrame } from "@/lib/export/xlsx-frame";
import { xlsxOfSheetRows } from "@/lib/export/xlsx-of-sheet-rows";

// The zip of a workbook whose sheet rows arrive written (lib/list-engine/xlsx-in-sql.ts writes
// them in PostgreSQL; here they are written by hand): read back, the end of the rows, a failing
// row source and a cancelled download.

const columns = [
  { header: "Id", kind: "number", width: 8 },
  { header: "Name", kind: "text", width: 20 },
] as const;
const encoder = new TextEncoder();
const rowXml = (n: number, styles: string[]) => `<row r="${n + 1}"><c r="A${n + 1}" s="${styles[0]}"><v>${n}</v></c><c r="B${n + 1}" s="${styles[1]}" t="inlineStr"><is><t>name ${n}</t></is></c></row>`;

describe("a workbook of written sheet rows (lib/export/xlsx-of-sheet-rows.ts)", () => {
  it("zips the frame and the rows into a workbook a spreadsheet reads, and says it ended", async () => {
    const frame = await workbookFrame([...columns], { name: "sessions", rightToLeft: true });
    async function* rows(): AsyncGenerator<ValueChunk> {
      for (let batch = 0; batch < 3; batch++) {
        const numbers = [1, 2, 3].map((n) => batch * 3 + n);
        yield { bytes: encoder.encode(numbers.map((n) => rowXml(n, frame.cellStyles)).join("")), count: numbers.length };
      }
    }
    let end: ExportEnd | null = null;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await new Response(xlsxOfSheetRows(frame, rows(), async (e) => void (end = e))).arrayBuffer());
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 1, rightToLeft: true });
    expect(sheet.getRow(1).values).toEqual([undefined, "Id", "Name"]);
    expect(sheet.rowCount).toBe(10);
    expect(sheet.getRow(10).values).toEqual([undefined, 9, "name 9"]);
    await vi.waitFor(() => expect(end).toEqual({ rows: 9, completed: true }));
  });

  it("fails the download when the rows' source fails, and says it did not end", async () => {
    const frame = await workbookFrame([...columns], { name: "sessions", rightToLeft: false });
    async function* failing(): AsyncGenerator<ValueChunk> {
      yield { bytes: encoder.encode(rowXml(1, frame.cellStyles)), count: 1 };
      throw new Error("the database went away");
    }
    let end: ExportEnd | null = null;
    const download = new Response(xlsxOfSheetRows(frame, failing(), async (e) => void (end = e))).arrayBuffer();
    await expect(download).rejects.toThrow();
    await vi.waitFor(() => expect(end).toMatchObject({ completed: false }));
  });

  it("stops reading the rows when the download is cancelled", async () => {
    const frame = await workbookFrame([...columns], { name: "sessions", rightToLeft: false });
    let pulled = 0;
    let closed = false;
    async function* endless(): AsyncGenerator<ValueChunk> {
      try {
        for (;;) {
          pulled += 1;
          yield { bytes: encoder.encode(Array.from({ length: 500 }, (_, i) => rowXml(pulled * 500 + i, frame.cellStyles)).join("")), count: 500 };
        }
      } finally {
        closed = true;
      }
    }
    let end: ExportEnd | null = null;
    const reader = xlsxOfSheetRows(frame, endless(), async (e) => void (end = e)).getReader();
    // The frame's parts are zipped first; the rows are asked for once the sheet's turn comes.
    while (pulled === 0) await reader.read();
    await reader.cancel();
    await vi.waitFor(() => expect(closed).toBe(true));
    const pulledAtCancel = pulled;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(pulled).toBe(pulledAtCancel);
    expect(end).toMatchObject({ completed: false });
    expect((end as ExportEnd | null)?.rows).toBeLessThan(pulled * 500 + 1);
  });
});
