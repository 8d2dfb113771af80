// npm run bench:undo -- [--messages 100000] [--sessions 1000] [--runs 3]
// Issue 20's Undo at size: a scratch database (on the local PostgreSQL, or $BENCH_DATABASE_URL's
// server; dropped after) with --messages unread messages over --sessions sessions, plus a fifth
// as many already read. Each run marks every session read through the app's bulk action
// ("all matching", recording each message it changed for Undo) and undoes it through the app's
// Undo, then does the same two changes as bare SQL on a pg connection (the floor: the same
// UPDATEs, the same counter triggers, no undo bookkeeping; the floor's undo knows the ids it set).
// Checks after each app Undo: the unread total is back to --messages, the already-read messages
// stayed read, and no counter drifted. Prints the median of each.
import { cpus, loadavg } from "node:os";
import { parseArgs } from "node:util";
import pg from "pg";
import { applyMigrations } from "../db/schema-engine";
import { benchHarness } from "./harness";
import { table } from "./measure";
import { wholeNumberFlags } from "./options";

const { values } = parseArgs({ options: { messages: { type: "string", default: "100000" }, sessions: { type: "string", default: "1000" }, runs: { type: "string", default: "3" } } });
const int = wholeNumberFlags(values);
const MESSAGES = int("messages");
const SESSIONS = int("sessions");
const RUNS = int("runs");
const ALREADY_READ = Math.floor(MESSAGES / 5);

const bench = benchHarness("bench_undo", process.env.BENCH_DATABASE_URL);
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (list: number[]) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

async function seed(client: pg.Client): Promise<number> {
  const { rows } = await client.query<{ id: number }>(`
    WITH people AS (
      INSERT INTO users (name, email, role, updated_at) VALUES ('Customer', 'c@bench.test', 'customer', now()), ('Vendor', 'v@bench.test', 'vendor', now()), ('Sara', 's@bench.test', 'support', now())
      RETURNING id, role
    ), product AS (
      INSERT INTO products (name, vendor_id, updated_at) SELECT 'Lamp', id, now() FROM people WHERE role = 'vendor' RETURNING id, vendor_id
    ), sessions AS (
      INSERT INTO chat_sessions (product_id, customer_id, vendor_id, updated_at)
      SELECT product.id, (SELECT id FROM people WHERE role = 'customer'), product.vendor_id, now() FROM product, generate_series(1, $1)
    )
    SELECT id FROM people WHERE role = 'support'`, [SESSIONS]);
  const customer = "(SELECT id FROM users WHERE role = 'customer')";
  await client.query(`INSERT INTO chat_messages (session_id, sender_id, body, read_at)
    SELECT s.id, ${customer}, 'message ' || n, CASE WHEN n > $1::int THEN now() END
      FROM generate_series(1, $1::int + $2::int) n JOIN chat_sessions s ON s.id = 1 + n % $3::int`, [MESSAGES, ALREADY_READ, SESSIONS]);
  await client.query("ANALYZE");
  return rows[0]!.id;
}

async function main() {
  console.log(`bench:undo — ${MESSAGES} unread messages (+${ALREADY_READ} read) over ${SESSIONS} sessions, ${RUNS} runs, load average ${loadavg().map((n) => n.toFixed(2)).join(" ")} on ${cpus().length} cores`);
  await bench.withClient((c) => c.query(`CREATE DATABASE "${bench.dbName}"`));
  let raw: pg.Client;
  try {
    await applyMigrations(bench.url.toString());
    raw = new pg.Client({ connectionString: bench.url.toString() });
    raw.on("error", () => {}); // the database is dropped under it if a step fails
    await raw.connect();
    const actorId = await seed(raw);
    process.env.DATABASE_URL = bench.url.toString();
    const { markSessionsRead } = await import("../../lib/chat-sessions/mark-sessions-read");
    const { sessionsList } = await import("../../lib/chat-sessions/list");
    const { noFilters } = await import("../../lib/list-engine/url-state");
    const { undoAction } = await import("../../lib/undo/undo-action");
    const { findCounterDrift, hasDrift } = await import("../../lib/chat-sessions/counter-drift");
    const readBefore = async () => Number((await raw.query<{ n: string }>("SELECT count(*) AS n FROM chat_messages WHERE read_at IS NOT NULL")).rows[0]!.n);
    const badge = async () => Number((await raw.query<{ n: string }>("SELECT sum(total) AS n FROM unread_totals")).rows[0]!.n);

    const times = { appMark: [] as number[], appUndo: [] as number[], rawMark: [] as number[], rawUndo: [] as number[] };
    for (let run = 0; run < RUNS; run += 1) {
      let token: string | null = null;
      times.appMark.push(await timed(async () => {
        const result = await markSessionsRead({ filters: noFilters(sessionsList) }, actorId);
        if (result.messages !== MESSAGES) throw new Error(`marked ${result.messages}, expected ${MESSAGES}`);
        token = result.undoToken;
      }));
      times.appUndo.push(await timed(async () => {
        const result = await undoAction(token!, actorId);
        if (result.changed !== MESSAGES) throw new Error(`undid ${result.changed}, expected ${MESSAGES}`);
      }));
      if ((await badge()) !== MESSAGES || (await readBefore()) !== ALREADY_READ || hasDrift(await findCounterDrift(raw))) throw new Error("the Undo was not exact");

      let ids: number[] = [];
      times.rawMark.push(await timed(async () => {
        await raw.query("BEGIN");
        ids = (await raw.query<{ id: number }>("UPDATE chat_messages SET read_at = now() WHERE read_at IS NULL AND session_id IN (SELECT id FROM chat_sessions) RETURNING id")).rows.map((row) => row.id);
        await raw.query("COMMIT");
      }));
      times.rawUndo.push(await timed(async () => {
        await raw.query("BEGIN");
        await raw.query("UPDATE chat_messages SET read_at = NULL WHERE id = ANY($1::int[])", [ids]);
        await raw.query("COMMIT");
      }));
    }
    await raw.end();
    const { db } = await import("../../lib/db");
    await db.$disconnect();
    console.log(
      table([
        ["step", "app (median)", "raw SQL floor (median)", "app / floor"],
        ["mark all read", seconds(median(times.appMark)), seconds(median(times.rawMark)), (median(times.appMark) / median(times.rawMark)).toFixed(2)],
        ["undo it", seconds(median(times.appUndo)), seconds(median(times.rawUndo)), (median(times.appUndo) / median(times.rawUndo)).toFixed(2)],
      ]),
    );
  } catch (error) {
    console.error(error);
    process.exitCode = 1;
  } finally {
    await bench.cleanUp();
  }
}

await main();
process.exit(process.exitCode ?? 0);
