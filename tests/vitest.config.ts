import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

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
          // One database for the run; files take turns so that totals (NAV-2) are theirs alone.
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
