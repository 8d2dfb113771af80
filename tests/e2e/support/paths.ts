export const E2E_DATABASE_FILE = "tests/.artifacts/e2e-database.json";
