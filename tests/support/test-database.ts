import pg from "pg";
import { randomBytes } from "node:crypto";
import { scratchServerUrl } from "../../scripts/lib/scratch-postgres";

export type TestDatabase = { url: string; drop: () => Promise<void> };

/**
 * A database of its own for one test run, with a unique name, on the scratch server (`scratchServerUrl`),
 * empty or a copy of `template` (a database nobody is connected to). Dropped after.
 */
export async function createTestDatabase(label: string, options: { template?: string } = {}): Promise<TestDatabase> {
  const serverUrl = await scratchServerUrl();
  const name = `${label}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  const template = options.template ? ` TEMPLATE "${new URL(options.template).pathname.slice(1)}"` : "";
  await admin.query(`CREATE DATABASE "${name}"${template}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}
