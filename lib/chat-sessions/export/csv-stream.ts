import type { SessionRow } from "../list-query";
import { EXPORT_COLUMNS } from "./columns";
import { CSV_BOM, csvLine } from "./csv";

/** How an export ended: every row written, or cut short (the browser cancelled) after `rows`. */
export type ExportEnd = { rows: number; completed: boolean };

/** CSV, a batch per pull: the browser's pace sets the database's, and cancelling stops both. */
export function csvStream(headers: string[], batches: AsyncGenerator<SessionRow[]>, onEnd: (end: ExportEnd) => Promise<void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let count = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(headers)));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        await onEnd({ rows: count, completed: true });
        controller.close();
        return;
      }
      count += next.value.length;
      controller.enqueue(encoder.encode(next.value.map((row) => csvLine(EXPORT_COLUMNS.map((column) => column.value(row)))).join("")));
    },
    async cancel() {
      await batches.return(undefined);
      await onEnd({ rows: count, completed: false });
    },
  });
}
