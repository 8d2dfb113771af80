// Runs every test runner in turn and ends with one line of totals: "N passed, N failed".
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { ensureNextBuild } from "./lib/next-build";
import { ensurePrismaClient } from "./lib/prisma-client";

const ARTIFACTS = "tests/.artifacts";
rmSync(`${ARTIFACTS}/vitest.json`, { force: true });
rmSync(`${ARTIFACTS}/playwright.json`, { force: true });
mkdirSync(ARTIFACTS, { recursive: true });

const started = Date.now();
ensurePrismaClient();
ensureNextBuild();

function run(command: string, args: string[]): number {
  const result = spawnSync(command, args, { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  return result.status ?? 1;
}

const typecheckStatus = run("./node_modules/.bin/tsc", ["--noEmit"]);
console.log(typecheckStatus === 0 ? "typecheck: passed" : "typecheck: FAILED");
const vitestStatus = run("./node_modules/.bin/vitest", ["run", "--config", "tests/vitest.config.ts"]);
const playwrightStatus = run("./node_modules/.bin/playwright", ["test", "--config", "tests/playwright.config.ts"]);

function readJson<T>(path: string): T | null {
  return existsSync(path) ? (JSON.parse(readFileSync(path, "utf8")) as T) : null;
}
const vitest = readJson<{ numPassedTests: number; numFailedTests: number; numTotalTests: number }>(`${ARTIFACTS}/vitest.json`);
const playwright = readJson<{ stats: { expected: number; unexpected: number; flaky: number; skipped: number } }>(`${ARTIFACTS}/playwright.json`);

// A runner that crashed before reporting counts as one failure, so it can never look green.
const passed = (typecheckStatus === 0 ? 1 : 0) + (vitest?.numPassedTests ?? 0) + (playwright?.stats.expected ?? 0);
const failed =
  (typecheckStatus === 0 ? 0 : 1) +
  (vitest ? vitest.numFailedTests : 1) +
  (playwright ? playwright.stats.unexpected + playwright.stats.flaky : 1) +
  (vitest && vitestStatus !== 0 && vitest.numFailedTests === 0 ? 1 : 0) +
  (playwright && playwrightStatus !== 0 && playwright.stats.unexpected === 0 ? 1 : 0);
const skipped = playwright?.stats.skipped ?? 0;

console.log(`\ntypecheck: ${typecheckStatus === 0 ? "passed" : "failed"} · vitest: ${vitest?.numPassedTests ?? 0} passed, ${vitest?.numFailedTests ?? "?"} failed · playwright: ${playwright?.stats.expected ?? 0} passed, ${playwright ? playwright.stats.unexpected + playwright.stats.flaky : "?"} failed · ${((Date.now() - started) / 1000).toFixed(0)} s`);
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ""}`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
