/**
 * The shape of package.json's entry points, checked statically (no build, no packing): what
 * `npm run check:package` (publint, attw and scripts/check-package.mjs) proves on the packed tarball,
 * kept from drifting between those slower runs.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Options } from "tsup";
import { describe, expect, it } from "vitest";
import tsupConfig from "../../tsup.config.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "../..");

interface PackageJson {
  name: string;
  type?: string;
  main?: string;
  module?: string;
  types?: string;
  exports: Record<string, unknown>;
  typesVersions?: Record<string, Record<string, string[]>>;
  sideEffects?: unknown;
  engines?: Record<string, string>;
  bin?: Record<string, string>;
  files?: string[];
  scripts?: Record<string, string>;
  dependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
}

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as PackageJson;

/** Every condition object in an exports value, with its path, e.g. `./schema > import`. */
function conditionObjects(value: unknown, path: string): Array<{ path: string; conditions: Record<string, unknown> }> {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [];
  const conditions = value as Record<string, unknown>;
  return [{ path, conditions }, ...Object.entries(conditions).flatMap(([key, inner]) => conditionObjects(inner, `${path} > ${key}`))];
}

/** Every file path an exports value points to. */
function targets(value: unknown): string[] {
  if (typeof value === "string") return [value];
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap(targets);
}

/** The [types, default] pair of one condition (`import` or `require`) of a subpath. */
function entry(subpath: string, condition: "import" | "require"): { types: unknown; default: unknown } {
  const value = (pkg.exports[subpath] as Record<string, { types: unknown; default: unknown }> | undefined)?.[condition];
  return { types: value?.types, default: value?.default };
}

const SUBPATHS = { ".": "index", "./changes": "changes", "./schema": "schema", "./plans/haiphong-142": "plans/haiphong-142" } as const;
/** The source of each built entry: src/<name>.ts, but a plan's own entry point, which lives with its plan. */
const SOURCES: Record<string, string> = { "plans/haiphong-142": "src/plans/haiphong-142/entry.ts" };
const sourceOf = (base: string) => SOURCES[base] ?? `src/${base}.ts`;

/** The builds of tsup.config.ts (an array of options; a function form would need the CLI's flags). */
const builds: Options[] = typeof tsupConfig === "function" ? [] : Array.isArray(tsupConfig) ? tsupConfig : [tsupConfig];

/** A build's entries as a name → source map. */
function entries(build: Options): Record<string, string> {
  return typeof build.entry === "object" && !Array.isArray(build.entry) ? build.entry : {};
}

describe("package.json", () => {
  it("is an ES module package that exports exactly ., ./changes, ./schema, ./plans/haiphong-142 and ./package.json", () => {
    expect(pkg.type).toBe("module");
    expect(Object.keys(pkg.exports).sort()).toEqual([".", "./changes", "./package.json", "./plans/haiphong-142", "./schema"]);
    expect(pkg.exports["./package.json"]).toBe("./package.json");
  });

  it.each(Object.entries(SUBPATHS))("exports %s as ESM (.js + .d.ts) and CommonJS (.cjs + .d.cts)", (subpath, base) => {
    expect(Object.keys(pkg.exports[subpath] as object)).toEqual(["import", "require"]);
    expect(entry(subpath, "import")).toEqual({ types: `./dist/${base}.d.ts`, default: `./dist/${base}.js` });
    expect(entry(subpath, "require")).toEqual({ types: `./dist/${base}.d.cts`, default: `./dist/${base}.cjs` });
  });

  it("puts types first and default last in every condition object", () => {
    const objects = conditionObjects(pkg.exports, "exports");
    expect(objects.length).toBeGreaterThan(1);
    for (const { path, conditions } of objects) {
      const keys = Object.keys(conditions);
      if (keys.includes("types")) expect(keys[0], `${path}: "types" must come first`).toBe("types");
      if (keys.includes("default")) expect(keys.at(-1), `${path}: "default" must come last`).toBe("default");
    }
  });

  it("gives main, module and types for resolvers that ignore exports (node10)", () => {
    expect(pkg.main).toBe(entry(".", "require").default);
    expect(pkg.module).toBe(entry(".", "import").default);
    expect(pkg.types).toBe(entry(".", "import").types);
    // TypeScript's node10 resolution ignores exports: typesVersions maps the other subpaths.
    expect(pkg.typesVersions).toEqual({
      "*": {
        changes: [entry("./changes", "import").types],
        schema: [entry("./schema", "import").types],
        "plans/haiphong-142": [entry("./plans/haiphong-142", "import").types],
      },
    });
  });

  it("has no side effects, so bundlers may drop what an app does not import", () => {
    expect(pkg.sideEffects).toBe(false);
  });

  it("needs Node.js 20 or later", () => {
    expect(pkg.engines?.node).toBe(">=20");
  });

  it("has the nq57 command, built by tsup from src/cli/main.ts as a Node ESM script with a shebang", () => {
    expect(pkg.bin).toEqual({ nq57: "./dist/cli/main.js" });
    const cli = builds.find((build) => entries(build)["cli/main"] !== undefined);
    expect(cli, "a tsup build with the entry cli/main").toBeDefined();
    expect(entries(cli!)["cli/main"]).toBe("src/cli/main.ts");
    expect(cli!.format).toEqual(["esm"]);
    expect(cli!.platform).toBe("node");
    expect(cli!.banner).toEqual({ js: "#!/usr/bin/env node" });
    expect(existsSync(join(root, "src/cli/main.ts"))).toBe(true);
  });

  it.each(Object.entries(SUBPATHS))("builds %s with tsup as ESM and CommonJS with declarations, browser-safe", (_subpath, base) => {
    // One build may make both formats, or one build each (the plan's own entry point is built apart from the rest).
    const found = builds.filter((b) => entries(b)[base] !== undefined);
    expect(found.length, `a tsup build with the entry ${base}`).toBeGreaterThan(0);
    expect([...new Set(found.flatMap((b) => [b.format ?? []].flat()))].sort()).toEqual(["cjs", "esm"]);
    for (const build of found) {
      expect(entries(build)[base]).toBe(sourceOf(base));
      expect(build.dts).toBeTruthy();
      expect(build.platform).toBe("neutral");
    }
    expect(existsSync(join(root, sourceOf(base)))).toBe(true);
  });

  it("publishes every file it points to, and no sources or tests", () => {
    const files = pkg.files ?? [];
    expect(files).toEqual(expect.arrayContaining(["dist", "README.md"]));
    for (const entry of files) expect(entry).not.toMatch(/^(\.\/)?(src|test|fixtures|scripts|bench|node_modules)(\/|$)/);
    const pointedTo = [...targets(pkg.exports), pkg.main, pkg.module, pkg.types, ...Object.values(pkg.bin ?? {}), ...Object.values(pkg.typesVersions?.["*"] ?? {}).flat()]
      .filter((target): target is string => typeof target === "string" && target !== "./package.json")
      .map((target) => target.replace(/^\.\//, ""));
    expect(pointedTo.length).toBeGreaterThan(5);
    for (const target of pointedTo) {
      expect(files.some((dir) => target === dir || target.startsWith(`${dir.replace(/\/$/, "")}/`)), `${target} is published`).toBe(true);
    }
  });

  it("takes zod as a peer dependency, not a dependency", () => {
    expect(pkg.peerDependencies?.zod).toBeDefined();
    expect(pkg.dependencies?.zod).toBeUndefined();
  });

  it("checks the packed package with publint, attw and scripts/check-package.mjs", () => {
    const script = pkg.scripts?.["check:package"] ?? "";
    expect(script).toContain("publint --strict");
    expect(script).toContain("attw --pack .");
    expect(script).toContain("node scripts/check-package.mjs");
    expect(existsSync(join(root, "scripts/check-package.mjs"))).toBe(true);
  });
});
