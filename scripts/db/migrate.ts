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
  // The engine's messages span several lines ("Can't reach…\n\nPlease make sure…"); keep one.
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Migration failed: ${message.replace(/\s*\n\s*/g, " ").trim()}`);
  process.exit(1);
}
