// Benchmark (prints figures, asserts nothing): search over the synthetic archive of N articles
// (10,000 by default), Veille's index side by side with Pagefind run on the same archive's
// prerendered pages as they are (its usual use: `pagefind --site`), in the same run; and a cut
// that was tried and not kept, the same records holding only each article's first WORDS words
// (title and lead included), which trades what can be found for size:
//   - indexing: wall time and peak memory (GNU time's maximum resident set), index files and
//     bytes;
//   - in Chromium on the phone profile (tests/e2e/phone.mjs), on /recherche: the requests and
//     bytes of a first query and of a second one, and the time from sending the first query to
//     its first results on screen.
//
// Usage (./dev.sh bench-search builds the site and the tools first):
//   node bench-search.mjs [N]     BENCH_DIR: where the work folders go (default /dev/shm)

import { spawn } from "node:child_process";
import { accessSync, constants, copyFileSync, cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM, launch } from "../tools/chromium.mjs";
import { DIST, TOOLS } from "../tests/e2e/paths.mjs";
import { phonePage } from "../tests/e2e/phone.mjs";
import { serveStatic } from "../tests/e2e/static-server.mjs";

const N = Number(process.argv[2] ?? "10000");
/** The words each record keeps in the cut variant. */
const WORDS = 150;
const CONTENT = join(TOOLS, "veille-content");
const PRERENDER = join(TOOLS, "veille-prerender");
const INDEXER = join(import.meta.dirname, "..", "tools", "build", "search-index.mjs");
const PAGEFIND = join(import.meta.dirname, "..", "node_modules", ".bin", "pagefind");
for (const file of [CONTENT, PRERENDER, join(DIST, "spa.html"), PAGEFIND]) statSync(file);

let base = process.env.BENCH_DIR ?? "/dev/shm";
try {
  accessSync(base, constants.W_OK);
} catch {
  base = tmpdir();
}
const work = mkdtempSync(join(base, "veille-bench-search-"));

function run(command, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s) => (stderr += s));
    child.on("error", reject);
    child.on("close", (status) => (status === 0 ? resolve(stdout) : reject(new Error(`${command} ${args.join(" ")}: ${status}\n${stderr}`))));
  });
}

/** Wall time and peak resident memory (KB, GNU time's %M: the largest process of the run). */
async function measure(command, args) {
  const timeFile = join(work, "time");
  const start = performance.now();
  const stdout = await run("/usr/bin/time", ["-f", "%M", "-o", timeFile, command, ...args]);
  const seconds = (performance.now() - start) / 1000;
  const kb = Number(readFileSync(timeFile, "utf8").trim().split("\n").at(-1));
  return { stdout, seconds, kb };
}

function sizeOf(dir) {
  let files = 0;
  let bytes = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    files++;
    bytes += statSync(join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return { files, bytes };
}

/**
 * The search page of `site`: a first query, then a second; requests and bytes of each, as the
 * server sent them (Pagefind fetches from a worker, which the page's network view misses).
 */
async function inBrowser(browser, site, first, second) {
  const log = [];
  const server = await serveStatic(site, 0, { compress: true, log });
  const wire = {
    get requests() {
      return log.length;
    },
    get bytes() {
      return log.reduce((sum, r) => sum + r.bytes, 0);
    },
  };
  try {
    const { context, page } = await phonePage(browser);
    await page.goto(`${server.url}/recherche`);
    await page.waitForFunction(() => document.querySelector("[data-recherche]")?.veilleSearch, null, { timeout: 60000 });
    const query = async (q) => {
      const before = { requests: wire.requests, bytes: wire.bytes };
      const start = performance.now();
      await page.fill("#recherche-page", q);
      await page.press("#recherche-page", "Enter");
      await page.waitForFunction(
        (q) => location.search.includes(encodeURIComponent(q)) && document.querySelector(".search-result"),
        q,
        { timeout: 60000 },
      );
      const ms = performance.now() - start;
      // What is still arriving for these results (their excerpts' fragments).
      await page.waitForLoadState("networkidle");
      return { ms, requests: wire.requests - before.requests, bytes: wire.bytes - before.bytes };
    };
    const a = await query(first);
    const b = await query(second);
    await context.close();
    return { first: a, second: b };
  } finally {
    await server.close();
  }
}

const kB = (b) => `${(b / 1000).toFixed(0)} kB`;
const MB = (b) => `${(b / 1e6).toFixed(1)} MB`;

try {
  const archive = join(work, "archive");
  await run(CONTENT, ["synthetic", String(N), archive, "7"]);

  // Veille: records of the archive, indexed into a copy of the built site.
  const veilleSite = join(work, "veille");
  cpSync(DIST, veilleSite, { recursive: true });
  const records = join(work, "records.json");
  const recordsRun = await measure(CONTENT, ["search", records, archive]);
  const indexRun = await measure("node", [INDEXER, records, veilleSite, "--json"]);
  const veille = { records: recordsRun, index: indexRun, size: sizeOf(join(veilleSite, "pagefind")) };

  // The cut: the same records, each holding its article's first WORDS words only.
  const cutSite = join(work, "cut");
  cpSync(DIST, cutSite, { recursive: true });
  const cutRecords = join(work, "records-cut.json");
  const all = JSON.parse(readFileSync(records, "utf8"));
  const kept = all.map((record) => ({ ...record, content: record.content.split(/\s+/).slice(0, WORDS).join(" ") }));
  writeFileSync(cutRecords, JSON.stringify(kept));
  const cut = { index: await measure("node", [INDEXER, cutRecords, cutSite, "--json"]), size: sizeOf(join(cutSite, "pagefind")) };
  const words = (list) => list.reduce((sum, r) => sum + r.content.split(/\s+/).length, 0) / list.length;
  const averages = { all: words(all), cut: words(kept) };

  // The reference: the same archive prerendered, and Pagefind on its pages as they are.
  const pages = join(work, "pages");
  cpSync(DIST, pages, { recursive: true, filter: (src) => !src.includes(`${DIST}/pagefind`) });
  copyFileSync(join(DIST, "spa.html"), join(pages, "index.html"));
  await run(PRERENDER, ["--content", archive, pages]);
  const reference = { index: await measure(PAGEFIND, ["--site", pages, "--quiet"]) };
  reference.size = sizeOf(join(pages, "pagefind"));

  // The same words for both: one of the synthetic archive's, then another.
  const browser = await launch(CHROMIUM);
  let veilleWeb;
  let cutWeb;
  let referenceWeb;
  const found = async (site, q) => {
    const server = await serveStatic(site);
    try {
      const page = await browser.newPage();
      await page.goto(`${server.url}/recherche?q=${encodeURIComponent(q)}`);
      await page.waitForFunction(() => /résultat/.test(document.querySelector(".search__status")?.textContent ?? ""), null, { timeout: 60000 });
      const status = await page.locator(".search__status").textContent();
      await page.close();
      return status.startsWith("Aucun") ? 0 : Number(status.match(/^[\d\s\u202f\u00a0]+/)[0].replace(/\D/g, ""));
    } finally {
      await server.close();
    }
  };
  let recall;
  try {
    veilleWeb = await inBrowser(browser, veilleSite, "modèles", "évaluation");
    cutWeb = await inBrowser(browser, cutSite, "modèles", "évaluation");
    referenceWeb = await inBrowser(browser, pages, "modèles", "évaluation");
    // What the cut loses: the words of the titles, then words of the body (a sentence, a section heading).
    recall = {};
    for (const q of ["modèles", "évaluation", "tendance", "réactions"]) {
      recall[q] = { all: await found(veilleSite, q), cut: await found(cutSite, q) };
    }
  } finally {
    await browser.close();
  }

  const s = (x) => `${x.toFixed(1)} s`;
  const mem = (kb) => `${(kb / 1024).toFixed(0)} MiB`;
  console.log(`\nSearch over a synthetic archive of ${N.toLocaleString("en")} articles (this machine, one run)\n`);
  console.log(`| | Veille (records of the articles) | tried: first ${WORDS} words only | Pagefind on the prerendered pages |`);
  console.log("|---|---:|---:|---:|");
  console.log(`| words indexed per article (mean) | ${Math.round(averages.all)} | ${Math.round(averages.cut)} | — |`);
  console.log(`| records written (veille-content search) | ${s(veille.records.seconds)}, ${mem(veille.records.kb)} | (the same, cut) | — |`);
  console.log(`| indexing: wall time | ${s(veille.index.seconds)} | ${s(cut.index.seconds)} | ${s(reference.index.seconds)} |`);
  console.log(`| indexing: peak memory | ${mem(veille.index.kb)} | ${mem(cut.index.kb)} | ${mem(reference.index.kb)} |`);
  console.log(`| index: files | ${veille.size.files.toLocaleString("en")} | ${cut.size.files.toLocaleString("en")} | ${reference.size.files.toLocaleString("en")} |`);
  console.log(`| index: bytes | ${MB(veille.size.bytes)} | ${MB(cut.size.bytes)} | ${MB(reference.size.bytes)} |`);
  for (const [label, key] of [["first query", "first"], ["second query", "second"]]) {
    const [v, c, r] = [veilleWeb[key], cutWeb[key], referenceWeb[key]];
    console.log(`| ${label}: requests, bytes on the wire | ${v.requests}, ${kB(v.bytes)} | ${c.requests}, ${kB(c.bytes)} | ${r.requests}, ${kB(r.bytes)} |`);
  }
  console.log(
    `| first query to first results, phone profile | ${Math.round(veilleWeb.first.ms)} ms | ${Math.round(cutWeb.first.ms)} ms | ${Math.round(referenceWeb.first.ms)} ms |`,
  );
  for (const [q, n] of Object.entries(recall)) {
    console.log(`| articles found for « ${q} » | ${n.all.toLocaleString("en")} | ${n.cut.toLocaleString("en")} | — |`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
