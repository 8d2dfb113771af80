import ExcelJS from "exceljs";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { backlogBytes, MAX_BACKLOG_BYTES, sheetBacklog } from "@/lib/export/xlsx";

// The workbook writer waits for the zip when the rows written run too far ahead of it
// (lib/export/xlsx.ts). That wait depends on finding the zip's input buffer inside exceljs: it
// once read a property that stream lacks, found nothing, and never waited (issue 16: a 1M-row
// workbook's server went to 1 GB).
describe("the zip's backlog behind an exceljs sheet", () => {
  it("is found, and grows past the writer's limit while the output is not read", async () => {
    const output = new PassThrough(); // never read: the zip stops taking rows once it is full
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
    const sheet = workbook.addWorksheet("rows");
    sheet.columns = [{ header: "text", key: "text" }];
    const backlog = sheetBacklog(sheet);
    expect(backlog).not.toBeNull();
    // Text that does not compress away: the zip's output fills the unread output and stops it.
    // How much the zip takes before it stops depends on how often it got a turn, so rows keep
    // coming (with turns between batches) until the backlog passes the limit, or 40 MB of rows
    // have been written, which only a backlog that is not counted would allow.
    const noise = (n: number) => Array.from({ length: 12 }, (_, k) => ((n * 2_654_435_761 + k * 40_503) >>> 0).toString(36)).join(" ");
    let written = 0;
    for (let n = 0; (backlogBytes(backlog!) ?? 0) <= MAX_BACKLOG_BYTES && written < 40 * 1024 * 1024; n += 1) {
      const text = noise(n);
      sheet.addRow([text]).commit();
      written += text.length;
      if (n % 1_000 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    expect(backlogBytes(backlog!)).toBeGreaterThan(MAX_BACKLOG_BYTES);
    expect(written).toBeLessThan(40 * 1024 * 1024);
  });
});
