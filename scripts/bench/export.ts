// One export of the first N sessions (id order), run by `bench:list` in a fresh process of its
// own so that peak RSS is the export's, not the list benchmark's. Prints one JSON line.
//   tsx --conditions=react-server scripts/bench/export.ts <csv|xlsx> <rows> <app|raw> <database url>
// app: the app's row source (Prisma, keyset batches) and writers, as the export route runs them.
// raw: the floor — the same keyset batches on a bare pg connection into the same writers.
import { readFileSync } from "node:fs";
import pg from "pg";

const [format, rowsArg, mode, url] = process.argv.slice(2);
if ((format !== "csv" && format !== "xlsx") || (mode !== "app" && mode !== "raw") || !url) throw new Error("usage: export.ts <csv|xlsx> <rows> <app|raw> <url>");
const limit = Number(rowsArg);
process.env.DATABASE_URL = url;
process.env.DATABASE_POOL_MAX = "4";

const { DEFAULT_PARAMS } = await import("../../lib/chat-sessions/list-params");
const { exportRows } = await import("../../lib/chat-sessions/export/rows");
const { csvStream } = await import("../../lib/export/csv-stream");
const { xlsxStream } = await import("../../lib/export/xlsx");
const { sessionExportColumns } = await import("../../lib/chat-sessions/export/columns");
type Row = Awaited<ReturnType<ReturnType<typeof exportRows>["next"]>>["value"];

const COLUMNS = `id, product_id AS "productId", product_name AS "productName", customer_id AS "customerId", customer_name AS "customerName",
  vendor_id AS "vendorId", vendor_name AS "vendorName", message_count AS "messageCount", unread_count AS "unreadCount",
  last_message_at AS "lastMessageAt", created_at AS "createdAt", updated_at AS "updatedAt"`;

async function* rawRows(): AsyncGenerator<NonNullable<Row>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let afterId = 0;
    for (;;) {
      const { rows } = await client.query(`SELECT ${COLUMNS} FROM chat_sessions WHERE id > $1 ORDER BY id LIMIT 1000`, [afterId]);
      if (rows.length === 0) return;
      yield rows;
      afterId = rows.at(-1).id;
    }
  } finally {
    await client.end();
  }
}

async function* firstRows(source: AsyncGenerator<NonNullable<Row>>) {
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
const source = firstRows(mode === "app" ? exportRows({ filters: DEFAULT_PARAMS }) : rawRows());
// Headers are the catalog keys: translating them costs nothing worth measuring.
const columns = sessionExportColumns((key) => key);
let written = 0;
const onEnd = async ({ rows }: { rows: number }) => void (written = rows);
const stream = format === "csv" ? csvStream(columns, source, onEnd) : xlsxStream(columns, { name: "Chat sessions", rightToLeft: false }, source, onEnd);
const reader = stream.getReader();
let firstByte = 0;
let bytes = 0;
for (let next = await reader.read(); !next.done; next = await reader.read()) {
  if (!firstByte) firstByte = performance.now() - started;
  bytes += next.value.byteLength;
}
console.log(JSON.stringify({ format, mode, rows: written, seconds: (performance.now() - started) / 1000, firstByteMs: firstByte, mb: bytes / 1e6, baselineRssMb: baseline / 1e6, peakRssMb: peakRss() / 1e6 }));
process.exit(0);
