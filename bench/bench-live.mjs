// Benchmark (prints figures, asserts nothing): the home page rendered in the browser from a
// WordPress read live (`veille-content-kind=wordpress`) against the same content from Veille's
// own API (`/api`), in the same run, runs alternating. The test WordPress (tests/e2e/wordpress.mjs,
// its 25 posts) is imported, the site built both ways from that import, and the app's shell
// (`spa.html`, what a host serves for an address with no file) loaded at `/` on the phone
// profile: content requests, their bytes on the wire, and the time to the first card.
//
// Usage (./dev.sh bench-live does all of it): node bench-live.mjs [RUNS]

import { execFileSync } from "node:child_process";
import { copyFile, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { siteFromContent } from "../tests/e2e/archive.mjs";
import { CHROMIUM, launch } from "../tools/chromium.mjs";
import { liveSite } from "../tests/e2e/live.mjs";
import { TOOLS } from "../tests/e2e/paths.mjs";
import { PHONE, phonePage } from "../tests/e2e/phone.mjs";
import { serveStatic } from "../tests/e2e/static-server.mjs";
import { median } from "./stats.mjs";
import { startWordPress } from "../tests/e2e/wordpress.mjs";

const RUNS = Number(process.argv[2] ?? 5);
const stat = (xs) => `${median(xs).toFixed(0)} ms (${Math.min(...xs).toFixed(0)}–${Math.max(...xs).toFixed(0)})`;

/** One cold load of the shell at `url`; `isContent(url)` tells a content request. */
async function load(browser, url, isContent) {
  const { context, page, wire } = await phonePage(browser);
  await page.goto(url, { timeout: 120000 });
  await page.locator("main .card__title").first().waitFor({ timeout: 120000 });
  const firstCard = await page.evaluate(() => performance.now());
  await page.waitForTimeout(300);
  const content = wire.responses.filter((r) => r.url && isContent(r.url));
  await context.close();
  return { firstCard, requests: content.length, bytes: content.reduce((sum, r) => sum + r.bytes, 0) };
}

const work = await mkdtemp(join(tmpdir(), "veille-bench-live-"));
const wordpress = await startWordPress();
const browser = await launch(CHROMIUM);
try {
  const content = join(work, "contenu");
  execFileSync(join(TOOLS, "veille-content"), ["import", "wordpress", wordpress.url, content, "--images", "cms"], { stdio: "ignore" });
  const sites = {
    "WordPress, live": await liveSite(content, join(work, "wordpress"), { kind: "wordpress", url: wordpress.url }),
    "Veille's API (/api)": await siteFromContent(content, join(work, "api"), "api", { everyPage: true }),
  };
  const served = {};
  for (const [name, dir] of Object.entries(sites)) {
    // The shell at `/`: the prerendered home would ask nothing of anyone.
    await copyFile(join(dir, "spa.html"), join(dir, "index.html"));
    served[name] = await serveStatic(dir, 0, { compress: true });
  }
  const isContent = {
    // Its answers, not the cover images it serves.
    "WordPress, live": (u) => (u.startsWith(wordpress.url) && !u.includes("/wp-content/")) || new URL(u).pathname.startsWith("/api/"),
    "Veille's API (/api)": (u) => new URL(u).pathname.startsWith("/api/"),
  };
  const runs = Object.fromEntries(Object.keys(sites).map((name) => [name, []]));
  for (let i = 0; i < RUNS; i++) {
    for (const name of Object.keys(sites)) runs[name].push(await load(browser, `${served[name].url}/`, isContent[name]));
  }
  for (const server of Object.values(served)) await server.close();

  console.log(
    `\nHome page rendered in the browser (the shell at /), phone profile (CPU ×${PHONE.cpu}, ${PHONE.latency} ms RTT, 1.6 Mbit/s), ${RUNS} runs each, alternating: median (min–max)\n`,
  );
  console.log("| content from | content requests | content bytes on the wire | first card visible |");
  console.log("|---|---:|---:|---:|");
  for (const [name, rs] of Object.entries(runs)) {
    const last = rs.at(-1);
    console.log(`| ${name} | ${last.requests} | ${last.bytes.toLocaleString("fr-FR")} | ${stat(rs.map((r) => r.firstCard))} |`);
  }
} finally {
  await browser.close();
  await wordpress.stop();
  await rm(work, { recursive: true, force: true });
}
