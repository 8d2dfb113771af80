import { inject } from "vitest";

// Runs in each test worker before the test file is imported, so lib/db connects here: to the
// database of this worker (VITEST_POOL_ID counts workers from 1).
const urls = inject("databaseUrls");
const worker = Number(process.env.VITEST_POOL_ID ?? "1");
process.env.DATABASE_URL = urls[(worker - 1) % urls.length];
