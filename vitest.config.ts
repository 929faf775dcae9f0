import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: "unit",
          include: [
            "pipeline/**/*.test.ts",
            "schemas/**/*.test.ts",
            "site/**/*.test.ts",
            "tests/unit/**/*.test.ts",
            "tools/**/*.test.ts",
          ],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          // Builds the site once under the base path and serves it (tests/e2e/global-setup.ts).
          globalSetup: ["tests/e2e/global-setup.ts"],
          testTimeout: 120_000,
          hookTimeout: 600_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
