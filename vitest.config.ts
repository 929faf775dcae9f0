import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["pipeline/**/*.test.ts", "schemas/**/*.test.ts", "site/**/*.test.ts", "tests/**/*.test.ts"],
    testTimeout: 60_000,
  },
});
