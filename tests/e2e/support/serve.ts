// The server the browser tests talk to: `npm start`'s launcher on a database of its own
// (created here, seeded with the demo data, dropped when Playwright stops the server).
import { spawn } from "node:child_process";
import { createWriteStream, mkdirSync, writeFileSync } from "node:fs";
import { prepareDatabase } from "../../../scripts/lib/prepare-database";
import { stopScratchServer } from "../../../scripts/lib/scratch-postgres";
import { createTestDatabase } from "../../support/test-database";
import { stopTogether } from "./launcher-process";
import { showServerOutput } from "./shown-log";
import { e2eDatabaseFile, e2eServerLog } from "./paths";

const database = await createTestDatabase("e2e");
await prepareDatabase(database.url);
mkdirSync("tests/.artifacts", { recursive: true });
writeFileSync(e2eDatabaseFile(), JSON.stringify({ url: database.url }));

const server = spawn("npx", ["tsx", "scripts/start.ts"], {
  stdio: ["ignore", "pipe", "pipe"],
  detached: true,
  env: {
    ...process.env,
    DATABASE_URL: database.url,
    // seeded above with the demo accounts: without this the launcher refuses their published password
    SEED_DEMO: "1",
    NEXTAUTH_SECRET: "e2e-secret-not-for-production",
  },
});

// Shown without the access log, and kept whole for tests/e2e/zzz-log-hygiene.spec.ts.
const serverLog = createWriteStream(e2eServerLog());
showServerOutput(server.stdout!, process.stdout, serverLog);
showServerOutput(server.stderr!, process.stderr, serverLog);

stopTogether(server, async () => {
  await database.drop();
  await stopScratchServer();
});
