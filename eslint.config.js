// Lint rules that catch real bugs (floating promises, non-exhaustive switches) and
// keep the package boundaries of docs/architecture.md honest.
import js from "@eslint/js";
import tseslint from "typescript-eslint";

const boundary = (patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

export default tseslint.config(
  { ignores: ["**/node_modules/**", "**/dist/**", "packages/db/migrations/**", "packages/web/**", ".openkam/**", "e2e/output/**"] },
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
  {
    files: ["packages/domain/src/**"],
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
    files: ["packages/server/src/**"],
    rules: boundary([{ group: ["@openkam/cli*"], message: "server does not depend on the CLI" }]),
  },
);
