// Benchmark (prints figures, asserts nothing): publishing from a large WordPress with
// `veille-content watch` (src/publish.rs). A real WordPress on 127.0.0.1 with POSTS more posts
// (default 10,000; tests/e2e/wordpress.mjs), imported and built once; the watcher running
// against the built site, notified by the mu-plugin (tools/wordpress/veille-publication.php),
// a static server answering the site's addresses. Then N publishes, N edits of a title and N
// unpublishes (default 20 each), each timed from the editor's save (the PHP call that saves the
// post) to the static server answering the article's address with the new og:title (or 404):
// p50, p95, files written per change, the watcher's peak memory. Next to them, in the same
// run: a full rebuild of the same content (the import, then the prerender of every page, as
// `./dev.sh build` runs it, without its trunk builds) and Hugo building a synthetic archive of
// the same size (as bench-scale.mjs). POLL_SAMPLES (default 3) publishes caught by the timed
// round alone (`--poll 30`, no notification).
//
// `./dev.sh bench-publish` builds the site and the tools and runs it; alone, once built:
// `POSTS=2000 N=5 node bench/bench-publish.mjs`.

import { spawnSync } from "node:child_process";
import { copyFile, mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { ISLANDS, ROOT, TOOLS } from "../tests/e2e/paths.mjs";
import { builtSite, servedArticle, startWatch } from "../tests/e2e/publish.mjs";
import { serveStatic } from "../tests/e2e/static-server.mjs";
import { startWordPress } from "../tests/e2e/wordpress.mjs";
import { median } from "./stats.mjs";

const POSTS = Number(process.env.POSTS ?? 10000);
const N = Number(process.env.N ?? 20);
const POLL_SAMPLES = Number(process.env.POLL_SAMPLES ?? 3);
const SECRET = "banc-de-publication";
const now = () => process.hrtime.bigint();
const seconds = (since) => Number(now() - since) / 1e9;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

/** Seconds until `done()` holds, checked every 20 ms; at most `limit` seconds. */
async function until(done, limit = 300) {
  const start = now();
  while (!(await done())) {
    if (seconds(start) > limit) throw new Error(`pas fait en ${limit} s`);
    await sleep(20);
  }
  return seconds(start);
}

const seedStart = now();
const wordpress = await startWordPress({ extraPosts: POSTS });
console.log(`WordPress on ${wordpress.url}: ${POSTS + 25} posts, started and seeded in ${seconds(seedStart).toFixed(0)} s`);
const work = await mkdtemp(join(tmpdir(), "veille-bench-publish-"));
const watchers = [];
try {
  const content = join(work, "contenu");
  const buildStart = now();
  const site = await builtSite("wordpress", [wordpress.url], content, join(work, "site"));
  console.log(`imported and built once in ${seconds(buildStart).toFixed(1)} s\n`);
  const server = await serveStatic(site);
  const plugins = wordpress.php("echo WPMU_PLUGIN_DIR;").trim();
  wordpress.php(`wp_mkdir_p('${plugins}');`);
  await copyFile(join(ROOT, "tools", "wordpress", "veille-publication.php"), join(plugins, "veille-publication.php"));

  const watch = startWatch("wordpress", [wordpress.url], content, site, ["--poll", "3600", "--listen", "127.0.0.1:0", "--secret", SECRET]);
  watchers.push(watch);
  const address = (await watch.waitFor(/à l’écoute des notifications sur (http:\/\/\S+)\//)).match(/(http:\/\/127\.0\.0\.1:\d+)/)[1];
  await watch.waitFor(/démarrage\u00a0— /, 600);
  wordpress.php(`update_option('veille_publication_url', '${address}/wordpress'); update_option('veille_publication_secret', '${SECRET}');`);

  const id = (slug) => `get_page_by_path('${slug}', OBJECT, 'post')->ID`;
  const written = [];
  // From before the PHP call that saves the post (WordPress' own start included) to the page.
  const timedChange = async (i, change, served) => {
    const start = now();
    change(i);
    await until(() => served(i));
    return seconds(start);
  };
  const timed = async (label, change, served) => {
    const times = [];
    for (let i = 0; i < N; i++) {
      // Both CMSs date a change to the second (docs/cms.md): one change a second at most.
      await sleep(1100);
      const from = watch.lines.length;
      times.push(await timedChange(i, change, served));
      const line = await watch.waitFor(/publié\u00a0: .* (\d+) fichiers écrits, (\d+) supprimés/, 60, from);
      const [, w, d] = line.match(/(\d+) fichiers écrits, (\d+) supprimés/);
      written.push({ label, files: Number(w) + Number(d) });
    }
    const files = written.filter((x) => x.label === label).map((x) => x.files);
    console.log(
      `${label.padEnd(44)} p50 ${median(times).toFixed(2).padStart(6)} s   p95 ${p95(times).toFixed(2).padStart(6)} s   files written or removed: median ${median(files)}, max ${Math.max(...files)}`,
    );
  };
  const slug = (i) => `banc-${i}`;
  console.log(`${POSTS + 25} posts, ${N} changes of each kind, notified by the WordPress plugin:`);
  await timed(
    "publish → page served with its og:title",
    (i) => wordpress.php(`wp_insert_post(['post_title' => 'Banc n° ${i}', 'post_name' => '${slug(i)}', 'post_content' => '<p>Publié pour le banc.</p>', 'post_status' => 'publish', 'post_author' => 2]);`),
    async (i) => (await servedArticle(server.url, slug(i))).ogTitle === `Banc n° ${i}`,
  );
  await timed(
    "title edited → page served with the new title",
    (i) => wordpress.php(`wp_update_post(['ID' => ${id(slug(i))}, 'post_title' => 'Banc n° ${i}, corrigé']);`),
    async (i) => (await servedArticle(server.url, slug(i))).ogTitle === `Banc n° ${i}, corrigé`,
  );
  await timed(
    "unpublish → address answers 404",
    (i) => wordpress.php(`wp_update_post(['ID' => ${id(slug(i))}, 'post_status' => 'draft']);`),
    async (i) => (await servedArticle(server.url, slug(i))).status === 404,
  );
  const status = await readFile(`/proc/${watch.child.pid}/status`, "utf8");
  const peak = Number(status.match(/VmHWM:\s+(\d+) kB/)[1]) / 1024;
  console.log(`watcher's peak memory: ${peak.toFixed(0)} MB`);
  await watch.stop();

  // The timed round alone: nobody notifies.
  if (POLL_SAMPLES > 0) {
    wordpress.php("delete_option('veille_publication_url');");
    const polled = startWatch("wordpress", [wordpress.url], content, site, ["--poll", "30"]);
    watchers.push(polled);
    await polled.waitFor(/démarrage\u00a0— /, 600);
    const times = [];
    for (let i = 0; i < POLL_SAMPLES; i++) {
      await sleep(1100 + Math.random() * 10_000);
      const start = now();
      wordpress.php(`wp_insert_post(['post_title' => 'Sondé n° ${i}', 'post_name' => 'sonde-${i}', 'post_content' => '<p>Publié pour le banc.</p>', 'post_status' => 'publish', 'post_author' => 2]);`);
      await until(async () => (await servedArticle(server.url, `sonde-${i}`)).status === 200, 120);
      times.push(seconds(start));
    }
    console.log(`publish → page served, timed round every 30 s, no notification: ${times.map((t) => t.toFixed(1)).join(", ")} s`);
    await polled.stop();
  }
  await server.close();

  // The references, on the same content in the same run.
  console.log("\nreferences, the same content:");
  const rebuildStart = now();
  const imported = spawnSync(join(TOOLS, "veille-content"), ["import", "wordpress", wordpress.url, content, "--base-url", "https://veille-ia.example", "--images", "cms"], { encoding: "utf8" });
  if (imported.status !== 0) throw new Error(imported.stderr);
  const importSeconds = seconds(rebuildStart);
  const prerenderStart = now();
  const rendered = spawnSync(join(TOOLS, "veille-prerender"), ["--content", content, "--api", "/api", "--islands", ISLANDS, site], { encoding: "utf8" });
  if (rendered.status !== 0) throw new Error(rendered.stderr);
  console.log(
    `full rebuild (import ${importSeconds.toFixed(2)} s + prerender of every page ${seconds(prerenderStart).toFixed(2)} s, ` +
      `without ./dev.sh build's trunk builds and search index): ${seconds(rebuildStart).toFixed(2)} s — ${rendered.stdout.trim()}`,
  );
  const hugo = spawnSync("hugo", ["version"], { encoding: "utf8" });
  if (hugo.status === 0) {
    const hugoSite = join(work, "hugo");
    spawnSync(join(TOOLS, "veille-content"), ["hugo", String(POSTS + 25), hugoSite, "7"], { encoding: "utf8" });
    const hugoStart = now();
    const built = spawnSync("hugo", ["--quiet", "-d", join(work, "hugo-out")], { cwd: hugoSite, encoding: "utf8" });
    console.log(`Hugo (${hugo.stdout.split(" ")[1]}) building a synthetic archive of ${POSTS + 25} articles: ${seconds(hugoStart).toFixed(2)} s${built.status === 0 ? "" : " (failed)"}`);
  } else {
    console.log("Hugo is not installed: no comparison with Hugo.");
  }
} finally {
  for (const w of watchers) await w.stop();
  await rm(work, { recursive: true, force: true });
  wordpress.php("delete_option('veille_publication_url');");
  await wordpress.stop();
}
