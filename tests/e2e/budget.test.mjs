// The weight budget (tests/budget.json): the brotli size of what a cold article page fetches in
// the release build in `dist/`, before any interaction and once its islands are alive, and of
// the two wasms. Byte counts are deterministic, so this is a test; timings are not, and live in
// the benchmark (`./dev.sh bench`).

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { bundleAssets, coldAssets, islandsAssets, total } from "./weights.mjs";
import { DIST, ROOT } from "./paths.mjs";
import { articlePath } from "./routes.mjs";

const budget = JSON.parse(await readFile(join(ROOT, "tests", "budget.json"), "utf8"));
const index = JSON.parse(await readFile(join(ROOT, "public/api/index/0.json"), "utf8"));
const show = (files) => files.forEach((f) => console.log(`${f.name.padEnd(60)} ${String(f.brotli).padStart(8)} B brotli`));

test("le poids de la page d’article reste dans le budget (tests/budget.json)", async () => {
  // The newest article: the page most readers land on.
  const route = articlePath(index.items[0].slug);
  const cold = await coldAssets(DIST, route);
  show(cold);
  assert.deepEqual(cold.filter((f) => f.name.endsWith(".wasm")), [], "the page loads a wasm before any interaction");
  const islands = await islandsAssets(DIST, route);
  show(islands);
  const wasm = islands.filter((f) => f.name.endsWith(".wasm"));
  assert.equal(wasm.length, 1, "the page names no islands' wasm, or several");
  const before = total(cold, "brotli");
  const live = before + total(islands, "brotli");
  console.log(
    `before any interaction ${before} B / budget ${budget.article_before_interaction_brotli} B; ` +
      `islands' wasm ${wasm[0].brotli} B / budget ${budget.islands_wasm_brotli} B; ` +
      `with the islands ${live} B / budget ${budget.article_page_brotli} B`,
  );
  assert.ok(before <= budget.article_before_interaction_brotli, `before any interaction: ${before} B brotli > budget ${budget.article_before_interaction_brotli} B`);
  assert.ok(wasm[0].brotli <= budget.islands_wasm_brotli, `islands' wasm: ${wasm[0].brotli} B brotli > budget ${budget.islands_wasm_brotli} B`);
  assert.ok(live <= budget.article_page_brotli, `article page with its islands: ${live} B brotli > budget ${budget.article_page_brotli} B`);
});

test("le poids de l’application complète (404.html, spa.html) reste dans le budget", async () => {
  const cold = await coldAssets(DIST, "/404.html");
  const wasm = cold.filter((f) => f.name.endsWith(".wasm"));
  assert.equal(wasm.length, 1, "404.html loads no wasm, or several");
  // The same wasm is the one a page of islands starts when its configuration changed.
  const named = await bundleAssets(DIST, articlePath(index.items[0].slug), "veille-app");
  assert.deepEqual(named.map((f) => f.name).filter((n) => n.endsWith(".wasm")), [wasm[0].name]);
  console.log(`full app's wasm ${wasm[0].brotli} B / budget ${budget.app_wasm_brotli} B`);
  assert.ok(wasm[0].brotli <= budget.app_wasm_brotli, `full app's wasm: ${wasm[0].brotli} B brotli > budget ${budget.app_wasm_brotli} B`);
});
