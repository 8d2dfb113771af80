import type { ExportColumn, ExportEnd } from "./columns";
import { CSV_BOM, csvLine } from "./csv";

/**
 * The CSV lines of rows, written here (when the database does not write them:
 * lib/list-engine/csv-in-sql.ts). Stopping this stops the rows too (for await closes them).
 */
export async function* csvLinesOf<Row>(columns: ExportColumn<Row>[], batches: AsyncGenerator<Row[]>): AsyncGenerator<string[]> {
  for await (const rows of batches) yield rows.map((row) => csvLine(columns.map((column) => column.value(row))));
}

/** CSV, a batch of lines per pull: the browser's pace sets the database's, and cancelling stops both. */
export function csvStream(headers: string[], lines: AsyncGenerator<string[]>, onEnd: (end: ExportEnd) => Promise<void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let count = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(headers)));
    },
    async pull(controller) {
      const next = await lines.next();
      if (next.done) {
        await onEnd({ rows: count, completed: true });
        controller.close();
        return;
      }
      count += next.value.length;
      controller.enqueue(encoder.encode(next.value.join("")));
    },
    async cancel() {
      await lines.return(undefined);
      await onEnd({ rows: count, completed: false });
    },
  });
}
