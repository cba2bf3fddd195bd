// The project's ESLint flat config. `office-addin-lint check` picks it up from the project root in
// place of its own, so this starts from the same base (eslint-plugin-office-addins' recommended set:
// eslint's recommended rules, Office.js rules, Prettier) and adds what this project needs.
import tsParser from "@typescript-eslint/parser";
import officeAddins from "eslint-plugin-office-addins";
import globals from "globals";

export default [
  {
    ignores: ["dist/**", "node_modules/**", "tests/.artifacts/**", "bench/results/**"],
  },
  ...officeAddins.configs.recommended,
  {
    // As in office-addin-lint's own config: the plugin's recommended set names the TypeScript
    // parser through a CommonJS `.default` that current @typescript-eslint/parser lacks, so ESLint
    // would fall back to espree and fail on every type annotation.
    languageOptions: { parser: tsParser },
  },
  {
    files: ["**/*.{ts,mts,cts}"],
    languageOptions: {
      // TypeScript files are checked with ES2020 syntax (tsconfig's target).
      ecmaVersion: 2020,
    },
    rules: {
      // The type checker already rejects undeclared names, with the right globals per file (DOM,
      // Office.js, Node from tsconfig's lib and types); ESLint's no-undef knows none of them and
      // only forced `/* global */` headers. typescript-eslint recommends turning it off.
      "no-undef": "off",
    },
  },
  {
    rules: {
      // A parameter named _x is deliberately unused (a signature kept to match Office.js), the
      // convention tsc's noUnusedParameters already accepts.
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["tests/**"],
    rules: {
      // Reference values are quoted with every digit mpmath printed (tests/core/references), more
      // than a double holds; rounding them to the nearest double is what the comparison intends.
      "no-loss-of-precision": "off",
    },
  },
  {
    // Build scripts and tools run in Node.
    files: ["scripts/**/*.{js,mjs,cjs}"],
    languageOptions: {
      ecmaVersion: 2022,
      globals: globals.node,
    },
  },
  {
    // CommonJS files: the helpers webpack.config.js requires.
    files: ["scripts/**/*.{js,cjs}"],
    languageOptions: { sourceType: "commonjs" },
  },
];
