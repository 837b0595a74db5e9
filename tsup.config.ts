import { defineConfig } from "tsup";

export default defineConfig([
  {
    // The library: ESM and CommonJS with declarations; browser-safe (no node: imports outside src/cli).
    entry: { index: "src/index.ts", changes: "src/changes.ts", schema: "src/schema.ts" },
    format: ["esm", "cjs"],
    dts: true,
    sourcemap: true,
    clean: true,
    target: "es2022",
    platform: "neutral",
    treeshake: true,
    external: ["zod", "json-rules-engine", "date-fns", "@date-fns/tz", "decimal.js", "docx", "exceljs"],
  },
  {
    // The CLI: an ESM executable for Node.
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    sourcemap: true,
    banner: { js: "#!/usr/bin/env node" },
    external: ["zod", "json-rules-engine", "date-fns", "@date-fns/tz", "decimal.js", "commander", "docx", "exceljs"],
  },
]);
