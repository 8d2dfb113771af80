import pg from "pg";
import { applyMigrations } from "../db/schema-engine";
import { accountsWithDemoPassword } from "./demo-guard";
import { createFirstAdminFromEnvironment } from "./first-admin";
import { prepareDatabase } from "./prepare-database";

/**
 * Demo data (and its published password) belong to the embedded database, or to a database
 * whose operator asks for them: `npm start -- --demo` or SEED_DEMO=1.
 */
export function demoRequested(embedded: boolean, argv: string[] = process.argv, env: NodeJS.ProcessEnv = process.env): boolean {
  return embedded || argv.includes("--demo") || env.SEED_DEMO === "1";
}

/**
 * Where the server listens: the embedded demo on loopback only, whatever HOST says (its logins are
 * published); otherwise HOST, by default every interface for a real deployment and loopback for a
 * demo asked for on a DATABASE_URL.
 */
export function listenHost(embedded: boolean, demo: boolean, env: NodeJS.ProcessEnv = process.env): string {
  if (embedded) return "127.0.0.1";
  return env.HOST ?? (demo ? "127.0.0.1" : "0.0.0.0");
}

export type LaunchDatabase = { applied: string[]; seeded: boolean; firstAdmin: string | null; noAccounts: boolean };

/**
 * Brings the database to the current schema. A demo seeds an empty one. A real deployment never
 * gets demo data: its first admin comes from ADMIN_EMAIL / ADMIN_PASSWORD (or `npm run
 * admin:create`), and it refuses to start while an account signs in with the demo password.
 */
export async function prepareLaunchDatabase(url: string, demo: boolean): Promise<LaunchDatabase> {
  if (demo) return { ...(await prepareDatabase(url)), firstAdmin: null, noAccounts: false };
  const applied = await applyMigrations(url);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const firstAdmin = await createFirstAdminFromEnvironment(client, process.env);
    const demoAccounts = await accountsWithDemoPassword(client);
    if (demoAccounts.length) {
      throw new Error(
        `these accounts sign in with the demo's published password: ${demoAccounts.join(", ")}. ` +
          "Change their passwords (or delete them), or start with --demo / SEED_DEMO=1 if this database is a demo.",
      );
    }
    const { rows } = await client.query<{ any: boolean }>("SELECT EXISTS (SELECT 1 FROM users) AS any");
    return { applied, seeded: false, firstAdmin, noAccounts: !rows[0]?.any };
  } finally {
    await client.end();
  }
}
