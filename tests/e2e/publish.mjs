// What the WordPress and Ghost tests check alike of `veille-content sync` and `watch`
// (crates/build/src/publish.rs): a site built once from an import, then kept current without any build — a
// post published, retitled, unpublished, deleted in the real CMS, and each seen in the page, the
// lists, the feed, the sitemap and the site's API as a static server serves them; every link of
// every page leading to a file; a CMS down leaving the site as it was.

import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { siteFromContent } from "./archive.mjs";
import { BASE, runImport } from "./imports.mjs";
import { launch, openPage } from "./browser.mjs";
import { ROOT, TOOLS } from "./paths.mjs";
import { articlePath } from "./routes.mjs";
import { searchAnswer } from "./search-page.mjs";
import { serveStatic } from "./static-server.mjs";

/** `veille-content sync KIND …cmsArgs CONTENT SITE …extra`, run to its end. */
export function runSync(kind, cmsArgs, content, site, extra = []) {
  return spawnSync(join(TOOLS, "veille-content"), ["sync", kind, ...cmsArgs, content, site, "--base-url", BASE, "--images", "cms", ...extra], {
    encoding: "utf8",
  });
}

/** `veille-content watch …` started: its log lines as they come (`lines`), `waitFor(re)`, `stop()`. */
export function startWatch(kind, cmsArgs, content, site, extra = []) {
  const child = spawn(join(TOOLS, "veille-content"), ["watch", kind, ...cmsArgs, content, site, "--base-url", BASE, "--images", "cms", ...extra]);
  const lines = [];
  const waiting = new Set();
  const read = (chunk) => {
    for (const line of chunk.toString("utf8").split("\n").filter(Boolean)) {
      lines.push(line);
      for (const waiter of waiting) waiter();
    }
  };
  child.stdout.on("data", read);
  child.stderr.on("data", read);
  const waitFor = (pattern, seconds = 30, from = 0) =>
    new Promise((resolve, reject) => {
      const check = () => {
        const found = lines.slice(from).find((l) => pattern.test(l));
        if (found) {
          waiting.delete(check);
          clearTimeout(timer);
          resolve(found);
        }
      };
      const timer = setTimeout(() => {
        waiting.delete(check);
        reject(new Error(`watch : rien de tel que ${pattern} après ${seconds} s\n${lines.join("\n")}`));
      }, seconds * 1000);
      waiting.add(check);
      check();
    });
  // Stopped once or twice (a test's end, then its `finally`): a process killed by a signal
  // keeps `exitCode` null, and says so in `signalCode`.
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    }
  };
  return { child, lines, waitFor, stop };
}

/** The site built from a first import of the CMS into `content`, as `VEILLE_CONTENT=… ./dev.sh build` builds it. */
export async function builtSite(kind, cmsArgs, content, site) {
  const imported = runImport(kind, [...cmsArgs, "--images", "cms"], content);
  assert.equal(imported.status, 0, imported.stderr);
  await siteFromContent(content, site, "api", { everyPage: true });
  // Its own search index, as ./dev.sh build makes it (not the sample's, copied with the build).
  const records = `${site}-recherche.json`;
  for (const [command, args] of [
    [join(TOOLS, "veille-content"), ["search", records, content]],
    ["node", [join(ROOT, "tools", "build", "search-index.mjs"), records, site]],
  ]) {
    const run = spawnSync(command, args, { encoding: "utf8" });
    assert.equal(run.status, 0, `${command}: ${run.stderr}`);
  }
  return site;
}

/**
 * Every `<a href>` that leads to no file, on the pages a reader or a crawler can reach from the
 * home page of the site in `dir` (a page written but not yet linked from anywhere is not one).
 */
export async function brokenLinks(dir) {
  const broken = [];
  const fileOf = async (path) => {
    for (const file of [join(dir, path), join(dir, path, "index.html")]) {
      const found = await readFile(file, "utf8").then((text) => ({ file, text }), () => null);
      if (found) return found;
    }
    return null;
  };
  const seen = new Set(["/"]);
  const queue = ["/"];
  while (queue.length) {
    const path = queue.shift();
    const page = await fileOf(decodeURIComponent(path));
    if (!page || !page.file.endsWith(".html")) continue;
    for (const [, href] of page.text.matchAll(/<a\b[^>]*?\shref="?(\/[^"\s>#?]*)/g)) {
      if (href.startsWith("//") || href === "/recherche" || seen.has(href)) continue;
      seen.add(href);
      if (await fileOf(decodeURIComponent(href))) queue.push(href);
      else broken.push(`${path} → ${href}`);
    }
  }
  return broken;
}

/** What a reader, a crawler and a previewer get of `slug` from the served site. */
export async function servedArticle(url, slug) {
  const response = await fetch(`${url}${articlePath(slug)}`);
  const html = await response.text();
  const title = html.match(/<meta (?:content="([^"]*)" property="og:title"|property="?og:title"? content="([^"]*)")/);
  return { status: response.status, ogTitle: title && (title[1] ?? title[2]) };
}

const text = async (url) => (await fetch(url)).text();

/**
 * The whole life of a post, the site kept current by `sync` alone (no build): `editor` is the
 * CMS's back office — `publish(slug, title)`, `retitle(slug, title)`, `unpublish(slug)`,
 * `remove(slug)`, each as an editor does it. The search page, in Chromium, finds what the
 * index of the build did not hold, and never what is gone or changed since.
 */
export async function keepsCurrent(kind, cmsArgs, work, editor) {
  const content = join(work, "contenu-publication");
  const site = await builtSite(kind, cmsArgs, content, join(work, "site-publication"));
  const server = await serveStatic(site);
  const browser = await launch();
  /** The addresses the search page lists for `words`, and the problems it met. */
  const searched = async (words) => {
    const { page, problems } = await openPage(browser, `${server.url}/recherche?q=${encodeURIComponent(words)}`);
    const { urls, status } = await searchAnswer(page);
    await page.close();
    assert.deepEqual(problems, [], words);
    return { urls, status };
  };
  const sync = (...extra) => {
    const run = runSync(kind, cmsArgs, content, site, extra);
    assert.equal(run.status, 0, `${run.stdout}${run.stderr}`);
    return run.stdout;
  };
  try {
    // Right after the build: nothing new, nothing to write but what the build left to do.
    sync();
    assert.match(sync(), /à jour\u00a0: \d+ articles, rien de nouveau/);

    const slug = "publie-sans-construire";
    // Both CMSs date a change to the second (docs/cms.md): the editor comes a second later.
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1100));
    await pause();
    await editor.publish(slug, "Publié sans construire");
    assert.equal((await servedArticle(server.url, slug)).status, 404);
    // The deploy hook gets what was written: the new page among them.
    const deployed = join(work, `deploiement-${kind}.txt`);
    const line = sync("--deploy", `cp "$VEILLE_ECRITS" "${deployed}"`);
    assert.match(line, /publié\u00a0: 1 lus, 0 retirés/);
    assert.ok((await readFile(deployed, "utf8")).split("\n").includes(`article/${slug}/index.html`));
    assert.deepEqual(await servedArticle(server.url, slug), { status: 200, ogTitle: "Publié sans construire" });
    assert.match(await text(`${server.url}/`), /Publié sans construire/);
    assert.match(await text(`${server.url}/feed.xml`), /Publié sans construire/);
    assert.match(await text(`${server.url}/sitemap.xml`), new RegExp(`${BASE}${articlePath(slug)}<`));
    // Published just now: in the news sitemap of the last two days, with its title.
    const news = await text(`${server.url}/sitemap-news.xml`);
    assert.match(news, new RegExp(`<loc>${BASE}${articlePath(slug)}</loc><news:news>.*<news:title>Publié sans construire</news:title>`));
    assert.equal(JSON.parse(await text(`${server.url}/api/index/0.json`)).items[0].slug, slug);
    assert.deepEqual(await brokenLinks(site), []);
    // Found by the search page, though the build's index never held it; once, and counted.
    const found = await searched("construire");
    assert.deepEqual(found.urls, [articlePath(slug)], found.status);
    assert.match(found.status, /^1[\s\u00a0\u202f]résultat pour/);

    await pause();
    await editor.retitle(slug, "Publié, puis corrigé");
    // The deploy hook fails: the site is current, the round says so and fails for cron; the
    // next round hands the hook the same files, though nothing changed since.
    const failed = runSync(kind, cmsArgs, content, site, ["--deploy", "false"]);
    assert.notEqual(failed.status, 0);
    assert.match(failed.stderr, /déploiement\u00a0: « false » a échoué/);
    assert.equal((await servedArticle(server.url, slug)).ogTitle, "Publié, puis corrigé");
    assert.match(sync("--deploy", `cp "$VEILLE_ECRITS" "${deployed}"`), /publié\u00a0: 0 lus, 0 retirés\u00a0; 0 fichiers écrits/);
    assert.ok((await readFile(deployed, "utf8")).split("\n").includes(`article/${slug}/index.html`));
    assert.match(sync(), /à jour/);
    assert.match(await text(`${server.url}/feed.xml`), /Publié, puis corrigé/);
    assert.ok((await searched("corrigé")).urls.includes(articlePath(slug)));
    // An article of the build retitled: found by its new words; its old ones, which the
    // index still holds, find it no more.
    const built = "hopitaux-et-donnees";
    assert.ok((await searched("face")).urls.includes(articlePath(built)));
    await editor.retitle(built, "Les données des hôpitaux");
    sync();
    assert.ok(!(await searched("face")).urls.includes(articlePath(built)));
    assert.ok((await searched("données des hôpitaux")).urls.includes(articlePath(built)));

    await pause();
    await editor.unpublish(slug);
    assert.match(sync(), /publié\u00a0: 0 lus, 1 retirés/);
    assert.equal((await servedArticle(server.url, slug)).status, 404);
    for (const file of ["/", "/feed.xml", "/sitemap.xml", "/sitemap-news.xml", "/api/index/0.json"]) {
      assert.doesNotMatch(await text(`${server.url}${file}`), new RegExp(slug), file);
    }
    assert.equal((await fetch(`${server.url}/api/articles/${slug}.json`)).status, 404);
    assert.deepEqual(await brokenLinks(site), []);
    assert.deepEqual((await searched("construire")).urls, []);

    // Published again, then deleted for good.
    await pause();
    await editor.publish(`${slug}-bis`, "Publié une seconde fois");
    sync();
    assert.equal((await servedArticle(server.url, `${slug}-bis`)).status, 200);
    await pause();
    await editor.remove(`${slug}-bis`);
    assert.match(sync(), /publié\u00a0: 0 lus, 1 retirés/);
    assert.equal((await servedArticle(server.url, `${slug}-bis`)).status, 404);
    assert.deepEqual(await brokenLinks(site), []);

    // The CMS out of reach: said in French, the site as it was, and a failure status for cron.
    const before = await text(`${server.url}/`);
    const down = runSync(kind, ["http://127.0.0.1:9", ...cmsArgs.slice(1)], content, site);
    assert.notEqual(down.status, 0);
    assert.match(down.stderr, /veille-content\u00a0?: import\u00a0: /);
    assert.equal(await text(`${server.url}/`), before);
    await editor.retitle(built, "Santé : les hôpitaux face aux données");
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * `kill -9` at any moment of a round leaves a site whose every link leads to a file, and the
 * next round finishes the work: three posts published, a round killed again and again a little
 * later each time (in the import, in the pages, in the API), checked after each; then a round
 * to its end.
 */
export async function survivesKill(kind, cmsArgs, work, editor) {
  const content = join(work, "contenu-interrompu");
  const site = await builtSite(kind, cmsArgs, content, join(work, "site-interrompu"));
  const sync = () => runSync(kind, cmsArgs, content, site);
  assert.equal(sync().status, 0);
  await new Promise((resolve) => setTimeout(resolve, 1100));
  const slugs = ["interrompu-un", "interrompu-deux", "interrompu-trois"];
  for (const slug of slugs) await editor.publish(slug, `Publié malgré un arrêt : ${slug}`);
  let killed = 0;
  // Every 15 ms of a round's life, from its start: the first rounds are killed in their work
  // (a small site's round takes a tenth of a second), the later ones find it done.
  for (let delay = 2; delay <= 600; delay += 15) {
    const child = spawn(join(TOOLS, "veille-content"), ["sync", kind, ...cmsArgs, content, site, "--base-url", BASE, "--images", "cms"], { stdio: "ignore" });
    const exited = new Promise((resolve) => child.once("exit", (code, signal) => resolve(signal)));
    await new Promise((resolve) => setTimeout(resolve, delay));
    child.kill("SIGKILL");
    if ((await exited) === "SIGKILL") killed++;
    assert.deepEqual(await brokenLinks(site), [], `after a kill at ${delay} ms`);
  }
  assert.ok(killed >= 3, `only ${killed} rounds were still running when killed`);
  console.log(`# ${killed} tours tués en cours de route`);
  const last = sync();
  assert.equal(last.status, 0, last.stderr);
  const server = await serveStatic(site);
  try {
    for (const slug of slugs) assert.equal((await servedArticle(server.url, slug)).status, 200, slug);
    assert.deepEqual(await brokenLinks(site), []);
    const leftovers = (await readdir(site, { recursive: true })).filter((f) => f.includes(".veille-"));
    assert.deepEqual(leftovers, []);
  } finally {
    await server.close();
  }
  for (const slug of slugs) await editor.remove(slug);
}
