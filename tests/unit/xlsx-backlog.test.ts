import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { backlogBytes, sheetBacklog } from "@/lib/export/xlsx";

// The workbook writer waits for the zip when the rows written run too far ahead of it
// (lib/export/xlsx.ts). That wait depends on finding the zip's input buffer inside exceljs: it
// once read a property that stream lacks, found nothing, and never waited (issue 16: a 1M-row
// workbook's server went to 1 GB).
describe("the zip's backlog behind an exceljs sheet", () => {
  it("is found, and counts the bytes of rows written but not yet compressed", async () => {
    const output = new PassThrough(); // never read: the zip stops taking rows once it is full
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet("rows");
    sheet.columns = [{ header: "text", key: "text" }];
    // Text that does not compress away: the zip's output fills the unread output and stops it.
    const noise = (n: number) => Array.from({ length: 12 }, (_, k) => ((n * 2_654_435_761 + k * 40_503) >>> 0).toString(36)).join(" ");
    for (let n = 0; n < 20_000; n += 1) sheet.addRow([noise(n)]).commit();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const backlog = sheetBacklog(sheet);
    expect(backlog).not.toBeNull();
    expect(backlogBytes(backlog!)).toBeGreaterThan(1024 * 1024);
  });
});
