// The end-to-end test files of this folder (`*.test.mjs`), run by node's test runner two at a
// time (`./dev.sh test`; they mostly wait, on purpose), the longest first: in name order, as
// `node --test` takes them, the real WordPress's file came last and ran alone at the end. The
// files named in LONGEST start first; every other file follows, by name, so that none is left
// out. The exit status is 1 when a test fails.

import { readdirSync } from "node:fs";
import { join } from "node:path";
import { run } from "node:test";
import { spec } from "node:test/reporters";

/** The longest files, longest first (one at a time on the test machine: 82, 74, 65 and 58 s). */
const LONGEST = ["faults", "wordpress", "ghost", "a11y"];
const CONCURRENCY = 2;

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
