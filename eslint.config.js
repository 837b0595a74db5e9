import js from "@eslint/js";
import tseslint from "typescript-eslint";

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
      "no-restricted-imports": ["error", { patterns: [{ group: ["node:*", "fs", "path", "os", "url", "process"], message: "Node built-ins belong in src/cli only." }] }],
      "no-restricted-globals": ["error", { name: "process", message: "The core runs in browsers too." }, { name: "Buffer", message: "The core runs in browsers too." }],
    },
  },
);
