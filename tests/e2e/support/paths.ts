// Where serve.ts leaves the e2e database's address for the tests; one file per run (port).
export const E2E_DATABASE_FILE = `tests/.artifacts/e2e-database-${process.env.E2E_PORT ?? process.env.PORT}.json`;
// Everything the server printed during the run, which the last spec searches for secrets.
export const E2E_SERVER_LOG = `tests/.artifacts/e2e-server-${process.env.E2E_PORT ?? process.env.PORT}.log`;
