import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The scaled-out smoke test (3 instances, nginx, PgBouncer in transaction mode) has a run of its
// own, `npm run test:scaled-out`, until every query works through a transaction-mode pooler (no
// named prepared statements); then it joins the integration tests.
const root = fileURLToPath(new URL("..", import.meta.url));
export default defineConfig({
  root,
  resolve: { alias: { "@/": root, "server-only": fileURLToPath(new URL("./support/empty-module.ts", import.meta.url)) } },
  test: { include: ["tests/scaled-out/**/*.test.ts"], environment: "node", testTimeout: 120_000, hookTimeout: 300_000 },
});
