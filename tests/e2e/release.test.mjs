// Smoke test of the release build: `dist/` as `./dev.sh build` made it (wasm-opt included,
// pages prerendered), served from 127.0.0.1 and opened in headless Chromium. A wasm-opt that
// breaks the app builds without complaint and leaves a dead page: this is the test that catches
// it, by waiting for the app to run (`<html data-app="ready">`), not just for text.
//
// Run by `./dev.sh test` after the build; alone: `node --test tests/e2e/`.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { appReady, headingOf, islandsReady, openPage, servedBuild } from "./browser.mjs";
import { editFile, servingCopy, setMeta } from "./static-server.mjs";
import { DIST, ROOT } from "./paths.mjs";
import { articlePath, tagPath } from "./routes.mjs";

const readJson = async (path) => JSON.parse(await readFile(join(ROOT, path), "utf8"));
const site = await readJson("public/api/site.json");
// The home's head (index/0.json), then the pages before it, from the newest down to page 1.
const firstPage = await readJson("public/api/index/0.json");
const articles = [...firstPage.items];
for (let n = firstPage.older ?? 0; n >= 1; n--) {
  articles.push(...(await readJson(`public/api/index/${n}.json`)).items);
}

// Chromium and the release build on a loopback server, for every test of this file.
const served = servedBuild(DIST);

test("la une s’affiche, sans erreur dans la console", async () => {
  const { page, problems } = await openPage(served.browser, `${served.server.url}/`);
  assert.ok(await appReady(page), "the app never started");
  assert.equal(await headingOf(page), "À la une");
  assert.equal(await page.title(), site.name);
  // The lead story and the other cards: the whole first page of the index.
  assert.equal(await page.locator(".card--lead").count(), 1);
  assert.equal(await page.locator(".card").count(), firstPage.items.length);
  assert.equal(await page.locator("html").getAttribute("lang"), "fr");
  assert.ok(await islandsReady(page), "the islands never came alive");
  assert.deepEqual(problems, []);
  await page.close();
});

test("un lien profond ouvre l’article demandé", async () => {
  for (const article of articles) {
    const { page, problems } = await openPage(served.browser, `${served.server.url}${articlePath(article.slug)}`);
    assert.ok(await appReady(page), article.slug);
    assert.equal(await headingOf(page), article.title, article.slug);
    assert.equal(await page.title(), `${article.title} — ${site.name}`);
    assert.ok(await islandsReady(page), `${article.slug}: the islands never came alive`);
    assert.deepEqual(problems, [], article.slug);
    await page.close();
  }
});

test("rien ne bouge une fois la page affichée (décalage cumulé < 0,1)", async () => {
  for (const path of ["/", articlePath(articles[0].slug), tagPath("sante")]) {
    const { page, problems } = await openPage(served.browser, `${served.server.url}${path}`);
    await headingOf(page);
    // Let images and late content arrive, then add up every layout shift the page made.
    await page.waitForTimeout(500);
    const shift = await page.evaluate(
      () =>
        new Promise((done) => {
          let total = 0;
          new PerformanceObserver((list) => {
            for (const entry of list.getEntries()) if (!entry.hadRecentInput) total += entry.value;
          }).observe({ type: "layout-shift", buffered: true });
          setTimeout(() => done(total), 100);
        }),
    );
    assert.ok(shift < 0.1, `${path}: cumulative layout shift ${shift.toFixed(3)}`);
    assert.deepEqual(problems, [], path);
    await page.close();
  }
});

test("à 320 px de large, aucune page ne défile horizontalement", async () => {
  const paths = ["/", articlePath(articles[0].slug), tagPath("sante"), "/a-propos", "/inconnue"];
  for (const path of paths) {
    const page = await served.browser.newPage({ viewport: { width: 320, height: 640 } });
    await page.goto(`${served.server.url}${path}`);
    await headingOf(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 320, `${path}: the page is ${width} px wide`);
    await page.close();
  }
});

test("une page d’article ne demande rien à aucune autre origine (ni traceur ni widget)", async () => {
  const page = await served.browser.newPage();
  const requested = [];
  page.on("request", (req) => requested.push(req.url()));
  await page.goto(`${served.server.url}${articlePath(articles[0].slug)}`);
  await headingOf(page);
  // Scroll to the end so lazy images and everything below the fold load too.
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await page.waitForTimeout(500);
  assert.ok(requested.length > 0);
  const foreign = requested.filter((url) => new URL(url).origin !== served.server.url);
  assert.deepEqual(foreign, []);
  assert.equal(await page.locator(".share").count(), 2);
  await page.close();
});

test("une adresse inconnue affiche la page 404 en français", async () => {
  const url = `${served.server.url}/rubrique/inexistante`;
  const { page, problems } = await openPage(served.browser, url);
  assert.ok(await appReady(page));
  assert.equal(await headingOf(page), "Page introuvable");
  // The page itself comes with the status 404, which Chromium also logs; nothing else failed.
  assert.deepEqual(
    problems.filter((p) => p !== `HTTP 404: ${url}` && !p.includes("404 (Not Found)")),
    [],
  );
  await page.close();
});

test("contrôle : un wasm cassé fait échouer la vérification", async () => {
  // The same site with both wasms truncated, as a broken optimiser would leave them.
  const truncate = async (broken) => {
    const wasms = (await readdir(broken)).filter((name) => name.endsWith(".wasm"));
    assert.equal(wasms.length, 2, `dist/ should hold the islands' wasm and the app's: ${wasms}`);
    for (const wasm of wasms) await writeFile(join(broken, wasm), (await readFile(join(broken, wasm))).subarray(0, 64));
  };
  await servingCopy(DIST, truncate, async (brokenServer) => {
    // A page of islands: its text is there, its widgets never come alive.
    const home = await openPage(served.browser, `${brokenServer.url}/`);
    assert.equal(await islandsReady(home.page, 3000), false);
    assert.notDeepEqual(home.problems, []);
    await home.page.close();
    // The full app (404.html): it never starts.
    const lost = await openPage(served.browser, `${brokenServer.url}/inconnue`);
    assert.equal(await appReady(lost.page, 3000), false);
    await lost.page.close();
  });
});

test("public/api/ sert aussi d’API de contenu statique, choisie à l’exécution", async () => {
  // The same build, with its runtime configuration switched to the API mode: no recompiling.
  const configure = (copy) =>
    editFile(join(copy, "index.html"), (html) => setMeta(html, "veille-content-api", "/api"));
  await servingCopy(DIST, configure, async (apiServer) => {
    const { page, problems } = await openPage(served.browser, `${apiServer.url}/`);
    const requested = [];
    page.on("request", (req) => requested.push(new URL(req.url()).pathname));
    assert.ok(await appReady(page));
    assert.equal(await headingOf(page), "À la une");
    const article = articles[0];
    await page.locator(`.card__title a[href="${articlePath(article.slug)}"]`).click();
    await page.waitForFunction((title) => document.querySelector("main h1")?.textContent === title, article.title);
    assert.ok(requested.includes(`/api/articles/${article.slug}.json`), requested.join(", "));
    assert.deepEqual(problems, []);
    await page.close();
  });
});
