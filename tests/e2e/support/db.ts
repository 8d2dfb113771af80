import pg from "pg";
import { readFileSync } from "node:fs";
import { E2E_DATABASE_FILE } from "./paths";

let pool: pg.Pool | undefined;

/** The e2e server's database, for fixtures and for checking what a flow wrote. */
export function e2eDb(): pg.Pool {
  if (!pool) {
    const { url } = JSON.parse(readFileSync(E2E_DATABASE_FILE, "utf8")) as { url: string };
    pool = new pg.Pool({ connectionString: url, max: 5 });
  }
  return pool;
}

/** The true unread total, counted from the messages. */
export async function trueUnreadTotal(): Promise<number> {
  const { rows } = await e2eDb().query<{ n: number }>("SELECT count(*)::int AS n FROM chat_messages WHERE read_at IS NULL");
  return rows[0]?.n ?? 0;
}
