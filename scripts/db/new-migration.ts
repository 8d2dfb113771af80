// npm run db:migration -- <name> — writes prisma/migrations/<timestamp>_<name>/migration.sql with
// what schema.prisma adds to the existing migrations, computed on a scratch database: on
// $DATABASE_URL's server, else the local one, else an embedded one started for it.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { scratchServerUrl, stopScratchServer } from "../lib/scratch-postgres";
import { EMPTY_MIGRATION, MIGRATIONS_DIR, diffMigrationsToSchema } from "./schema-engine";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:migration -- <name>   (lower case letters, digits and _)");
  process.exit(1);
}
const serverUrl = process.env.DATABASE_URL ?? (await scratchServerUrl());
const sql = await diffMigrationsToSchema(serverUrl);
await stopScratchServer();
if (sql === "" || sql.startsWith(EMPTY_MIGRATION)) {
  console.log("The migrations already match schema.prisma: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "migration.sql"), `${sql}\n`);
const lock = join(MIGRATIONS_DIR, "migration_lock.toml");
if (!existsSync(lock)) writeFileSync(lock, 'provider = "postgresql"\n');
console.log(`Wrote ${join(dir, "migration.sql")}`);
