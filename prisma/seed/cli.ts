// npm run db:seed -- [--sessions N] [--messages-per-session N] [--customers N] … — seeds an
// empty database at $DATABASE_URL (migrate first). Sizes default to the demo's.
import pg from "pg";
import { parseArgs } from "node:util";
import { DEMO_SIZES, isSeeded, seed, type SeedSizes } from "./seed";

const { values } = parseArgs({
  options: Object.fromEntries(Object.keys(DEMO_SIZES).map((key) => [key, { type: "string" as const }])),
});
const sizes = { ...DEMO_SIZES } as SeedSizes;
for (const [key, value] of Object.entries(values)) {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 0) {
    console.error(`--${key} takes a whole number, not "${String(value)}"`);
    process.exit(1);
  }
  sizes[key as keyof SeedSizes] = number;
}
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
try {
  if (await isSeeded(client)) {
    console.log("The database already has users: nothing seeded.");
  } else {
    const started = Date.now();
    await seed(client, sizes);
    console.log(`Seeded ${JSON.stringify(sizes)} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  await client.end();
}
