// Benchmark (prints figures, asserts nothing): Lighthouse's mobile performance audit of one page
// of each shape (article, home, tag, about) of the release build, with both of its throttling
// methods (`simulate`, the default, and `devtools`), medians of three runs, side by side with the
// same page with its scripts removed (bench/twin.mjs), in the same run. Both served
// compressed from 127.0.0.1.
//
// Usage (./dev.sh bench runs it last, with the pinned Lighthouse it installs outside the clone):
//   LIGHTHOUSE=…/node_modules/.bin/lighthouse node bench-lighthouse.mjs [DIST]

import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { audit, lighthouseCommand, ms as s, summary } from "./lighthouse.mjs";
import { ROOT } from "../tests/e2e/paths.mjs";
import { oneOfEach } from "../tests/e2e/routes.mjs";
import { serveStatic } from "../tests/e2e/static-server.mjs";
import { staticTwin } from "./twin.mjs";

const [dist = join(ROOT, "dist")] = process.argv.slice(2);
const LIGHTHOUSE = lighthouseCommand("bench-lighthouse");
// LIGHTHOUSE_KINDS and LIGHTHOUSE_METHODS (comma-separated) narrow a run to what a change is about.
const listOf = (name, all) => (process.env[name] ? process.env[name].split(",") : all);
const KINDS = listOf("LIGHTHOUSE_KINDS", ["article", "home", "tag", "about"]);
// Lighthouse moves by ±50 ms from one run to the next: each figure is the median of RUNS runs
// (LIGHTHOUSE_RUNS, 3 by default), the score the lowest of them.
const RUNS = Number(process.env.LIGHTHOUSE_RUNS ?? "3");
const METHODS = listOf("LIGHTHOUSE_METHODS", ["simulate", "devtools"]);

/** RUNS audits of the page and of its static twin, alternated; medians, and the lowest score. */
async function medianOf(appUrl, staticUrl, method) {
  const app = [];
  const bare = [];
  for (let i = 0; i < RUNS; i++) {
    app.push(await audit(LIGHTHOUSE, appUrl, method));
    bare.push(await audit(LIGHTHOUSE, staticUrl, method));
  }
  return { app: summary(app), static: summary(bare) };
}

const routes = oneOfEach(dist).filter((r) => KINDS.includes(r.kind));
const twinDir = await mkdtemp(join(tmpdir(), "veille-lighthouse-static-"));
const twin = await staticTwin(dist, twinDir, routes.map((r) => r.path));
const full = await serveStatic(dist, 0, { compress: true });
const bare = await serveStatic(twin, 0, { compress: true });
const rows = [];
try {
  for (const route of routes) {
    for (const method of METHODS) {
      rows.push({
        route: `${route.kind} ${route.path}`,
        method,
        ...(await medianOf(`${full.url}${route.path}`, `${bare.url}${route.path}`, method)),
      });
    }
  }
} finally {
  await full.close();
  await bare.close();
  await rm(twinDir, { recursive: true, force: true });
}

const cell = (m) => `**${m.score}** · TBT ${s(m.tbt)} · FCP ${s(m.fcp)} · LCP ${s(m.lcp)} · TTI ${s(m.tti)}`;
console.log(`\nLighthouse 12, mobile performance (its phone: CPU ×4, 150 ms RTT, 1.6 Mbit/s), medians of ${RUNS} runs (score: the lowest)\n`);
console.log("| page | throttling | Veille (page + app) | the same page, scripts removed | FCP, LCP ratio |");
console.log("|---|---|---|---|---|");
const ratio = (r, key) => (r.app[key] / r.static[key]).toFixed(2);
for (const r of rows) console.log(`| ${r.route} | ${r.method} | ${cell(r.app)} | ${cell(r.static)} | ${ratio(r, "fcp")}, ${ratio(r, "lcp")} |`);
