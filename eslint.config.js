// Lint TypeScript and JavaScript sources; .astro templates are checked by the build and e2e tests.
import tseslint from "typescript-eslint";

export default tseslint.config(
  {
    ignores: [
      "dist/",
      "dist-e2e*/",
      ".astro/",
      "node_modules/",
      "site/public/",
      "schemas/json/",
      "bench-report.json",
    ],
  },
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
);
