/** How many integration test files run at once (each on its own database). */
export const INTEGRATION_WORKERS = 2;
