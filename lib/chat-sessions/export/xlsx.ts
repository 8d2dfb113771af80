import ExcelJS from "exceljs";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import type { SessionRow } from "../list-query";
import { EXPORT_COLUMNS } from "./columns";

/**
 * A streaming XLSX writer: rows go into the zip as they come, numbers as numbers and times as
 * date cells, with a frozen header row (and a right-to-left sheet for Arabic).
 */
export function xlsxStream(headers: string[], rightToLeft: boolean, batches: AsyncIterable<SessionRow[]>, onDone: (rows: number) => Promise<void>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet("Chat sessions", { views: [{ state: "frozen", ySplit: 1, rightToLeft }] });
  sheet.columns = EXPORT_COLUMNS.map((column, index) => ({
    header: headers[index],
    key: String(index),
    width: column.width,
    style: column.kind === "date" ? { numFmt: "yyyy-mm-dd hh:mm:ss" } : {},
  }));
  sheet.getRow(1).font = { bold: true };
  let cancelled = false;
  output.once("close", () => (cancelled = true));
  void (async () => {
    let count = 0;
    try {
      for await (const rows of batches) {
        // Leaving the loop (the browser went away) closes the row source too.
        if (cancelled) return;
        for (const row of rows) sheet.addRow(EXPORT_COLUMNS.map((column) => column.value(row))).commit();
        count += rows.length;
        if (output.writableNeedDrain) await once(output, "drain");
      }
      sheet.commit();
      await workbook.commit();
      await onDone(count);
    } catch (error) {
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
