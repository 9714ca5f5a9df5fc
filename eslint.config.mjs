// The lint rules of every script in the repository: the site's own (public/), the build's
// (tools/), the end-to-end tests and the benchmarks. `./dev.sh test` runs it; TypeScript
// checks the types of public/ besides (tools/scripts/jsconfig.json).
import js from "@eslint/js";
import globals from "globals";

export default [
  { ignores: ["dist/**", "target/**", "node_modules/**", "public/api/**"] },
  js.configs.recommended,
  {
    // The scripts readers' browsers run, as modules (navigation.js is started by import(), and
    // starts search.js the same way): the browser's globals, not Node's.
    files: ["public/**/*.js"],
    languageOptions: { sourceType: "module", globals: { ...globals.browser } },
  },
  {
    // Node: the build's tools, the tests and the benchmarks. Their page.evaluate() callbacks run
    // in the browser, hence its globals too.
    files: ["**/*.mjs"],
    languageOptions: { sourceType: "module", globals: { ...globals.node, ...globals.browser } },
  },
  {
    rules: {
      // `x != null` is the idiom for « neither null nor undefined »; every other comparison strict.
      eqeqeq: ["error", "always", { null: "ignore" }],
      // A failed copy or storage write is answered by the caller's fallback, not in the catch.
      "no-empty": ["error", { allowEmptyCatch: true }],
      "no-var": "error",
      "prefer-const": "error",
      "no-unused-vars": ["error", { argsIgnorePattern: "^_", caughtErrors: "none" }],
    },
  },
];
