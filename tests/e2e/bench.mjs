// Benchmark (prints figures, asserts nothing): what a reader on a mid-range phone pays for an
// article page. `./dev.sh bench` builds the release site and runs it; alone:
// `node tests/e2e/bench.mjs DIST [RUNS]`.
//
// 1. Every shipped file a cold article page fetches: raw, gzip and brotli bytes.
// 2. The article loaded cold in headless Chromium from a loopback server that compresses like a
//    CDN, under Chrome DevTools Protocol emulation of a mid-range phone (CPU 4× slower, 150 ms
//    round trip, 1.6 Mbit/s down, 750 kbit/s up): bytes on the wire, requests, first contentful
//    paint, largest contentful paint, time until the article's h1 is visible, time until the app
//    is live; and the same page with its scripts removed (the static HTML alone: the physical
//    limit), with the ratio between the two.
// 3. Client-side navigation to another article: time until its h1 is shown.
// Medians of RUNS runs, with min and max to show the machine's noise.

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { launch } from "./browser.mjs";
import { serveStatic } from "./static-server.mjs";
import { coldAssets, total } from "./weights.mjs";
import { ROOT } from "./paths.mjs";
import { median } from "./stats.mjs";
import { PHONE, phonePage } from "./phone.mjs";
import { staticTwin } from "./twin.mjs";

const [dist = join(ROOT, "dist"), runsArg = "5"] = process.argv.slice(2);
const RUNS = Number(runsArg);
const index = JSON.parse(await readFile(join(ROOT, "public/api/index/1.json"), "utf8"));
const SLUG = index.items[0].slug;
const related = JSON.parse(await readFile(join(ROOT, `public/api/related/${SLUG}.json`), "utf8"));
const ROUTE = `/article/${SLUG}`;

const stat = (xs, unit = "ms") =>
  xs.some((x) => x == null)
    ? "—"
    : `${median(xs).toFixed(0)} ${unit} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

// Runs in the page before anything else: records paint times, the h1 and the app's start.
const PROBE = () => {
  window.veilleBench = { lcp: null, h1: null, ready: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.veilleBench.lcp = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  const look = () => {
    const h1 = document.querySelector("main h1");
    if (window.veilleBench.h1 == null && h1 && h1.getBoundingClientRect().height > 0) {
      window.veilleBench.h1 = performance.now();
    }
    if (window.veilleBench.ready == null && document.documentElement.dataset.app === "ready") {
      window.veilleBench.ready = performance.now();
    }
    if (window.veilleBench.h1 == null || window.veilleBench.ready == null) requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

async function probedPage(browser) {
  const phone = await phonePage(browser);
  await phone.page.addInitScript(PROBE);
  return phone;
}

/** One cold load of `url`; waits for the app when `app`, else for the load event and a pause. */
async function coldLoad(browser, url, app) {
  const { context, page, wire } = await probedPage(browser);
  await page.goto(url, { waitUntil: "load", timeout: 120000 });
  if (app) await page.waitForSelector("html[data-app=ready]", { state: "attached", timeout: 120000 });
  await page.waitForTimeout(300);
  const m = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    ...window.veilleBench,
  }));
  await context.close();
  return { ...m, ...wire };
}

async function navigation(browser, url) {
  const { context, page } = await probedPage(browser);
  await page.goto(url, { waitUntil: "load", timeout: 120000 });
  await page.waitForSelector("html[data-app=ready]", { state: "attached", timeout: 120000 });
  const ms = await page.evaluate(async (href) => {
    const link = document.querySelector(`.related a[href="${href}"]`);
    const before = document.querySelector("main h1").textContent;
    const t0 = performance.now();
    link.click();
    await new Promise((done) => {
      const look = () => {
        const h1 = document.querySelector("main h1");
        if (h1 && h1.textContent !== before && h1.getBoundingClientRect().height > 0) done();
        else requestAnimationFrame(look);
      };
      look();
    });
    return performance.now() - t0;
  }, `/article/${related[0].slug}`);
  await context.close();
  return ms;
}

// 1. Weights.
const files = await coldAssets(dist, ROUTE);
console.log(`\nVeille — article page ${ROUTE}\n`);
console.log(`${"file".padEnd(58)} ${"raw".padStart(10)} ${"gzip".padStart(10)} ${"brotli".padStart(10)}`);
for (const f of files) {
  console.log(`${f.name.padEnd(58)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)} ${kb(f.brotli).padStart(10)}`);
}
console.log(`${"total (cold article page)".padEnd(58)} ${kb(total(files, "raw")).padStart(10)} ${kb(total(files, "gzip")).padStart(10)} ${kb(total(files, "brotli")).padStart(10)}`);

// The same page with its scripts removed: what the static HTML alone costs.
const bare = await staticTwin(dist, await mkdtemp(join(tmpdir(), "veille-bench-static-")), [ROUTE]);

const browser = await launch();
const servers = [];
try {
  const full = await serveStatic(dist, 0, { compress: true });
  const stat0 = await serveStatic(bare, 0, { compress: true });
  servers.push(full, stat0);
  const withApp = [];
  const without = [];
  const navs = [];
  for (let i = 0; i < RUNS; i++) {
    withApp.push(await coldLoad(browser, `${full.url}${ROUTE}`, true));
    without.push(await coldLoad(browser, `${stat0.url}${ROUTE}`, false));
    navs.push(await navigation(browser, `${full.url}${ROUTE}`));
  }
  const col = (rows, key, unit) => stat(rows.map((r) => r[key]), unit);
  const ratio = (key) => (median(withApp.map((r) => r[key])) / median(without.map((r) => r[key]))).toFixed(2);
  console.log(
    `\nCold load, phone profile (CPU ×${PHONE.cpu}, ${PHONE.latency} ms RTT, 1.6 Mbit/s), ${RUNS} runs: median (min–max)\n`,
  );
  console.log(`${"".padEnd(28)} ${"page + app".padEnd(26)} ${"static HTML only".padEnd(26)} ratio`);
  const line = (label, key, unit = "ms") =>
    console.log(`${label.padEnd(28)} ${col(withApp, key, unit).padEnd(26)} ${col(without, key, unit).padEnd(26)} ${ratio(key)}`);
  line("bytes on the wire", "bytes", "B");
  line("requests", "requests", "");
  line("first contentful paint", "fcp");
  line("largest contentful paint", "lcp");
  line("article h1 visible", "h1");
  console.log(`${"app live (hydrated)".padEnd(28)} ${col(withApp, "ready").padEnd(26)} ${"—".padEnd(26)}`);
  console.log(`\nClient-side navigation to another article, h1 shown: ${stat(navs)}`);
} finally {
  await browser.close();
  for (const s of servers) await s.close();
  await rm(bare, { recursive: true, force: true });
}
