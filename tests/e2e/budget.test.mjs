// The weight budget (tests/budget.json): the brotli size of the wasm and of everything a cold
// article page fetches, in the release build in `dist/`. Byte counts are deterministic, so this
// is a test; timings are not, and live in the benchmark (`./dev.sh bench`).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { coldAssets, total } from "./weights.mjs";
import { DIST, ROOT } from "./paths.mjs";

const budget = JSON.parse(await readFile(join(ROOT, "tests", "budget.json"), "utf8"));
const index = JSON.parse(await readFile(join(ROOT, "public/api/index/1.json"), "utf8"));

test("le poids de la page d’article reste dans le budget (tests/budget.json)", async () => {
  // The newest article: the page most readers land on.
  const files = await coldAssets(DIST, `/article/${index.items[0].slug}`);
  for (const f of files) console.log(`${f.name.padEnd(60)} ${String(f.brotli).padStart(8)} B brotli`);
  const wasm = files.filter((f) => f.name.endsWith(".wasm"));
  assert.equal(wasm.length, 1, "the page loads no wasm, or several");
  const page = total(files, "brotli");
  console.log(`wasm ${wasm[0].brotli} B / budget ${budget.wasm_brotli} B; page ${page} B / budget ${budget.article_page_brotli} B`);
  assert.ok(wasm[0].brotli <= budget.wasm_brotli, `wasm: ${wasm[0].brotli} B brotli > budget ${budget.wasm_brotli} B`);
  assert.ok(page <= budget.article_page_brotli, `article page: ${page} B brotli > budget ${budget.article_page_brotli} B`);
});
