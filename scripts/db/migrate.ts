// npm run db:migrate — applies pending migrations to $DATABASE_URL.
import { applyMigrations } from "./schema-engine";

const url = process.env.DATABASE_URL;
if (!url) {
  console.error("DATABASE_URL is not set.");
  process.exit(1);
}
try {
  const applied = await applyMigrations(url);
  console.log(applied.length ? `Applied: ${applied.join(", ")}` : "Already up to date.");
} catch (error) {
  // Engine errors span lines: the cause, then a Rust span trace ("   0: sql_schema_connector::…")
  // that names the migration. Keep the cause and the migration name, on one line.
  const message = error instanceof Error ? error.message : String(error);
  const [cause = "", trace = ""] = message.replace(/^external connector error\n/, "").split(/\n\s+0: /, 2);
  const migration = /migration_name="([^"]+)"/.exec(trace)?.[1];
  console.error(`Migration failed${migration ? ` (${migration})` : ""}: ${cause.replace(/\s*\n\s*/g, " ").trim()}`);
  process.exit(1);
}
