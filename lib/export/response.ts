import { format as formatDate } from "date-fns";
import { metrics } from "@/lib/observability/metrics";
import type { ValueChunk } from "./binary-copy-values";
import type { ExportColumn, ExportEnd } from "./columns";
import { csvLinesOf, csvStream } from "./csv-stream";
import { collectGarbage } from "./garbage";
import { xlsxStream } from "./xlsx";
import type { WorkbookFrame } from "./xlsx-frame";
import { xlsxOfSheetRows } from "./xlsx-of-sheet-rows";

export type ExportFormat = "csv" | "xlsx";

/** An export of this many rows leaves enough behind to be worth a collection of its own. */
const LARGE_EXPORT_ROWS = 50_000;

/**
 * One full garbage collection once a large export's last bytes are gone. Left to itself, V8
 * collects when the program next allocates: an idle server kept a 1M-row export's heap
 * (133 → 266 MB) and its buffers (9 → 97 MB outside the heap) for as long as it stayed idle.
 */
function collectAfterwards(): void {
  setTimeout(collectGarbage, 1_000).unref();
}

/**
 * A download streamed as its rows are read: CSV (BOM, RFC 4180, formula-safe) or Excel (typed
 * cells, frozen header, right-to-left in Arabic), named after what it holds and today's date.
 */
export function exportResponse<Row>(options: {
  format: ExportFormat;
  name: string;
  columns: ExportColumn<Row>[];
  rows: AsyncGenerator<Row[]>;
  /** the CSV's lines when the database writes them (lib/list-engine/csv-in-sql.ts); `rows` is then not read */
  csvLines?: AsyncGenerator<ValueChunk> | null;
  /** the workbook's frame and its sheet rows when the database writes them (lib/list-engine/xlsx-in-sql.ts); `rows` is then not read */
  sheet?: { frame: WorkbookFrame; rows: AsyncGenerator<ValueChunk> } | null;
  rightToLeft: boolean;
  onEnd: (end: ExportEnd) => Promise<void>;
}): Response {
  const { format, name, columns, rows, rightToLeft } = options;
  const started = performance.now();
  const onEnd = async (end: ExportEnd) => {
    metrics().exportRows.inc({ format }, end.rows);
    metrics().exportDuration.observe({ format, completed: String(end.completed) }, (performance.now() - started) / 1000);
    await options.onEnd(end);
    if (end.rows >= LARGE_EXPORT_ROWS) collectAfterwards();
  };
  const body =
    format === "csv"
      ? csvStream(
          columns.map((column) => column.header),
          options.csvLines ?? csvLinesOf(columns, rows),
          onEnd,
        )
      : options.sheet
        ? xlsxOfSheetRows(options.sheet.frame, options.sheet.rows, onEnd)
        : xlsxStream(columns, { name, rightToLeft }, rows, onEnd);
  const fileName = `${name}-${formatDate(new Date(), "yyyy-MM-dd")}.${format}`;
  return new Response(body, {
    headers: {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "content-disposition": `attachment; filename="${fileName}"; filename*=UTF-8''${fileName}`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
}

/** A refusal the browser shows as it is: plain text in the user's language. */
export function plainError(status: number, message: string): Response {
  return new Response(message, { status, headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" } });
}
