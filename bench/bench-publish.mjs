// Benchmark (prints figures, asserts nothing): publishing from a large WordPress and a large
// Ghost with `veille-content watch` (crates/build/src/publish.rs). Each CMS real, on 127.0.0.1, with SCALE
// more posts (default 10,000; tests/e2e/wordpress.mjs, tests/e2e/ghost.mjs), imported and built
// once; the watcher running against the built site, notified by the CMS (WordPress: the
// mu-plugin tools/wordpress/veille-publication.php; Ghost: its signed webhooks), a static server
// answering the site's addresses. Then N publishes, N edits of a title and N unpublishes (default
// 20 each), each timed from the editor's save (the PHP call or the Admin API request that saves
// the post) to the static server answering the article's address with the new og:title (or
// 404): p50, p95, files written per change, the watcher's peak memory. Next to them, in the same
// run: a full rebuild of the same content (the import, then the prerender of every page, as
// `./dev.sh build` runs it, without its trunk builds) and Hugo building a synthetic archive of
// the same size (as bench-scale.mjs). POLL_SAMPLES (default 3) publishes caught by the timed
// round alone (`--poll 30`, no notification).
//
// `./dev.sh bench-publish` builds the site and the tools and runs it; alone, once built:
// `SCALE=2000 N=5 CMS=ghost node bench/bench-publish.mjs` (CMS: wordpress, ghost or both, the
// default; POSTS is another name for SCALE).

import { spawnSync } from "node:child_process";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startGhost } from "../tests/e2e/ghost.mjs";
import { ISLANDS, TOOLS } from "../tests/e2e/paths.mjs";
import { builtSite, servedArticle, startWatch } from "../tests/e2e/publish.mjs";
import { serveStatic } from "../tests/e2e/static-server.mjs";
import { startWordPress } from "../tests/e2e/wordpress.mjs";
import { median } from "./stats.mjs";

const SCALE = Number(process.env.SCALE ?? process.env.POSTS ?? 10000);
const N = Number(process.env.N ?? 20);
const POLL_SAMPLES = Number(process.env.POLL_SAMPLES ?? 3);
const KINDS = (process.env.CMS ?? "wordpress ghost").split(/[\s,]+/).filter(Boolean);
const SECRET = "banc-de-publication";
const now = () => process.hrtime.bigint();
const seconds = (since) => Number(now() - since) / 1e9;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

const CMS = {
  wordpress: { name: "WordPress", start: () => startWordPress({ extraPosts: SCALE }), args: (cms) => [cms.url], notice: "l’extension WordPress" },
  ghost: { name: "Ghost", start: () => startGhost({ extraPosts: SCALE }), args: (cms) => [cms.url, cms.key], notice: "les webhooks de Ghost" },
};
for (const kind of KINDS) if (!CMS[kind]) throw new Error(`CMS=« ${kind} » : wordpress ou ghost`);

/** Seconds until `done()` holds, checked every 20 ms; at most `limit` seconds. */
async function until(done, limit = 300) {
  const start = now();
  while (!(await done())) {
    if (seconds(start) > limit) throw new Error(`pas fait en ${limit} s`);
    await sleep(20);
  }
  return seconds(start);
}

/** One CMS: its publishes, edits and unpublishes timed, then its full rebuild. The article count. */
async function bench(kind) {
  const { name, start, args, notice } = CMS[kind];
  const seedStart = now();
  const cms = await start();
  console.log(`\n${name} on ${cms.url}, started and seeded in ${seconds(seedStart).toFixed(0)} s`);
  const work = await mkdtemp(join(tmpdir(), `veille-bench-publish-${kind}-`));
  const watchers = [];
  try {
    const content = join(work, "contenu");
    const buildStart = now();
    const site = await builtSite(kind, args(cms), content, join(work, "site"));
    const articles = (await readdir(join(content, "articles"))).length;
    console.log(`${articles} articles imported and built once in ${seconds(buildStart).toFixed(1)} s`);
    const server = await serveStatic(site);

    const watch = startWatch(kind, args(cms), content, site, ["--poll", "3600", "--listen", "127.0.0.1:0", "--secret", SECRET]);
    watchers.push(watch);
    const address = (await watch.waitFor(/à l’écoute des notifications sur (http:\/\/\S+)\//)).match(/(http:\/\/127\.0\.0\.1:\d+)/)[1];
    await watch.waitFor(/démarrage\u00a0— /, 1800);
    await cms.notify(address, SECRET);

    const written = [];
    const timed = async (label, change, served) => {
      const times = [];
      for (let i = 0; i < N; i++) {
        // Both CMSs date a change to the second (docs/cms.md): one change a second at most.
        await sleep(1100);
        const from = watch.lines.length;
        const begin = now();
        await change(i);
        await until(() => served(i));
        times.push(seconds(begin));
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
    console.log(`${N} changes of each kind, notified by ${notice}:`);
    await timed(
      "publish → page served with its og:title",
      (i) => cms.editor.publish(slug(i), `Banc n° ${i}`),
      async (i) => (await servedArticle(server.url, slug(i))).ogTitle === `Banc n° ${i}`,
    );
    await timed(
      "title edited → page served with the new title",
      (i) => cms.editor.retitle(slug(i), `Banc n° ${i}, corrigé`),
      async (i) => (await servedArticle(server.url, slug(i))).ogTitle === `Banc n° ${i}, corrigé`,
    );
    await timed(
      "unpublish → address answers 404",
      (i) => cms.editor.unpublish(slug(i)),
      async (i) => (await servedArticle(server.url, slug(i))).status === 404,
    );
    const status = await readFile(`/proc/${watch.child.pid}/status`, "utf8");
    const peak = Number(status.match(/VmHWM:\s+(\d+) kB/)[1]) / 1024;
    console.log(`watcher's peak memory: ${peak.toFixed(0)} MB`);
    await cms.notify(null);
    await watch.stop();

    // The timed round alone: nobody notifies.
    if (POLL_SAMPLES > 0) {
      const polled = startWatch(kind, args(cms), content, site, ["--poll", "30"]);
      watchers.push(polled);
      await polled.waitFor(/démarrage\u00a0— /, 600);
      const times = [];
      const requests = [];
      for (let i = 0; i < POLL_SAMPLES; i++) {
        await sleep(1100 + Math.random() * 10_000);
        const from = polled.lines.length;
        const begin = now();
        await cms.editor.publish(`sonde-${i}`, `Sondé n° ${i}`);
        await until(async () => (await servedArticle(server.url, `sonde-${i}`)).status === 200, 120);
        times.push(seconds(begin));
        const line = await polled.waitFor(/tour régulier\u00a0— publié\u00a0: .*requêtes au CMS/, 60, from);
        requests.push(line.match(/(\d+)\u00a0requêtes au CMS/)[1]);
      }
      console.log(
        `publish → page served, timed round every 30 s, no notification: ${times.map((t) => t.toFixed(1)).join(", ")} s (requests to the CMS of the round that published: ${requests.join(", ")})`,
      );
      await polled.stop();
    }
    await server.close();

    // The reference, on the same content in the same run.
    const rebuildStart = now();
    const imported = spawnSync(join(TOOLS, "veille-content"), ["import", kind, ...args(cms), content, "--base-url", "https://veille-ia.example", "--images", "cms"], {
      encoding: "utf8",
    });
    if (imported.status !== 0) throw new Error(imported.stderr);
    const importSeconds = seconds(rebuildStart);
    const prerenderStart = now();
    const rendered = spawnSync(join(TOOLS, "veille-prerender"), ["--content", content, "--api", "/api", "--islands", ISLANDS, site], { encoding: "utf8" });
    if (rendered.status !== 0) throw new Error(rendered.stderr);
    console.log(
      `full rebuild (import ${importSeconds.toFixed(2)} s + prerender of every page ${seconds(prerenderStart).toFixed(2)} s, ` +
        `without ./dev.sh build's trunk builds and search index): ${seconds(rebuildStart).toFixed(2)} s — ${rendered.stdout.trim()}`,
    );
    return articles;
  } finally {
    for (const w of watchers) await w.stop();
    await rm(work, { recursive: true, force: true });
    await cms.stop();
  }
}

let articles = SCALE;
for (const kind of KINDS) articles = await bench(kind);

// Hugo, once, on an archive of the same size.
const hugo = spawnSync("hugo", ["version"], { encoding: "utf8" });
if (hugo.status === 0) {
  const work = await mkdtemp(join(tmpdir(), "veille-bench-publish-hugo-"));
  try {
    spawnSync(join(TOOLS, "veille-content"), ["hugo", String(articles), join(work, "site"), "7"], { encoding: "utf8" });
    const hugoStart = now();
    const built = spawnSync("hugo", ["--quiet", "-d", join(work, "out")], { cwd: join(work, "site"), encoding: "utf8" });
    console.log(`\nHugo (${hugo.stdout.split(" ")[1]}) building a synthetic archive of ${articles} articles: ${seconds(hugoStart).toFixed(2)} s${built.status === 0 ? "" : " (failed)"}`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
} else {
  console.log("\nHugo is not installed: no comparison with Hugo.");
}
