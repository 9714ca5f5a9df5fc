// The end-to-end test files of this folder (`*.test.mjs`), run by node's test runner three at a
// time (`./dev.sh test`; E2E_CONCURRENCY sets another number): much of their time is spent
// waiting on purpose, for a timeout, a CMS or a page. The longest start first, so that none
// is left to run alone at the end (in name order, as `node --test` takes them, the real
// WordPress's file came last): the files named in LONGEST, then every other one by name, so
// that none is left out. The exit status is 1 when a test fails.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { run } from "node:test";
import { spec } from "node:test/reporters";

/** The longest files, longest first. */
const LONGEST = ["wordpress", "ghost", "faults-search", "a11y", "faults-pages"];
const CONCURRENCY = Number(process.env.E2E_CONCURRENCY ?? 3);
if (!Number.isInteger(CONCURRENCY) || CONCURRENCY < 1) {
  throw new Error(`E2E_CONCURRENCY\u00a0: un nombre entier de fichiers à la fois, pas «\u00a0${process.env.E2E_CONCURRENCY}\u00a0»`);
}

const dir = import.meta.dirname;
const names = readdirSync(dir)
  .filter((name) => name.endsWith(".test.mjs"))
  .sort();
const rank = (name) => {
  const at = LONGEST.indexOf(name.slice(0, -".test.mjs".length));
  return at < 0 ? LONGEST.length : at;
};
const files = names.sort((a, b) => rank(a) - rank(b)).map((name) => join(dir, name));

run({ files, concurrency: CONCURRENCY })
  .on("test:fail", () => {
    process.exitCode = 1;
  })
  .compose(spec)
  .pipe(process.stdout);
