import type { ValueChunk } from "./binary-copy-values";
import type { ExportColumn, ExportEnd } from "./columns";
import { CSV_BOM, csvLine } from "./csv";

/**
 * The CSV lines of rows, written here (when the database does not write them:
 * lib/list-engine/csv-in-sql.ts), as UTF-8 a batch at a time. Stopping this stops the rows too
 * (for await closes them).
 */
export async function* csvLinesOf<Row>(columns: ExportColumn<Row>[], batches: AsyncGenerator<Row[]>): AsyncGenerator<ValueChunk> {
  const encoder = new TextEncoder();
  for await (const rows of batches) yield { bytes: encoder.encode(rows.map((row) => csvLine(columns.map((column) => column.value(row)))).join("")), count: rows.length };
}

/** CSV, a chunk of lines per pull: the browser's pace sets the database's, and cancelling stops both. */
export function csvStream(headers: string[], lines: AsyncGenerator<ValueChunk>, onEnd: (end: ExportEnd) => Promise<void>): ReadableStream<Uint8Array> {
  let count = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(new TextEncoder().encode(CSV_BOM + csvLine(headers)));
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) {
        await onEnd({ rows: count, completed: true });
        controller.close();
        return;
      }
      count += next.value.count;
      controller.enqueue(next.value.bytes);
    },
    async cancel() {
      await lines.return(undefined);
      await onEnd({ rows: count, completed: false });
    },
  });
}
