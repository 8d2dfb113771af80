import { inject } from "vitest";

// Runs in each test worker before the test file is imported, so lib/db connects here.
process.env.DATABASE_URL = inject("databaseUrl");
