// `npm run admin:create -- --email you@example.com [--name "…"]`: creates an admin account in the
// database at DATABASE_URL (migrated). The password comes from ADMIN_PASSWORD, or --password
// (which a shell keeps in its history).
import pg from "pg";
import { parseArgs } from "node:util";
import { createAdmin } from "./lib/first-admin";

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" }, password: { type: "string" } } });
const password = values.password ?? process.env.ADMIN_PASSWORD;
if (!process.env.DATABASE_URL || !values.email || !password) {
  console.error("Usage: DATABASE_URL=… ADMIN_PASSWORD=… npm run admin:create -- --email you@example.com [--name \"Your name\"]");
  process.exit(1);
}
const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
await client.connect();
try {
  const admin = await createAdmin(client, { email: values.email, password, name: values.name });
  console.log(`Created the admin ${admin.email}`);
} catch (error) {
  console.error(`Could not create the admin: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await client.end();
}
