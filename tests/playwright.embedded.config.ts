import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";
import base, { launcherServer } from "./playwright.config";
import { unusedPortRange } from "./e2e/support/unused-ports";

const root = fileURLToPath(new URL("..", import.meta.url));

// The default run, in the browser: `npm start` with no DATABASE_URL (tests/e2e/support/serve-embedded.ts).
process.env.E2E_EMBEDDED_PORT ??= String(unusedPortRange(1));
const port = Number(process.env.E2E_EMBEDDED_PORT);

export default defineConfig({
  ...base,
  testDir: "./e2e/embedded",
  testIgnore: undefined,
  // one server, one database: its three tests one after another
  workers: 1,
  projects: undefined,
  outputDir: "./.artifacts/playwright-embedded-output",
  reporter: [["list"], ["json", { outputFile: `${root}tests/.artifacts/playwright-embedded.json` }]],
  use: { ...base.use, baseURL: `http://localhost:${port}` },
  webServer: launcherServer("tests/e2e/support/serve-embedded.ts", port),
});
