// One export of the first N sessions in the list's default order (last message, newest first), run by `bench:list` in a fresh process of its
// own so that peak RSS is the export's, not the list benchmark's. Prints one JSON line.
//   tsx --conditions=react-server scripts/bench/export.ts <csv|xlsx> <rows> <app|raw|transcript> <database url>
// app: the app's row source (one statement through a cursor) and writers, as the export route runs them.
// raw: the floor — the same keyset batches on a bare pg connection into the same writers.
// transcript: the messages of those N sessions (issue 19's transcript), as its route writes them; `rows` counts messages.
import { readFileSync } from "node:fs";
import pg from "pg";

const [format, rowsArg, mode, url] = process.argv.slice(2);
if ((format !== "csv" && format !== "xlsx") || (mode !== "app" && mode !== "raw" && mode !== "transcript") || !url) throw new Error("usage: export.ts <csv|xlsx> <rows> <app|raw|transcript> <url>");
const limit = Number(rowsArg);
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_MAX = "4";

const { sessionsList } = await import("../../lib/chat-sessions/list");
const { noFilters } = await import("../../lib/list-engine/url-state");
const { sessionsSource } = await import("../../lib/chat-sessions/list-source");
const { rowsInOrder } = await import("../../lib/list-engine/keyset");
const { exportColumnsOf } = await import("../../lib/list-engine/export-columns");
const { csvLinesOf, csvStream } = await import("../../lib/export/csv-stream");
const { xlsxStream } = await import("../../lib/export/xlsx");
const { transcriptOutput } = await import("../../lib/chat-sessions/transcript");
type Row = import("../../lib/chat-sessions/list").SessionRow;
type ExportColumn<R> = import("../../lib/export/columns").ExportColumn<R>;

const COLUMNS = `id, product_id AS "productId", product_name AS "productName", customer_id AS "customerId", customer_name AS "customerName",
  vendor_id AS "vendorId", vendor_name AS "vendorName", message_count AS "messageCount", unread_count AS "unreadCount",
  last_message_at AS "lastMessageAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

async function* rawRows(): AsyncGenerator<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let after: [Date, number] | null = null;
    for (;;) {
      const seek: string = after ? "WHERE (last_message_at, id) < ($1, $2)" : "";
      const { rows }: pg.QueryResult<Row> = await client.query<Row>(`SELECT ${COLUMNS} FROM chat_sessions ${seek} ORDER BY last_message_at DESC, id DESC LIMIT 500`, after ?? undefined);
      const last: Row | undefined = rows.at(-1);
      if (!last) return;
      yield rows;
      after = [last.lastMessageAt, last.id];
    }
  } finally {
    await client.end();
  }
}

async function* firstRows(source: AsyncGenerator<Row[]>) {
  let left = limit;
  for await (const batch of source) {
    yield batch.slice(0, left);
    left -= batch.length;
    if (left <= 0) return;
  }
}

/** The process's high-water mark of resident memory (the kernel keeps it; no sampling gaps). */
const peakRss = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync("/proc/self/status", "utf8"))?.[1] ?? 0) * 1024;

const baseline = process.memoryUsage().rss;
const started = performance.now();
const source = firstRows(mode === "raw" ? rawRows() : rowsInOrder(sessionsSource, { filters: noFilters(sessionsList) }, { sort: "lastMessage", dir: "desc" }));
let written = 0;
const onEnd = async ({ rows }: { rows: number }) => void (written = rows);
const csvStreamOf = <Row>(columns: ExportColumn<Row>[], rows: AsyncGenerator<Row[]>) => csvStream(columns.map((column) => column.header), csvLinesOf(columns, rows), onEnd);
// Headers are the catalog keys: translating them costs nothing worth measuring.
const stream =
  mode === "transcript"
    ? format === "csv"
      ? csvStreamOf(transcriptOutput.columns("en"), transcriptOutput.rows(source))
      : xlsxStream(transcriptOutput.columns("en"), { name: "Transcripts", rightToLeft: false }, transcriptOutput.rows(source), onEnd)
    : format === "csv"
      ? csvStreamOf(exportColumnsOf(sessionsList.columns, (key) => key, null), source)
      : xlsxStream(exportColumnsOf(sessionsList.columns, (key) => key, null), { name: "Chat sessions", rightToLeft: false }, source, onEnd);
const reader = stream.getReader();
let firstByte = 0;
let bytes = 0;
for (let next = await reader.read(); !next.done; next = await reader.read()) {
  if (!firstByte) firstByte = performance.now() - started;
  bytes += next.value.byteLength;
}
console.log(JSON.stringify({ format, mode, rows: written, seconds: (performance.now() - started) / 1000, firstByteMs: firstByte, mb: bytes / 1e6, baselineRssMb: baseline / 1e6, peakRssMb: peakRss() / 1e6 }));
process.exit(0);
