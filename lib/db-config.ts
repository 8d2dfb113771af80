// Shared by the app and the scripts: where the database is, how many connections it takes and how
// long an idle one is kept (pg's default, 10 s; a test shortens it to watch connections come and go).
export function databaseConfig(env: NodeJS.ProcessEnv = process.env) {
  const connectionString = env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  }
  return {
    connectionString,
    // What needs a session of its own (the bus's LISTEN) when DATABASE_URL goes through a
    // transaction-mode pooler such as PgBouncer: the server itself. Unset: DATABASE_URL.
    directConnectionString: env.DATABASE_DIRECT_URL || connectionString,
    poolMax: positiveInteger(env.DATABASE_POOL_MAX, 10),
    poolIdleMs: positiveInteger(env.DATABASE_POOL_IDLE_MS, 10_000),
  };
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number.parseInt(value ?? "", 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}
