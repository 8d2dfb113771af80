import type { ExportColumn, ExportEnd } from "./columns";
import { CSV_BOM, csvLine } from "./csv";

/** CSV, a batch per pull: the browser's pace sets the database's, and cancelling stops both. */
export function csvStream<Row>(columns: ExportColumn<Row>[], batches: AsyncGenerator<Row[]>, onEnd: (end: ExportEnd) => Promise<void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let count = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(columns.map((column) => column.header))));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        await onEnd({ rows: count, completed: true });
        controller.close();
        return;
      }
      count += next.value.length;
      let text = "";
      for (const row of next.value) text += csvLine(columns.map((column) => column.value(row)));
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await batches.return(undefined);
      await onEnd({ rows: count, completed: false });
    },
  });
}
