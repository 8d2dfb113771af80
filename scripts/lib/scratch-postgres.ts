import pg from "pg";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { removeEmbeddedPostgres, startEmbeddedPostgres } from "./embedded-postgres";

const LOCAL_SERVER = "postgresql://postgres@127.0.0.1:5432/postgres";

async function serverReachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

let embeddedServer: Promise<{ url: string; stop: () => Promise<void> }> | undefined;

/**
 * A PostgreSQL server to create throwaway databases on (the tests', a migration's scratch one):
 * TEST_POSTGRES_URL, else the local one at 127.0.0.1:5432, else (or with TEST_POSTGRES=embedded)
 * an embedded server started by this process in a temporary folder, with throwaway settings, and
 * named in TEST_POSTGRES_URL so that the processes this one starts (test workers, the e2e server)
 * use it too. It stops when this process exits, or at `stopScratchServer()`. No system
 * PostgreSQL is needed.
 */
export async function scratchServerUrl(): Promise<string> {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  if (process.env.TEST_POSTGRES !== "embedded" && (await serverReachable(LOCAL_SERVER))) return LOCAL_SERVER;
  embeddedServer ??= (async () => {
    const dir = join(mkdtempSync(join(tmpdir(), "scratch-postgres-")), "postgres");
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

/** Stops the embedded scratch server this process started, if any. */
export async function stopScratchServer(): Promise<void> {
  await (await embeddedServer)?.stop();
}
