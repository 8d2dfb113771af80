// Shared by the app and the scripts: where the database is, how many connections it takes and how
// long an idle one is kept (pg's default, 10 s; a test shortens it to watch connections come and go).
export function databaseConfig(env: NodeJS.ProcessEnv = process.env) {
  const connectionString = env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  }
  return { connectionString, poolMax: positiveInteger(env.DATABASE_POOL_MAX, 10), poolIdleMs: positiveInteger(env.DATABASE_POOL_IDLE_MS, 10_000) };
}

function positiveInteger(value: string | undefined, fallback: number): number {
  const parsed = Number.parseInt(value ?? "", 10);
  return Number.isFinite(parsed) && parsed > 0 ? parsed : fallback;
}
