// Lint TypeScript and JavaScript sources, and the frontmatter, expressions and scripts of the .astro
// pages and components (eslint-plugin-astro), so a page is held to the same rules as a module.
import astro from "eslint-plugin-astro";
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
  ...astro.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
);
