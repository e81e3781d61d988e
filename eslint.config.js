// Lint rules that catch real bugs (floating promises, non-exhaustive switches) and
// keep the package boundaries of docs/architecture.md honest.
import js from "@eslint/js";
import globals from "globals";
import tseslint from "typescript-eslint";

const boundary = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", ".bench-data/**", "packages/db/migrations/**", ".openkam/**", "e2e/output/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { arguments: false } }],
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
      eqeqeq: ["error", "always", { null: "ignore" }],
      curly: ["error", "multi-line"],
    },
  },
  { files: ["**/*.js", "**/*.mjs"], ...tseslint.configs.disableTypeChecked },
  { files: ["packages/*/bin/**", "packages/db/src/**/*.js"], languageOptions: { globals: globals.node } },
  {
    files: ["packages/domain/src/**"],
    // Tests may read the shared data sets from disk; the domain code itself may not.
    ignores: ["**/*.test.ts", "packages/domain/src/**/testing/**"],
    rules: boundary([{ group: ["@openkam/*", "drizzle-orm*", "fastify*", "pg", "node:*", "react*"], message: "domain is pure: no I/O, no other packages" }]),
  },
  {
    files: ["packages/contracts/src/**"],
    rules: boundary([{ group: ["@openkam/db*", "@openkam/server*", "@openkam/cli*", "drizzle-orm*", "fastify*", "node:*"], message: "contracts depend on zod and domain only" }]),
  },
  {
    files: ["packages/db/src/**"],
    rules: boundary([{ group: ["@openkam/server*", "@openkam/cli*", "fastify*"], message: "db does not know about HTTP" }]),
  },
  {
    // The web app takes types from the contracts (one source of truth) but no zod runtime, and knows nothing of the server side.
    files: ["packages/web/src/**"],
    rules: {
      "@typescript-eslint/no-restricted-imports": ["error", {
        paths: [
          { name: "@openkam/contracts", allowTypeImports: true, message: "web imports contract types only (import type), keeping zod out of the bundle" },
          { name: "zod", allowTypeImports: true, message: "web imports zod types only" },
          { name: "@openkam/domain", allowTypeImports: true, message: "import @openkam/domain/enums/index or access/roles: the package root brings the analytics and their dependencies into the bundle" },
        ],
        patterns: [{ group: ["@openkam/db*", "@openkam/server*", "@openkam/cli*", "node:*"], message: "web depends on contracts and domain only" }],
      }],
    },
  },
  {
    files: ["packages/server/src/**"],
    rules: boundary([{ group: ["@openkam/cli*"], message: "server does not depend on the CLI" }]),
  },
);
