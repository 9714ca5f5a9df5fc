// Benchmark (prints figures, asserts nothing): a newsroom's own content. The test WordPress
// (tests/e2e/wordpress.mjs, with its camera photo) imported and built as docs/cms.md says
// (`veille-content import wordpress`, then the build of that content, pages reading `/api`), and
// in the same run the same posts served by WordPress itself with its default theme, Twenty
// Twenty-Three (Debian's wordpress-theme-twentytwentythree), Veille's pages with their scripts
// removed, and Veille built with WordPress' own image sizes instead of its copies. For the photo article and the home page: Lighthouse's mobile audit
// (performance and accessibility) with both throttling methods, medians of RUNS runs (each
// score the lowest): bytes, requests, paints, blocking time, layout shift.
//
// Veille's pages are served compressed from 127.0.0.1 as a CDN would; WordPress' by PHP's
// built-in server, as WordPress answers them (uncompressed); the photo files come from that same
// WordPress for both.
//
// Usage (./dev.sh bench-cms does all of it, and ./dev.sh bench ends with it):
//   LIGHTHOUSE=…/node_modules/.bin/lighthouse node bench-cms.mjs [RUNS]

import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { siteFromContent } from "../tests/e2e/archive.mjs";
import { audit, lighthouseCommand, ms, summary } from "./lighthouse.mjs";
import { TOOLS } from "../tests/e2e/paths.mjs";
import { serveStatic } from "../tests/e2e/static-server.mjs";
import { staticTwin } from "./twin.mjs";
import { startWordPress } from "../tests/e2e/wordpress.mjs";
import { articlePath } from "../tests/e2e/routes.mjs";

const LIGHTHOUSE = lighthouseCommand("bench-cms");
const RUNS = Number(process.argv[2] ?? process.env.LIGHTHOUSE_RUNS ?? "3");
const METHODS = ["simulate", "devtools"];
const PAGES = [
  { name: "article (camera photo)", veille: articlePath("vision-et-photographie"), wordpress: "/vision-et-photographie/" },
  { name: "home", veille: "/", wordpress: "/" },
];

const work = await mkdtemp(join(tmpdir(), "veille-bench-cms-"));
const wordpress = await startWordPress();
let servers = [];
try {
  wordpress.php("switch_theme('twentytwentythree');");
  // Both ways of serving its images: the site's own AVIF copies (the default) and WordPress'
  // own sizes linked as they are (`--images cms`).
  const built = {};
  for (const images of ["local", "cms"]) {
    const content = join(work, `contenu-${images}`);
    execFileSync(join(TOOLS, "veille-content"), ["import", "wordpress", wordpress.url, content, "--images", images], { stdio: "ignore" });
    built[images] = await siteFromContent(content, join(work, `site-${images}`), "api", { everyPage: true });
  }
  const twin = await staticTwin(built.local, join(work, "twin"), PAGES.map((p) => p.veille));
  const local = await serveStatic(built.local, 0, { compress: true });
  const cms = await serveStatic(built.cms, 0, { compress: true });
  const bare = await serveStatic(twin, 0, { compress: true });
  servers = [local, cms, bare];
  const sides = {
    "Veille (its own AVIF copies)": (p) => `${local.url}${p.veille}`,
    "Veille, scripts removed": (p) => `${bare.url}${p.veille}`,
    "Veille (WordPress' sizes, --images cms)": (p) => `${cms.url}${p.veille}`,
    "WordPress, Twenty Twenty-Three": (p) => `${wordpress.url}${p.wordpress}`,
  };
  const kB = (b) => (b == null ? "—" : `${(b / 1000).toFixed(1)} kB`);
  console.log(`\nA site built from the test WordPress, its photo article and home, against WordPress' own theme.`);
  console.log(`Lighthouse 12, mobile (412 px, DPR 1.75, CPU ×4, 150 ms RTT, 1.6 Mbit/s), medians of ${RUNS} runs (scores: the lowest)\n`);
  console.log("| page | throttling | site | performance | accessibility | bytes | requests | FCP | LCP | TBT | CLS |");
  console.log("|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|");
  for (const page of PAGES) {
    for (const method of METHODS) {
      const runs = Object.fromEntries(Object.keys(sides).map((name) => [name, []]));
      // Alternated, so that a slower moment of the machine falls on all three alike.
      for (let i = 0; i < RUNS; i++) {
        for (const [name, url] of Object.entries(sides)) runs[name].push(await audit(LIGHTHOUSE, url(page), method, ["performance", "accessibility"]));
      }
      for (const [name, list] of Object.entries(runs)) {
        const m = summary(list);
        console.log(
          `| ${page.name} | ${method} | ${name} | **${m.score}** | ${m.a11y} | ${kB(m.bytes)} | ${m.requests} | ${ms(m.fcp)} | ${ms(m.lcp)} | ${ms(m.tbt)} | ${m.cls?.toFixed(3)} |`,
        );
      }
    }
  }
} finally {
  for (const server of servers) await server.close();
  await wordpress.stop();
  await rm(work, { recursive: true, force: true });
}
