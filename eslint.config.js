import js from "@eslint/js";
import tseslint from "typescript-eslint";

const NODE_BUILT_INS = { group: ["node:*", "fs", "path", "os", "url", "process"], message: "Node built-ins belong in src/cli only." };

/** The folders of src/, and which of them each may import: data flows one way, model to the CLI. */
const FOLDERS = ["model", "parse", "plans", "input", "rules", "scorecard", "render", "cli"];
const ALLOWED = {
  model: [],
  parse: ["model"],
  plans: ["model", "parse"],
  input: ["model", "parse"],
  rules: ["model"],
  scorecard: ["model", "parse", "plans", "input", "rules"],
  render: ["model", "scorecard"],
};

export default tseslint.config(
  { ignores: ["dist/", "docs/", "coverage/", "node_modules/", ".tmp/", "bench/.out/", "test/artifacts/"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        { selector: "CallExpression[callee.name='eval']", message: "The core must run under a strict Content-Security-Policy." },
        { selector: "NewExpression[callee.name='Function']", message: "The core must run under a strict Content-Security-Policy." },
      ],
    },
  },
  {
    // The core runs in browsers too: only the CLI and tooling may use Node's built-ins.
    files: ["src/**/*.ts"],
    ignores: ["src/cli/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [NODE_BUILT_INS] }],
      "no-restricted-globals": ["error", { name: "process", message: "The core runs in browsers too." }, { name: "Buffer", message: "The core runs in browsers too." }],
    },
  },
  // Data flows one way (docs/architecture.md): each folder of src/ imports only the folders before it.
  ...Object.entries(ALLOWED).map(([folder, allowed]) => ({
    files: [`src/${folder}/**/*.ts`],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            NODE_BUILT_INS,
            ...FOLDERS.filter((other) => other !== folder && !allowed.includes(other)).map((other) => ({
              group: [`**/${other}/*`],
              message: `src/${folder} may import ${allowed.length ? allowed.map((a) => `src/${a}`).join(", ") : "no other folder of src"} (and the shared modules at the top of src), not src/${other}: see docs/architecture.md.`,
            })),
          ],
        },
      ],
    },
  })),
);
