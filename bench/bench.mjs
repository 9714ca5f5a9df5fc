// Benchmark (prints figures, asserts nothing): what a reader on a mid-range phone pays for an
// article page and for the home page. `./dev.sh bench` builds the release site and runs it;
// alone: `node bench/bench.mjs DIST [RUNS]`.
//
// 1. Every shipped file a cold page fetches before any interaction, then its islands' files
//    (loaded when a widget is near or touched): raw, gzip and brotli bytes.
// 2. Each page loaded cold in headless Chromium from a loopback server that compresses like a
//    CDN, under Chrome DevTools Protocol emulation of a mid-range phone (CPU 4× slower, 150 ms
//    round trip, 1.6 Mbit/s down, 750 kbit/s up), three ways side by side: as built (islands
//    deferred), with the islands loaded at once (`veille-islands-load` = eager), and the same
//    page with its scripts removed (the static HTML alone: the physical limit). Bytes on the
//    wire, requests, first and largest contentful paint, h1 visible, page live (navigation.js),
//    islands live; and, deferred, how long after a skimming reader (half a screen every 250 ms)
//    sees the newsletter box it is alive.
// 3. Client-side navigation to another article: time from the click until its h1 is shown,
//    cold and after a hover (the prefetch).
// Medians of RUNS runs, with min and max to show the machine's noise.

import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { CHROMIUM, launch } from "../tools/chromium.mjs";
import { editFile, serveStatic, setMeta } from "../tests/e2e/static-server.mjs";
import { coldAssets, islandsAssets, total } from "../tests/e2e/weights.mjs";
import { ROOT } from "../tests/e2e/paths.mjs";
import { articlePath, fileOf } from "../tests/e2e/routes.mjs";
import { median } from "./stats.mjs";
import { PHONE, phonePage } from "../tests/e2e/phone.mjs";
import { staticTwin } from "./twin.mjs";
import { cp } from "node:fs/promises";

const [dist = join(ROOT, "dist"), runsArg = "5"] = process.argv.slice(2);
const RUNS = Number(runsArg);
const index = JSON.parse(await readFile(join(ROOT, "public/api/index/0.json"), "utf8"));
const SLUG = index.items[0].slug;
const related = JSON.parse(await readFile(join(ROOT, `public/api/related/${SLUG}.json`), "utf8"));
const ARTICLE = articlePath(SLUG);
const ROUTES = [ARTICLE, "/"];

const stat = (xs, unit = "ms") =>
  xs.length === 0 || xs.some((x) => x == null)
    ? "—"
    : `${median(xs).toFixed(0)} ${unit} (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;
const kb = (n) => `${(n / 1000).toFixed(1)} kB`;

// Runs in the page before anything else: records paint times, the h1, the page's and the
// islands' start.
const PROBE = () => {
  window.veilleBench = { lcp: null, h1: null, ready: null, islands: null };
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.veilleBench.lcp = e.startTime;
  }).observe({ type: "largest-contentful-paint", buffered: true });
  const look = () => {
    const b = window.veilleBench;
    const h1 = document.querySelector("main h1");
    if (b.h1 == null && h1 && h1.getBoundingClientRect().height > 0) b.h1 = performance.now();
    if (b.ready == null && document.documentElement.dataset.app === "ready") b.ready = performance.now();
    if (b.islands == null && document.documentElement.dataset.islands === "ready") b.islands = performance.now();
    requestAnimationFrame(look);
  };
  requestAnimationFrame(look);
};

async function probedPage(browser) {
  const phone = await phonePage(browser);
  await phone.page.addInitScript(PROBE);
  return phone;
}

/** One cold load of `url`: waits for the load event and `wait` (a selector), then a pause. */
async function coldLoad(browser, url, wait) {
  const { context, page, wire } = await probedPage(browser);
  await page.goto(url, { waitUntil: "load", timeout: 120000 });
  if (wait) await page.waitForSelector(wait, { state: "attached", timeout: 120000 });
  await page.waitForTimeout(500);
  const m = await page.evaluate(() => ({
    fcp: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? null,
    ...window.veilleBench,
  }));
  const before = { bytes: wire.bytes, requests: wire.requests };
  // Deferred: a reader skims down to the newsletter box (half a screen every 250 ms, fast);
  // how long after the box comes into view it is alive (0: before).
  let box = null;
  if (wait === "html[data-app=ready]" && m.islands == null) {
    box = await page.evaluate(async () => {
      const alive = () => document.documentElement.dataset.islands === "ready";
      const target = document.querySelector(".newsletter");
      while (target.getBoundingClientRect().top >= innerHeight) {
        scrollBy(0, innerHeight / 2);
        await new Promise((ok) => setTimeout(ok, 250));
      }
      const seen = performance.now();
      while (!alive()) await new Promise((ok) => requestAnimationFrame(ok));
      return Math.max(0, performance.now() - seen);
    });
  }
  await context.close();
  return { ...m, ...before, box };
}

async function navigation(browser, url, hover) {
  const { context, page } = await probedPage(browser);
  await page.goto(url, { waitUntil: "load", timeout: 120000 });
  await page.waitForSelector("html[data-app=ready]", { state: "attached", timeout: 120000 });
  const href = articlePath(related[0].slug);
  if (hover) {
    await page.locator(`.related a[href="${href}"]`).first().hover();
    await page.waitForTimeout(1500);
  }
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
  }, href);
  await context.close();
  return ms;
}

// 1. Weights.
for (const route of ROUTES) {
  const cold = await coldAssets(dist, route);
  const islands = await islandsAssets(dist, route);
  console.log(`\nVeille — ${route}\n`);
  console.log(`${"file".padEnd(58)} ${"raw".padStart(10)} ${"gzip".padStart(10)} ${"brotli".padStart(10)}`);
  const row = (label, f) => console.log(`${label.padEnd(58)} ${kb(f.raw).padStart(10)} ${kb(f.gzip).padStart(10)} ${kb(f.brotli).padStart(10)}`);
  for (const f of cold) row(f.name, f);
  const sum = (files) => ({ raw: total(files, "raw"), gzip: total(files, "gzip"), brotli: total(files, "brotli") });
  row("total before any interaction", sum(cold));
  for (const f of islands) row(`${f.name} (islands, on approach or touch)`, f);
  row("total with the islands", sum([...cold, ...islands]));
}

// The same pages with their islands loaded at once, and with their scripts removed.
const eager = await mkdtemp(join(tmpdir(), "veille-bench-eager-"));
await cp(dist, eager, { recursive: true });
for (const route of ROUTES) {
  await editFile(join(eager, fileOf(eager, route)), (html) => setMeta(html, "veille-islands-load", "eager"));
}
const bare = await staticTwin(dist, await mkdtemp(join(tmpdir(), "veille-bench-static-")), ROUTES);

const browser = await launch(CHROMIUM);
const servers = [];
try {
  const deferredServer = await serveStatic(dist, 0, { compress: true });
  const eagerServer = await serveStatic(eager, 0, { compress: true });
  const staticServer = await serveStatic(bare, 0, { compress: true });
  servers.push(deferredServer, eagerServer, staticServer);
  for (const route of ROUTES) {
    const deferred = [];
    const atOnce = [];
    const without = [];
    for (let i = 0; i < RUNS; i++) {
      deferred.push(await coldLoad(browser, `${deferredServer.url}${route}`, "html[data-app=ready]"));
      atOnce.push(await coldLoad(browser, `${eagerServer.url}${route}`, "html[data-islands=ready]"));
      without.push(await coldLoad(browser, `${staticServer.url}${route}`, null));
    }
    const col = (rows, key, unit) => stat(rows.map((r) => r[key]), unit);
    const ratio = (rows, key) => (median(rows.map((r) => r[key])) / median(without.map((r) => r[key]))).toFixed(2);
    console.log(
      `\n${route} cold, phone profile (CPU ×${PHONE.cpu}, ${PHONE.latency} ms RTT, 1.6 Mbit/s), ${RUNS} runs: median (min–max); ratios to the static page\n`,
    );
    console.log(`${"".padEnd(30)} ${"deferred (as built)".padEnd(24)} ${"eager".padEnd(24)} ${"static HTML only".padEnd(24)} ratios`);
    const line = (label, key, unit = "ms", withRatio = true) =>
      console.log(
        `${label.padEnd(30)} ${col(deferred, key, unit).padEnd(24)} ${col(atOnce, key, unit).padEnd(24)} ${(withRatio ? col(without, key, unit) : "—").padEnd(24)} ${withRatio ? `${ratio(deferred, key)} / ${ratio(atOnce, key)}` : ""}`,
      );
    line("bytes on the wire (at load)", "bytes", "B");
    line("requests (at load)", "requests", "");
    line("first contentful paint", "fcp");
    line("largest contentful paint", "lcp");
    line("h1 visible", "h1");
    line("page live (navigation.js)", "ready", "ms", false);
    line("islands live", "islands", "ms", false);
    console.log(`${"box alive after it is seen".padEnd(30)} ${stat(deferred.map((r) => r.box)).padEnd(24)} ${"(at load)".padEnd(24)}`);
  }
  const cold = [];
  const hovered = [];
  for (let i = 0; i < RUNS; i++) {
    cold.push(await navigation(browser, `${deferredServer.url}${ARTICLE}`, false));
    hovered.push(await navigation(browser, `${deferredServer.url}${ARTICLE}`, true));
  }
  console.log(`\nClient-side navigation to another article, click to h1 shown: ${stat(cold)} cold, ${stat(hovered)} after a hover (prefetched)`);
} finally {
  await browser.close();
  for (const s of servers) await s.close();
  await rm(bare, { recursive: true, force: true });
  await rm(eager, { recursive: true, force: true });
}
