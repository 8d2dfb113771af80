import pg from "pg";
import { readFileSync } from "node:fs";
import { e2eDatabaseFile, E2E_EMBEDDED_DATABASE_FILE } from "./paths";

const pools = new Map<string, pg.Pool>();
function poolOf(file: string): pg.Pool {
  let pool = pools.get(file);
  if (!pool) {
    const { url } = JSON.parse(readFileSync(file, "utf8")) as { url: string };
    pool = new pg.Pool({ connectionString: url, max: 5 });
    pools.set(file, pool);
  }
  return pool;
}

/** The e2e server's database, for fixtures and for checking what a flow wrote. */
export const e2eDb = (): pg.Pool => poolOf(e2eDatabaseFile());

/** The embedded smoke's database: the one `npm start` started by itself. */
export const embeddedE2eDb = (): pg.Pool => poolOf(E2E_EMBEDDED_DATABASE_FILE);

/** The true unread total, counted from the messages. */
export async function trueUnreadTotal(): Promise<number> {
  const { rows } = await e2eDb().query<{ n: number }>("SELECT count(*)::int AS n FROM chat_messages WHERE read_at IS NULL");
  return rows[0]?.n ?? 0;
}
