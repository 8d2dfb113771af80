import type { SessionRow } from "../list-query";
import { EXPORT_COLUMNS } from "./columns";
import { CSV_BOM, csvLine } from "./csv";

/** CSV, a batch per pull: the browser's pace sets the database's, and cancelling stops both. */
export function csvStream(headers: string[], batches: AsyncGenerator<SessionRow[]>, onDone: (rows: number) => Promise<void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let count = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(headers)));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        await onDone(count);
        controller.close();
        return;
      }
      count += next.value.length;
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(EXPORT_COLUMNS.map((column) => column.value(row)))).join("")));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
}
