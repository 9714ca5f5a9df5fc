// Benchmark (prints figures, asserts nothing): what the home page costs in API mode when the
// archive holds 100 and when it holds 10,000 articles. The release build in `dist/` is served
// from 127.0.0.1 with its runtime configuration pointed at a content API serving a synthetic
// archive; the home page is loaded cold in headless Chromium several times.
//
// Usage (./dev.sh bench-content does all of it): node bench-content.mjs DIST ARCHIVE...
// where each ARCHIVE is a directory written by `veille-content synthetic N DIR`.

import { cp, mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM, launch } from "../tools/chromium.mjs";
import { startContentApi } from "../tests/e2e/content-api-server.mjs";
import { serveStatic, setMeta } from "../tests/e2e/static-server.mjs";
import { median } from "./stats.mjs";

const RUNS = 7;
const [dist, ...archives] = process.argv.slice(2);
if (!dist || archives.length === 0) {
  console.error("usage: node bench-content.mjs DIST ARCHIVE...");
  process.exit(2);
}

const fmt = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

async function measure(browser, siteUrl) {
  const page = await browser.newPage();
  const api = [];
  page.on("response", async (res) => {
    if (res.url().includes("/ok/bench/")) {
      const body = await res.body().catch(() => Buffer.alloc(0));
      api.push({ path: new URL(res.url()).pathname.replace(/^\/ok\/bench\//, ""), bytes: body.length });
    }
  });
  await page.goto(`${siteUrl}/`);
  await page.locator(".card__title").first().waitFor({ timeout: 30000 });
  const readyMs = await page.evaluate(() => performance.now());
  const cards = await page.locator(".article-list > li").count();
  await page.close();
  return { readyMs, cards, api };
}

const browser = await launch(CHROMIUM);
const rows = [];
try {
  for (const archive of archives) {
    const total = (await readdir(join(archive, "articles"))).length;
    const apiServer = await startContentApi({ dir: archive });
    const site = await mkdtemp(join(tmpdir(), "veille-bench-"));
    await cp(dist, site, { recursive: true });
    // The app's empty shell (trunk's page, kept as spa.html by the prerender): the home page
    // prerendered from the bundled content would not ask the API for anything.
    const shell = join(site, "spa.html");
    const html = await readFile(shell, "utf8").catch(() => readFile(join(site, "index.html"), "utf8"));
    // Its policy names the origins configured at build time (none here): a site that reads an
    // API is built with it configured. The bench points the shell at its loopback API instead,
    // so it drops that policy rather than rebuild.
    const unguarded = html.replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
    await writeFile(join(site, "index.html"), setMeta(unguarded, "veille-content-api", `${apiServer.url}/ok/bench`));
    const siteServer = await serveStatic(site);
    const runs = [];
    for (let i = 0; i < RUNS; i++) runs.push(await measure(browser, siteServer.url));
    await siteServer.close();
    await apiServer.close();
    await rm(site, { recursive: true, force: true });
    const last = runs.at(-1);
    rows.push({
      articles: total,
      requests: last.api.map((r) => r.path).join(" + "),
      bytes: last.api.reduce((sum, r) => sum + r.bytes, 0),
      cards: last.cards,
      ready: fmt(runs.map((r) => r.readyMs)),
    });
  }
} finally {
  await browser.close();
}

console.log(`\nHome page in API mode, cold, ${RUNS} runs each (median, min–max):\n`);
console.log("| articles in archive | API requests | API bytes | cards shown | first card visible |");
console.log("|---:|---|---:|---:|---:|");
for (const r of rows) {
  console.log(`| ${r.articles.toLocaleString("fr-FR")} | ${r.requests} | ${r.bytes.toLocaleString("fr-FR")} | ${r.cards} | ${r.ready} |`);
}
if (rows.length >= 2) {
  const ratio = rows.at(-1).bytes / rows[0].bytes;
  console.log(`\nBytes of content fetched, largest archive / smallest: ${ratio.toFixed(2)} (1.00 = independent of the archive size)`);
}
