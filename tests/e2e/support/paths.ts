// Where the e2e servers leave their database's address for the tests; one file per run (port).
export const E2E_DATABASE_FILE = `tests/.artifacts/e2e-database-${process.env.E2E_PORT ?? process.env.PORT}.json`;
export const E2E_EMBEDDED_DATABASE_FILE = `tests/.artifacts/e2e-embedded-database-${process.env.E2E_EMBEDDED_PORT ?? process.env.PORT}.json`;
// Everything the server printed during the run, which the last spec searches for secrets.
export const E2E_SERVER_LOG = `tests/.artifacts/e2e-server-${process.env.E2E_PORT ?? process.env.PORT}.log`;
