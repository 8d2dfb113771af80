// Shared by the app and the scripts: where the database is and how many connections it takes.
// The embedded PostgreSQL (PGlite) is a single session, so the launcher sets DATABASE_POOL_MAX=1.
export function databaseConfig(env: NodeJS.ProcessEnv = process.env) {
  const connectionString = env.DATABASE_URL;
  if (!connectionString) {
    throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  }
  const poolMax = Number.parseInt(env.DATABASE_POOL_MAX ?? "", 10);
  return {
    connectionString,
    // What needs a session of its own (the bus's LISTEN) when DATABASE_URL goes through a
    // transaction-mode pooler such as PgBouncer: the server itself. Unset: DATABASE_URL.
    directConnectionString: env.DATABASE_DIRECT_URL || connectionString,
    poolMax: Number.isFinite(poolMax) && poolMax > 0 ? poolMax : 10,
  };
}
