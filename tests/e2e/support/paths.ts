// Where serve.ts leaves the e2e database's address for the tests; one file per run (port).
export const E2E_DATABASE_FILE = `tests/.artifacts/e2e-database-${process.env.E2E_PORT ?? process.env.PORT}.json`;
