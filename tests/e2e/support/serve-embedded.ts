// The server the embedded smoke talks to: `npm start`'s launcher exactly as a newcomer runs it,
// with no DATABASE_URL, so it starts its own embedded PostgreSQL in a fresh data folder (under a
// 0700 temporary folder) and seeds the demo data. It leaves the database's address (the port it
// printed, the password it keeps in the data folder) for the tests, and removes the folder when
// Playwright stops it.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { removeEmbeddedPostgres } from "../../../scripts/lib/embedded-postgres";
import { stopTogether } from "./launcher-process";
import { showServerOutput } from "./shown-log";
import { E2E_EMBEDDED_DATABASE_FILE } from "./paths";

const dataDir = mkdtempSync(join(tmpdir(), "e2e-embedded-"));
const env: NodeJS.ProcessEnv = { ...process.env, EMBEDDED_DATA_DIR: dataDir, NEXTAUTH_SECRET: "e2e-secret-not-for-production" };
delete env.DATABASE_URL;
delete env.DATABASE_POOL_MAX;
const server = spawn("npx", ["tsx", "scripts/start.ts"], { stdio: ["ignore", "pipe", "inherit"], detached: true, env });
showServerOutput(server.stdout!, process.stdout);
server.stdout!.on("data", (chunk: Buffer) => {
  const port = /Embedded PostgreSQL in .* on port (\d+)/.exec(chunk.toString())?.[1];
  if (!port) return;
  const password = readFileSync(join(dataDir, "postgres", "password"), "utf8").trim();
  mkdirSync("tests/.artifacts", { recursive: true });
  writeFileSync(E2E_EMBEDDED_DATABASE_FILE, JSON.stringify({ url: `postgresql://postgres:${password}@127.0.0.1:${port}/postgres` }));
});

stopTogether(server, () => {
  removeEmbeddedPostgres(join(dataDir, "postgres"));
  rmSync(dataDir, { recursive: true, force: true });
});
