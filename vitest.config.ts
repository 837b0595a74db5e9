import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    // Property and differential tests run many cases; a busy machine must not turn them into timeouts.
    testTimeout: 60_000,
    include: ["test/**/*.test.ts"],
  },
});
