// The server the browser tests talk to: `npm start`'s launcher on a database of its own
// (created here, seeded with the demo data, dropped when Playwright stops the server).
import { spawn } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { prepareDatabase } from "../../../scripts/lib/prepare-database";
import { createTestDatabase } from "../../support/test-database";
import { E2E_DATABASE_FILE } from "./paths";

const database = await createTestDatabase("e2e");
await prepareDatabase(database.url);
mkdirSync("tests/.artifacts", { recursive: true });
writeFileSync(E2E_DATABASE_FILE, JSON.stringify({ url: database.url, poolMax: database.poolMax }));

const server = spawn("npx", ["tsx", "scripts/start.ts"], {
  stdio: "inherit",
  detached: true,
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: String(database.poolMax),
    // seeded above with the demo accounts: without this the launcher refuses their published password
    SEED_DEMO: "1",
    NEXTAUTH_SECRET: "e2e-secret-not-for-production",
  },
});

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  if (server.pid && server.exitCode === null) {
    process.kill(-server.pid, "SIGTERM");
    await new Promise((resolve) => server.once("exit", resolve));
  }
  await database.drop();
  process.exit(0);
}
process.on("SIGTERM", () => void stop());
process.on("SIGINT", () => void stop());
server.on("exit", () => void stop());
