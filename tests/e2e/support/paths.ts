import { readdirSync } from "node:fs";

/**
 * The browser tests run on two workers, each with a server and a database of its own (port
 * E2E_PORT + its index): a test sees only its own worker's data, as it did with one worker.
 */
export const E2E_SERVERS = 2;

/** This process's server: the one it is (tests/e2e/support/serve.ts) or its worker talks to. */
export function e2eServerIndex(): number {
  if (process.env.E2E_SERVER_INDEX) return Number(process.env.E2E_SERVER_INDEX);
  // Playwright numbers its workers 0..workers-1 (a replaced worker keeps its number).
  return Number(process.env.TEST_PARALLEL_INDEX ?? 0) % E2E_SERVERS;
}

export const e2eServerPort = (): number => Number(process.env.E2E_PORT) + e2eServerIndex();

// Where each e2e server leaves its database's address for the tests; one file per run and server.
const server = () => `${process.env.E2E_PORT}-${e2eServerIndex()}`;
export const e2eDatabaseFile = (): string => `tests/.artifacts/e2e-database-${server()}.json`;
export const E2E_EMBEDDED_DATABASE_FILE = `tests/.artifacts/e2e-embedded-database-${process.env.E2E_EMBEDDED_PORT ?? process.env.PORT}.json`;
// Everything a server printed during the run, which the last spec searches for secrets.
export const e2eServerLog = (): string => `tests/.artifacts/e2e-server-${server()}.log`;
/** Every e2e server's log of this run. */
export const allE2eServerLogs = (): string[] =>
  readdirSync("tests/.artifacts")
    .filter((name) => name.startsWith(`e2e-server-${process.env.E2E_PORT}-`))
    .map((name) => `tests/.artifacts/${name}`);
