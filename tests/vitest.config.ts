import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";
import { INTEGRATION_WORKERS } from "./support/integration-workers";

const root = fileURLToPath(new URL("..", import.meta.url));
const shared = {
  root,
  resolve: {
    alias: {
      "@/": root,
      // `server-only` throws outside React's server bundle; tests run that code directly.
      "server-only": fileURLToPath(new URL("./support/empty-module.ts", import.meta.url)),
    },
  },
};

export default defineConfig({
  ...shared,
  test: {
    // As many workers as integration databases: a worker's VITEST_POOL_ID names its database.
    maxWorkers: INTEGRATION_WORKERS,
    reporters: ["default", ["json", { outputFile: "tests/.artifacts/vitest.json" }]],
    projects: [
      // Property tests run hundreds of cases: on a busy 2-core machine 5 s is not enough.
      { ...shared, test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 } },
      {
        ...shared,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/support/integration-global-setup.ts"],
          setupFiles: ["tests/support/integration-setup.ts"],
          // Two files at a time, each worker on its own database (support/integration-global-setup.ts).
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
