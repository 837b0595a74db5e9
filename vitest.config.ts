import { configDefaults, defineConfig } from "vitest/config";

/**
 * The slow parts of the suite: the guides' samples (each a process), the browser, LibreOffice, the fuzzers, national-scale
 * inputs and outputs, the differential test against json-rules-engine, and the CLI run in processes of its own.
 * `npm run test:fast` leaves them out for a maintainer's quick run; `npm test` and CI run both projects.
 */
const SLOW = [
  "test/guides.test.ts",
  "test/browser/**",
  "test/office/**",
  "test/fuzz/**",
  "test/render/pieces.test.ts",
  "test/input/accumulate-large.test.ts",
  "test/input/read-csv-direct-full.test.ts",
  "test/rules/differential.test.ts",
  "test/reliability/hostile-files.test.ts",
  "test/reliability/hostile-inputs.test.ts",
  "test/cli/emit-pieces.test.ts",
];

export default defineConfig({
  test: {
    // Property and differential tests run many cases; a busy machine must not turn them into timeouts.
    testTimeout: 60_000,
    projects: [
      { extends: true, test: { name: "fast", include: ["test/**/*.test.ts"], exclude: [...configDefaults.exclude, ...SLOW], isolate: false } },
      { extends: true, test: { name: "slow", include: SLOW } },
    ],
  },
});
