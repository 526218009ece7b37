// Lint: the recommended rules of ESLint, typescript-eslint and the Astro plugin, with
// formatting left to Prettier (eslint-config-prettier turns off the rules it owns).
// Every override below says why.
import { defineConfig } from "eslint/config";
import js from "@eslint/js";
import tseslint from "typescript-eslint";
import astro from "eslint-plugin-astro";
import prettier from "eslint-config-prettier";
import globals from "globals";

export default defineConfig(
  {
    ignores: [
      "dist/",
      ".astro/",
      "node_modules/",
      ".ci-report/",
      "test-results/",
      "playwright-report/",
      "tests/**/__snapshots__/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...astro.configs.recommended,
  prettier,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      // `_name` marks a parameter an interface requires but this implementation does not use.
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", caughtErrors: "none" },
      ],
      // Duplicate imports from one module are always a mistake here (the review found two).
      "no-duplicate-imports": ["error", { allowSeparateTypeImports: true }],
      // Leftover debugging output is what the design's "what to avoid" list names; scripts and tests print reports on purpose.
      "no-console": "error",
    },
  },
  {
    files: ["tests/**", "scripts/**", ".ci/**", "src/build/**", "*.config.*", "astro.config.mjs"],
    // Test reports, build logs and CLI scripts print to the terminal by design.
    rules: { "no-console": "off" },
  },
);
