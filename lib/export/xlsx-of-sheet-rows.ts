import archiver from "archiver";
import { PassThrough, Readable } from "node:stream";
import type { ValueChunk } from "./binary-copy-values";
import type { ExportEnd } from "./columns";
import type { WorkbookFrame } from "./xlsx-frame";

/**
 * A workbook whose sheet rows arrive written (`<row>` elements, a chunk of whole rows at a time:
 * lib/list-engine/xlsx-in-sql.ts), zipped into the frame as they come. The zip reads the rows
 * only as fast as the browser takes the file, and cancelling stops both.
 */
export function xlsxOfSheetRows(frame: WorkbookFrame, rows: AsyncGenerator<ValueChunk>, onEnd: (end: ExportEnd) => Promise<void>): ReadableStream<Uint8Array> {
  let count = 0;
  async function* sheetXml() {
    yield frame.sheetHead;
    for await (const chunk of rows) {
      count += chunk.count;
      yield chunk.bytes;
    }
    yield frame.sheetTail;
  }
  const sheet = Readable.from(sheetXml(), { objectMode: false });
  const zip = archiver("zip");
  const output = new PassThrough();
  let ended = false;
  const fail = (error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error)));
  // Every error, not only the first: one emitted with no listener would end the process.
  sheet.on("error", fail);
  zip.on("error", fail);
  zip.once("end", () => {
    ended = true;
    void onEnd({ rows: count, completed: true }).catch(fail);
  });
  // The web stream's cancel destroys `output`: stop the zip and the rows (the generator's return
  // closes them, and the database's read with them).
  output.once("close", () => {
    if (ended) return;
    zip.abort();
    sheet.destroy();
    void onEnd({ rows: count, completed: false }).catch(fail);
  });
  zip.pipe(output);
  for (const part of frame.parts) zip.append(part.data, { name: part.name });
  zip.append(sheet, { name: frame.sheetPath });
  void zip.finalize().catch(fail);
  return Readable.toWeb(output) as ReadableStream<Uint8Array>;
}
