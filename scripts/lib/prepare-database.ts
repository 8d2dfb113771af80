import pg from "pg";
import { DEMO_SIZES, isSeeded, seed, type SeedSizes } from "../../prisma/seed/seed";
import { applyMigrations } from "../db/schema-engine";

/** Brings a database to the current schema and, if it has no users yet, fills it with demo data. */
export async function prepareDatabase(url: string, sizes: SeedSizes = DEMO_SIZES): Promise<{ applied: string[]; seeded: boolean }> {
  const applied = await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    if (await isSeeded(client)) return { applied, seeded: false };
    await seed(client, sizes);
    return { applied, seeded: true };
  } finally {
    await client.end();
  }
}
