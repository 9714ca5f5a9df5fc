// The search index of a built site (a build step, not a test: ./dev.sh build runs it last).
// Pagefind's Node API indexes the records `veille-content search` wrote (one per article, see
// src/search.rs) and writes Pagefind's files, its script, wasm, worker and index, under
// DIST/pagefind/. Records rather than the pages: only what articles say is indexed, and the
// indexed text is made searchable in French first.
//
// Usage: node search-index.mjs RECORDS.json DIST [--json]
// Prints one line of what it wrote; with --json, that line is a JSON object (bench-search.mjs).

import { readFile, readdir, rm, stat, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import * as pagefind from "pagefind";

const [recordsFile, dist, flag] = process.argv.slice(2);
if (!recordsFile || !dist) {
  console.error("usage : node search-index.mjs RECORDS.json DIST [--json]");
  process.exit(2);
}

function fail(what, errors) {
  console.error(`search-index : ${what} — ${errors.join(" ; ")}`);
  process.exit(1);
}

/** Files and bytes under `dir`, recursively. */
async function sizeOf(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files += 1;
    bytes += (await stat(join(entry.parentPath ?? entry.path, entry.name))).size;
  }
  return { files, bytes };
}

const started = performance.now();
const records = JSON.parse(await readFile(recordsFile, "utf8"));
const { index, errors } = await pagefind.createIndex({ forceLanguage: "fr" });
if (!index) fail("Pagefind n’a pas démarré", errors);
// Each article's fingerprint, by address: not indexed, kept beside the index (below).
const indexed = {};
for (const { empreinte, ...record } of records) {
  const added = await index.addCustomRecord(record);
  if (added.errors.length) fail(`${record.url} n’a pas pu être indexé`, added.errors);
  indexed[record.url] = empreinte;
}
const outputPath = join(dist, "pagefind");
// Files of an earlier build would be served with the new ones.
await rm(outputPath, { recursive: true, force: true });
const written = await index.writeFiles({ outputPath });
if (written.errors.length) fail("l’index n’a pas pu être écrit", written.errors);
await pagefind.close();
// Pagefind's ready-made interfaces, which the site does not use (public/search.js is its own):
// not deployed.
for (const name of await readdir(outputPath)) {
  if (/^pagefind-(ui|modular-ui|component-ui|highlight)\./.test(name)) await unlink(join(outputPath, name));
}
// What the index holds (src/search.rs, INDEXED_FILE), from which each round of
// `veille-content sync` or `watch` tells what changed since; and what changed, nothing yet
// (RECENT_FILE), which the search page reads with every search.
await writeFile(join(outputPath, "veille-indexees.json"), JSON.stringify(indexed));
await writeFile(join(outputPath, "veille-recents.json"), JSON.stringify({ articles: [], retires: [] }));
const seconds = (performance.now() - started) / 1000;
const { files, bytes } = await sizeOf(outputPath);

if (flag === "--json") {
  console.log(JSON.stringify({ articles: records.length, files, bytes, seconds }));
} else {
  console.log(
    `search-index : ${records.length} articles indexés en ${seconds.toFixed(2)} s — ${files} fichiers, ` +
      `${(bytes / 1024).toFixed(0)} Kio dans ${outputPath}`,
  );
}
