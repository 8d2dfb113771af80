import pg from "pg";
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { removeEmbeddedPostgres, startEmbeddedPostgres } from "../../scripts/lib/embedded-postgres";

export type TestDatabase = { url: string; drop: () => Promise<void> };

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

async function serverReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let embeddedServer: Promise<{ url: string; stop: () => Promise<void> }> | undefined;

/**
 * The PostgreSQL server tests create their databases on: TEST_POSTGRES_URL, else the local one at
 * 127.0.0.1:5432, else (or with TEST_POSTGRES=embedded) an embedded server started by this process (kept in a temporary folder,
 * throwaway settings) and named in TEST_POSTGRES_URL, so that the processes this one starts (test
 * workers, the e2e server) use it too. It stops when this process exits, or at `stopTestServer()`.
 */
export async function testServerUrl(): Promise<string> {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  if (process.env.TEST_POSTGRES !== "embedded" && (await serverReachable(LOCAL_SERVER))) return LOCAL_SERVER;
  embeddedServer ??= (async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "test-postgres-")), "postgres");
    const server = await startEmbeddedPostgres(dir, { throwaway: true });
    const remove = () => {
      removeEmbeddedPostgres(dir);
      rmSync(dirname(dir), { recursive: true, force: true });
    };
    process.once("exit", remove);
    return { url: server.url, stop: () => server.stop().then(remove) };
  })();
  const { url } = await embeddedServer;
  process.env.TEST_POSTGRES_URL = url;
  return url;
}

/** Stops the embedded test server this process started, if any. */
export async function stopTestServer(): Promise<void> {
  await (await embeddedServer)?.stop();
}

/** A database of its own for one test run, with a unique name, on the test server (`testServerUrl`). Dropped after. */
export async function createTestDatabase(label: string): Promise<TestDatabase> {
  const serverUrl = await testServerUrl();
  const name = `${label}_${process.pid}_${randomBytes(4).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
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
