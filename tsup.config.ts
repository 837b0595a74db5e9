import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { defineConfig } from "tsup";
import { packPlanData } from "./src/plans/packed-data.js";

/**
 * A shipped plan's JSON (src/plans/<id>/plan.json) goes into the build packed, its texts gathered by language, and is
 * unpacked when the module loads (src/plans/packed-data.ts): a tenth less to download, the same object.
 */
const packedPlans = {
  name: "packed-plans",
  setup(build: { onLoad: (o: { filter: RegExp }, f: (args: { path: string }) => { contents: string; loader: "ts"; resolveDir: string }) => void }) {
    build.onLoad({ filter: /[\\/]src[\\/]plans[\\/][^\\/]+[\\/]plan\.json$/ }, (args) => ({
      contents: `import { unpackPlanData } from ${JSON.stringify(resolve("src/plans/packed-data.ts"))};\nexport default /* @__PURE__ */ unpackPlanData(${JSON.stringify(packPlanData(JSON.parse(readFileSync(args.path, "utf8"))))});\n`,
      loader: "ts",
      resolveDir: dirname(args.path),
    }));
  },
};

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
    esbuildPlugins: [packedPlans],
  },
  // The plan's data on its own (`nq57-scorecard/plans/haiphong-142`), built apart from the library: sharing a chunk
  // with the main entry point would make bundlers that split code (esbuild) load the data with the main entry point
  // even for an app that imports the plan later. `definePlan` comes from the main entry point, so that the plan it
  // defines is one `evaluate` knows.
  ...(["esm", "cjs"] as const).map((format) => ({
    entry: { "plans/haiphong-142": "src/plans/haiphong-142/entry.ts" },
    format: [format],
    dts: true,
    sourcemap: true,
    target: "es2022",
    platform: "neutral" as const,
    treeshake: true,
    external: ["zod", "json-rules-engine", "date-fns", "@date-fns/tz", "decimal.js"],
    esbuildPlugins: [
      packedPlans,
      {
        name: "define-plan-from-main-entry",
        setup(build: { onResolve: (o: { filter: RegExp }, f: () => { path: string; external: boolean }) => void }) {
          build.onResolve({ filter: /\/model\/define-plan\.js$/ }, () => ({ path: format === "esm" ? "../index.js" : "../index.cjs", external: true }));
        },
      },
    ],
  })),
  {
    // The CLI: an ESM executable for Node.
    entry: { "cli/main": "src/cli/main.ts" },
    format: ["esm"],
    platform: "node",
    target: "node20",
    sourcemap: true,
    banner: { js: "#!/usr/bin/env node" },
    external: ["zod", "json-rules-engine", "date-fns", "@date-fns/tz", "decimal.js", "commander", "docx", "exceljs"],
    esbuildPlugins: [packedPlans],
  },
]);
