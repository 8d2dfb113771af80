import { defineConfig } from "@playwright/test";
import { fileURLToPath } from "node:url";
import { CHROMIUM_ARGS, chromiumExecutable } from "../scripts/lib/chromium";
import { E2E_SERVERS } from "./e2e/support/paths";
import { unusedPortRange } from "./e2e/support/unused-ports";

const root = fileURLToPath(new URL("..", import.meta.url));

// Ports of its own per run (set once here; the workers inherit them), so runs never collide.
process.env.E2E_PORT ??= String(unusedPortRange(E2E_SERVERS));
export const E2E_PORT = Number(process.env.E2E_PORT);

// Debian's Chromium, never a downloaded browser (scripts/lib/chromium.ts).
export default defineConfig({
  testDir: "./e2e",
  // The smoke on the embedded database has a server of its own: tests/playwright.embedded.config.ts.
  testIgnore: "embedded/**",
  outputDir: "./.artifacts/playwright-output",
  fullyParallel: false,
  // one per server (tests/e2e/support/paths.ts): each worker's tests reach theirs through the
  // baseURL of tests/e2e/support/test.ts
  workers: E2E_SERVERS,
  retries: 0,
  // Generous: a test that passes in 10 s on a quiet machine must not fail on a busy one.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: `${root}tests/.artifacts/playwright.json` }]],
  use: {
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: chromiumExecutable(),
      args: CHROMIUM_ARGS,
    },
  },
  // The specs named zz* change or read their server as a whole (one empties its sessions, one reads
  // every server's log): they run once every other spec has ended.
  projects: [
    { name: "panel", testIgnore: [/\/zz[^/]*\.spec\.ts$/, "embedded/**"] },
    { name: "last", testMatch: /\/zz[^/]*\.spec\.ts$/, dependencies: ["panel"] },
  ],
  webServer: Array.from({ length: E2E_SERVERS }, (_, index) => launcherServer("tests/e2e/support/serve.ts", E2E_PORT + index, { E2E_SERVER_INDEX: String(index) })),
});

/** A server script that runs `npm start`'s launcher on `port`, started and stopped by Playwright. */
export function launcherServer(script: string, port: number, env: Record<string, string> = {}) {
  return {
    command: `npx tsx ${script}`,
    cwd: root,
    url: `http://localhost:${port}/sign-in`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "pipe" as const,
    gracefulShutdown: { signal: "SIGTERM" as const, timeout: 10_000 },
    env: { ...env, PORT: String(port) },
  };
}
