import pg from "pg";

/** The benchmark database: $BENCH_DATABASE_URL, or `bench` on the local PostgreSQL (created if missing). */
export async function benchDatabaseUrl(): Promise<string> {
  if (process.env.BENCH_DATABASE_URL) return process.env.BENCH_DATABASE_URL;
  const server = process.env.TEST_POSTGRES_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = 'bench'");
  if (!exists.rowCount) await admin.query("CREATE DATABASE bench");
  await admin.end();
  const url = new URL(server);
  url.pathname = "/bench";
  return url.toString();
}
