// Runs every test runner in turn and ends with one line of totals: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureNextBuild } from "./lib/next-build";
import { failedPlaywrightTests, failedVitestTests, type PlaywrightReport } from "./lib/failed-tests";
import { ensurePrismaClient } from "./lib/prisma-client";
import { scratchServerUrl, stopScratchServer } from "./lib/scratch-postgres";

const ARTIFACTS = "tests/.artifacts";
rmSync(`${ARTIFACTS}/vitest.json`, { force: true });
rmSync(`${ARTIFACTS}/playwright.json`, { force: true });
rmSync(`${ARTIFACTS}/playwright-embedded.json`, { force: true });
mkdirSync(ARTIFACTS, { recursive: true });

const started = Date.now();
ensurePrismaClient();
ensureNextBuild();
// One PostgreSQL server for the whole run: TEST_POSTGRES_URL, the local one, or an embedded one
// started here (its address goes to every runner through TEST_POSTGRES_URL).
console.log(`Test databases on ${new URL(await scratchServerUrl()).host}`);

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return result.status ?? 1;
}

const typecheckStatus = run("./node_modules/.bin/tsc", ["--noEmit"]);
console.log(typecheckStatus === 0 ? "typecheck: passed" : "typecheck: FAILED");
// Biome's linter (biome.json): any finding fails the run, counted as one failure like the typecheck.
const lintStatus = run("./node_modules/.bin/biome", ["lint", "--error-on-warnings", "."]);
console.log(lintStatus === 0 ? "lint: passed" : "lint: FAILED");
const vitestStatus = run("./node_modules/.bin/vitest", ["run", "--config", "tests/vitest.config.ts"]);
const playwrightStatus = run("./node_modules/.bin/playwright", ["test", "--config", "tests/playwright.config.ts"]);
// The default run in the browser: `npm start` with no DATABASE_URL, its own embedded PostgreSQL.
const embeddedStatus = run("./node_modules/.bin/playwright", ["test", "--config", "tests/playwright.embedded.config.ts"]);
await stopScratchServer();

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as T) : null;
}
const vitest = readJson<Parameters<typeof failedVitestTests>[0] & { numPassedTests: number; numFailedTests: number; numPendingTests: number }>(`${ARTIFACTS}/vitest.json`);
const playwrightReport = readJson<PlaywrightReport>(`${ARTIFACTS}/playwright.json`);
const embeddedReport = readJson<PlaywrightReport>(`${ARTIFACTS}/playwright-embedded.json`);

// A runner that crashed before reporting counts as one failure, so it can never look green.
function playwrightTotals(report: PlaywrightReport | null, status: number) {
  if (!report) return { passed: 0, failed: 1, skipped: 0, label: "0 passed, ? failed" };
  const failed = report.stats.unexpected + report.stats.flaky + (status !== 0 && report.stats.unexpected === 0 ? 1 : 0);
  return { passed: report.stats.expected, failed, skipped: report.stats.skipped, label: `${report.stats.expected} passed, ${failed} failed` };
}
const playwright = playwrightTotals(playwrightReport, playwrightStatus);
const embedded = playwrightTotals(embeddedReport, embeddedStatus);

const passed = (typecheckStatus === 0 ? 1 : 0) + (lintStatus === 0 ? 1 : 0) + (vitest?.numPassedTests ?? 0) + playwright.passed + embedded.passed;
const failed =
  (typecheckStatus === 0 ? 0 : 1) +
  (lintStatus === 0 ? 0 : 1) +
  (vitest ? vitest.numFailedTests : 1) +
  (vitest && vitestStatus !== 0 && vitest.numFailedTests === 0 ? 1 : 0) +
  playwright.failed +
  embedded.failed;
// A test that could not run here (say, the scaled-out smoke test without nginx) shows in the totals.
const skipped = (vitest?.numPendingTests ?? 0) + playwright.skipped + embedded.skipped;

const failures = [...failedVitestTests(vitest), ...failedPlaywrightTests(playwrightReport), ...failedPlaywrightTests(embeddedReport)];
// Vitest fails a run whose tests all passed when errors escaped them (an unhandled rejection).
if (vitest && vitestStatus !== 0 && vitest.numFailedTests === 0) failures.push(`vitest exited ${vitestStatus} with every test passed: look for "Unhandled" in its output`);
if (failures.length) console.log(`\nFailed:\n${failures.map((failure) => `  ${failure}`).join("\n")}`);
console.log(
  `\ntypecheck: ${typecheckStatus === 0 ? "passed" : "failed"} · lint: ${lintStatus === 0 ? "passed" : "failed"} · vitest: ${vitest?.numPassedTests ?? 0} passed, ${vitest?.numFailedTests ?? "?"} failed · playwright: ${playwright.label} · playwright on the embedded database: ${embedded.label} · ${((Date.now() - started) / 1000).toFixed(0)} s`,
);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
