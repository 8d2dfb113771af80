import ExcelJS from "exceljs";
import { once } from "node:events";
import { PassThrough, Readable } from "node:stream";
import type { ExportCell, ExportColumn, ExportEnd } from "./columns";
import { collectGarbage } from "./garbage";

/**
 * exceljs's sheet stream accepts every write and never pushes back; the zip library reads it
 * through a PassThrough of its own, whose buffer is the real backlog (rows written but not yet
 * compressed). That PassThrough comes from the readable-stream package, whose writable state
 * predates `writableNeedDrain`: reading only that property found no backlog, so nothing waited
 * for the zip, and when rows came faster than it compressed them (a 300,000-row workbook read
 * sorted after, issue 16) its buffers grew by ~0.5 MB a thousand rows. Null if exceljs's
 * internals change, and then only the output's own backpressure applies.
 */
type Backlog = NodeJS.EventEmitter & { writableLength?: number; _writableState?: { length?: number } };
export function sheetBacklog(sheet: ExcelJS.Worksheet): Backlog | null {
  const pipes = (sheet as unknown as { stream?: { pipes?: unknown[] } }).stream?.pipes;
  const first = (Array.isArray(pipes) ? pipes[0] : undefined) as Backlog | undefined;
  return first && typeof backlogBytes(first) === "number" ? first : null;
}

export const backlogBytes = (backlog: Backlog) => backlog.writableLength ?? backlog._writableState?.length;

/**
 * How far the rows may run ahead of the zip before the writer waits for it to catch up: enough
 * that both keep working (the zip compresses on other threads while rows are written), little
 * enough that memory stays flat.
 */
export const MAX_BACKLOG_BYTES = 4 * 1024 * 1024;

/**
 * A workbook collects its garbage every this many rows. exceljs makes a row and a cell object for
 * every value, and V8 grew the heap with them faster than it collected: a 100,000-row workbook took
 * the server from 285 to 445 MB resident, every session (1M rows) to 494 MB. Collecting every
 * 50,000 rows: 371 and 385 MB, at the same speed (every 20,000: 344 MB, but 2.5 times the pauses; each
 * is ~50 ms, for every request the server is answering then). `npm run bench:export-http`, issue 16.
 */
export const COLLECT_EVERY_ROWS = 50_000;

/** A name a spreadsheet accepts for a sheet: none of * ? : \\ / [ ], at most 31 characters. */
function sheetName(name: string): string {
  return Array.from(name.replace(/[*?:\\/[\]]/g, " ")).slice(0, 31).join("");
}

export type SheetOptions = { name: string; rightToLeft: boolean };

/** What a workbook's set-up needs of a column. */
export type WorkbookColumn = Pick<ExportColumn<unknown>, "header" | "kind" | "width">;

/**
 * A workbook writing into `output` with one sheet, set up as every export's is: the columns'
 * headers in a bold, frozen first row, their widths, a right-to-left sheet for Arabic, and date
 * cells formatted as dates. `addRow` writes one row of values, each cell in its column's style.
 */
export function exportWorkbook(output: PassThrough, columns: WorkbookColumn[], sheetOptions: SheetOptions) {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(sheetName(sheetOptions.name), { views: [{ state: "frozen", ySplit: 1, rightToLeft: sheetOptions.rightToLeft }] });
  // One style object per column, given to each of its cells: exceljs knows an object it has seen
  // by its identity, and serialises and hashes any other to find its style — the copy exceljs
  // makes for every new cell was the costliest step of a workbook (issue 16; bench:export-http).
  const cellStyles: Partial<ExcelJS.Style>[] = columns.map((column) => (column.kind === "date" ? { numFmt: "yyyy-mm-dd hh:mm:ss" } : {}));
  // A column is at least as wide as its header, which would otherwise be cut by the next one
  // ("الرسائل غير المقروءة" over a column of counts).
  sheet.columns = columns.map((column, index) => ({ header: column.header, key: String(index), width: Math.max(column.width, Array.from(column.header).length + 2), style: cellStyles[index] }));
  sheet.getRow(1).font = { bold: true };
  const addRow = (values: ExportCell[]) => {
    const added = sheet.addRow(values);
    for (const [index, style] of cellStyles.entries()) added.getCell(index + 1).style = style;
    added.commit();
  };
  return { workbook, sheet, addRow };
}

/**
 * A streaming XLSX writer: rows go into the zip as they come, numbers as numbers and times as
 * date cells, with a frozen header row (and a right-to-left sheet for Arabic).
 */
export function xlsxStream<Row>(columns: ExportColumn<Row>[], sheetOptions: SheetOptions, batches: AsyncIterable<Row[]>, onEnd: (end: ExportEnd) => Promise<void>): ReadableStream<Uint8Array> {
  const output = new PassThrough();
  const { workbook, sheet, addRow } = exportWorkbook(output, columns, sheetOptions);
  // The web stream's cancel destroys `output`, which emits "close" (and never "drain" again).
  let cancelled = false;
  const closed = new Promise<void>((resolve) =>
    output.once("close", () => {
      cancelled = true;
      resolve();
    }),
  );
  void (async () => {
    let count = 0;
    let uncollected = 0;
    try {
      for await (const rows of batches) {
        // Leaving the loop (the browser went away) closes the row source too.
        if (cancelled) break;
        for (const row of rows) addRow(columns.map((column) => column.value(row)));
        count += rows.length;
        uncollected += rows.length;
        if (uncollected >= COLLECT_EVERY_ROWS) {
          collectGarbage();
          uncollected = 0;
        }
        // Wait until the zip and the browser have taken what is written (a cancel ends the
        // wait too), and let compression, which runs on other turns, keep up.
        const backlog = sheetBacklog(sheet);
        if (backlog && (backlogBytes(backlog) ?? 0) > MAX_BACKLOG_BYTES) await Promise.race([once(backlog, "drain"), closed]);
        if (output.writableNeedDrain) await Promise.race([once(output, "drain"), closed]);
        await new Promise((resolve) => setImmediate(resolve));
      }
      if (cancelled) {
        await onEnd({ rows: count, completed: false });
        return;
      }
      sheet.commit();
      await workbook.commit();
      await onEnd({ rows: count, completed: true });
    } catch (error) {
      output.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
