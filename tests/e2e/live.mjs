// What the WordPress and Ghost tests check alike of a site built from an import and set to read
// its CMS live in the browser (`veille-prerender --api URL --kind …`): its prerendered pages are
// pages of islands, navigated client-side as the build made them; an article published after the
// build shows at its address (through 404.html, the full app reading the CMS); and each way the
// CMS can fail is said in French, with « Réessayer » where it may help, which then works.
//
// The CMS is reached through `startRelay(target)`: a real HTTP server on 127.0.0.1 that passes
// every request on to the real CMS, or fails as told (`relay.mode = …`), as a CMS, its proxy or
// its firewall do. The site is built for the relay's address (its policy names that origin).

import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cp } from "node:fs/promises";
import { createServer, request } from "node:http";
import { join } from "node:path";
import { audit } from "./axe.mjs";
import { appReady, headingOf, launch, openPage, squeeze } from "./browser.mjs";
import { serveStatic } from "./static-server.mjs";
import { DIST, ISLANDS, TOOLS } from "./paths.mjs";
import { searchAnswer } from "./search-page.mjs";
import { articlePath, authorPath, pagePath, tagPath } from "./routes.mjs";

/**
 * A relay to `target` on 127.0.0.1. `mode`:
 *   pass     every request passed on, answer as it is
 *   down     the port closed: nothing listens (connection refused)
 *   html-200 200 with an HTML page (a firewall's, a captive portal's)
 *   no-cors  the real answer without its CORS headers (a CMS not configured for the site)
 *   huge     200 with 3 MB of valid JSON (over the app's size cap)
 *   status   the real answer (for a wrong Ghost key: 401, none: 403)
 * `requests` lists the paths asked for, in order.
 */
export async function startRelay(target) {
  const relay = { mode: "pass", requests: [], url: undefined };
  const cors = { "access-control-allow-origin": "*" };
  const server = createServer((req, res) => {
    relay.requests.push(req.url);
    if (relay.mode === "html-200") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8", ...cors });
      return res.end("<!doctype html><title>Pare-feu</title><p>Accès filtré par votre organisation.</p>");
    }
    if (relay.mode === "huge") {
      res.writeHead(200, { "content-type": "application/json", ...cors });
      return res.end(JSON.stringify({ posts: [], filler: "x".repeat(3 * 1024 * 1024) }));
    }
    const upstream = request(`${target}${req.url}`, { method: req.method, headers: { ...req.headers, host: new URL(target).host } }, (answer) => {
      const headers = { ...answer.headers };
      if (relay.mode === "no-cors") {
        for (const name of Object.keys(headers)) if (name.startsWith("access-control-")) delete headers[name];
      }
      res.writeHead(answer.statusCode, headers);
      answer.pipe(res);
    });
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  const listen = (port) => new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  await listen(0);
  const { port } = server.address();
  relay.url = `http://127.0.0.1:${port}`;
  const closed = () => new Promise((ok) => server.close(ok));
  /** `down` closes the port; any other mode listens again on the same one. */
  relay.set = async (mode) => {
    if (mode === "down" && relay.mode !== "down") {
      server.closeAllConnections();
      await closed();
    } else if (mode !== "down" && relay.mode === "down") {
      await listen(port);
    }
    relay.mode = mode;
  };
  relay.close = async () => {
    if (relay.mode !== "down") {
      server.closeAllConnections();
      await closed();
    }
  };
  return relay;
}

/**
 * Writes into `dir` the site of the imported `content`, its running pages reading the CMS of
 * `kind` at `url` (with `key` for Ghost); the build's own description at `/api/site.json` and
 * the search index of that content, as `./dev.sh build` leaves them. Returns `dir`.
 */
export async function liveSite(content, dir, { kind, url, key = "" }) {
  await cp(DIST, dir, { recursive: true });
  execFileSync(join(TOOLS, "veille-prerender"), ["--content", content, "--api", url, "--kind", kind, "--key", key, "--islands", ISLANDS, dir], {
    stdio: "ignore",
  });
  await cp(join(content, "site.json"), join(dir, "api", "site.json"));
  const records = `${dir}.records.json`;
  execFileSync(join(TOOLS, "veille-content"), ["search", records, content], { stdio: "ignore" });
  execFileSync(process.execPath, [join(import.meta.dirname, "..", "..", "tools", "build", "search-index.mjs"), records, dir], { stdio: "ignore" });
  return dir;
}

/** The card links of a page, in order. */
const cards = (page) => page.locator("main .card__title a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));

/** What the prerendered page at `path` says, read with scripts off: the build's own answer. */
async function asBuilt(browser, url) {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(url);
  const text = (selector) => page.evaluate((s) => document.querySelector(s)?.textContent ?? "", selector);
  const built = { h1: squeeze(await text("main h1")), cards: await cards(page), body: squeeze(await text("main .article-body")) };
  await context.close();
  return built;
}

/**
 * The site `dir` served and read in Chromium while it reads the CMS through `relay`. Its
 * prerendered pages are pages of islands, as on a site built from its own content: from the
 * home page to the page before its head (`pages`: the site has one), to a theme, to an article, to its author's page and back home, each by
 * client-side navigation, each exactly the build's page, without the full app's wasm and
 * without asking the CMS anything. Then the addresses the build had no page for, which the full
 * app (`404.html`) reads from the CMS: unknown ones give the 404 page, and `publish()` adds an
 * article to the CMS ({ slug, title }), which shows at its address.
 */
export async function readsLive(dir, relay, { publish, pages = true }) {
  const server = await serveStatic(dir);
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser, `${server.url}/`);
    const asked = [];
    page.on("request", (req) => asked.push(req.url()));
    assert.ok(await appReady(page), "the home page did not start");
    const app = (await page.locator("meta[name='veille-app']").getAttribute("content")).split(" ");
    assert.ok(await page.locator("meta[name='veille-islands']").count(), "the home page is no page of islands");
    relay.requests.length = 0;
    const follow = async (selector, path) => {
      const marker = await page.evaluate(() => (window.__sameDocument = Math.random()));
      await page.locator(selector).first().click();
      await page.waitForFunction((p) => location.pathname === p, path);
      const built = await asBuilt(browser, `${server.url}${path}`);
      await page.waitForFunction((h1) => {
        const squeezed = (document.querySelector("main h1")?.textContent ?? "").replace(/[\s\u00a0\u202f]+/g, "").replace(/[’']/g, "'");
        return squeezed === h1;
      }, built.h1);
      // A client-side navigation, not a new document, to the build's own page.
      assert.equal(await page.evaluate(() => window.__sameDocument), marker, `${path}: a new document was loaded`);
      assert.deepEqual(await cards(page), built.cards, path);
      return built;
    };
    // The pages before the head are numbered from the oldest: the head's « plus anciens » leads
    // to the newest of them. A site of fewer than two pages' worth has none: its head shows all.
    if (pages) {
      const older = await page.locator("a.pager__older").getAttribute("href");
      assert.match(older, /^\/page\/[1-9]\d*$/);
      await follow("a.pager__older", older);
    } else {
      assert.equal(await page.locator("a.pager__older").count(), 0);
    }
    const tag = await page.locator(`main a[href^='${tagPath("")}']`).first().getAttribute("href");
    const theme = await follow(`main a[href='${tag}']`, tag);
    assert.ok(theme.cards.length > 0);
    const article = theme.cards[0];
    const built = await follow(`main .card__title a[href='${article}']`, article);
    assert.equal(squeeze(await page.locator("main .article-body").first().textContent()), built.body);
    await page.locator("#a-lire-aussi").waitFor();
    const byline = await page.locator("main a.byline__author").first().getAttribute("href");
    assert.match(byline, /^\/auteur\/[a-z0-9-]+$/);
    const author = await follow("main a.byline__author", byline);
    assert.ok(author.cards.includes(article), `${byline} does not list ${article}`);
    await follow("header a.site-header__name", "/");
    // Neither the CMS nor the build's /api/ files were asked, and the full app never came.
    assert.deepEqual(relay.requests, []);
    assert.deepEqual(asked.filter((u) => new URL(u).pathname.startsWith("/api/")), []);
    assert.deepEqual(asked.filter((u) => app.includes(new URL(u).pathname)), [], "the full app was loaded");
    assert.deepEqual(problems, []);
    await page.close();

    // Addresses the CMS does not know (a slug it answers with nothing or a 404, a page past the
    // last, which WordPress answers with a 400): the 404 page, from the CMS's own answer.
    for (const path of [articlePath("inconnu-de-la-redaction"), pagePath("/", 99), tagPath("theme-inconnu"), authorPath("personne-inconnue")]) {
      const unknown = await openPage(browser, `${server.url}${path}`);
      assert.ok(await appReady(unknown.page), path);
      assert.equal(await headingOf(unknown.page), "Page introuvable", path);
      await unknown.page.close();
    }

    // Published after the build: no file, 404.html serves it, the app reads it from the CMS.
    // Until the app knows, the page says it is looking, never « introuvable »: every heading the
    // page ever shows is recorded, and the full app's wasm is held back while the host's page is
    // read and audited as it is.
    const fresh = await publish();
    const context = await browser.newContext({ bypassCSP: true });
    await context.addInitScript(() => {
      window.__headings = [];
      new MutationObserver(() => {
        const h1 = document.querySelector("main h1")?.textContent?.trim();
        if (h1 && window.__headings.at(-1) !== h1) window.__headings.push(h1);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    let release = () => {};
    const held = new Promise((ok) => (release = ok));
    await context.route(`**${app[1]}`, async (route) => {
      await held;
      await route.continue();
    });
    const waiting = await context.newPage();
    await waiting.goto(`${server.url}${articlePath(fresh.slug)}`, { waitUntil: "domcontentloaded" });
    assert.equal(await headingOf(waiting), "Recherche de la page…");
    assert.deepEqual(await audit(waiting, "404.html avant l’application"), []);
    release();
    await waiting.waitForFunction((title) => window.__headings.at(-1) === title, fresh.title, { timeout: 15000 });
    const seen = await waiting.evaluate(() => window.__headings);
    assert.deepEqual(seen, ["Recherche de la page…", fresh.title]);
    await context.close();
    const late = await openPage(browser, `${server.url}${articlePath(fresh.slug)}`);
    assert.ok(await appReady(late.page));
    assert.equal(await headingOf(late.page), fresh.title);
    // The one expected: the host's 404 status for the address, which Chromium logs too.
    const expected = [`HTTP 404: ${server.url}${articlePath(fresh.slug)}`, "console: Failed to load resource: the server responded with a status of 404 (Not Found)"];
    assert.deepEqual(late.problems.filter((p) => !expected.includes(p)), []);
    await late.page.close();
  } finally {
    await browser.close();
    await server.close();
  }
}

/** What a reader is told of each way a CMS fails (the relay's modes), whichever CMS it is. */
export const FAULTS = {
  down: /Impossible de joindre le serveur de contenus/,
  "html-200": /Les données reçues sont illisibles/,
  "no-cors": /Impossible de joindre le serveur de contenus/,
  huge: /Les données reçues sont illisibles/,
};

/**
 * Each way the CMS fails, met by a reader opening an article published after the build: the
 * French message (`expected[mode]`, a RegExp), « Réessayer » when trying again may help, and
 * the article once the CMS is back. `slug` and `title`: that article's.
 */
export async function failsInFrench(dir, relay, { slug, title }, expected) {
  const server = await serveStatic(dir);
  const browser = await launch();
  try {
    for (const [mode, message] of Object.entries(expected)) {
      await relay.set(mode);
      const { page } = await openPage(browser, `${server.url}${articlePath(slug)}`);
      const alert = page.locator("[role=alert] .content-error__message");
      await alert.waitFor({ timeout: 20000 });
      assert.match(await alert.textContent(), message, mode);
      const retry = page.getByRole("button", { name: "Réessayer" });
      if (mode === "status") {
        assert.equal(await retry.count(), 0, "a refused key is not worth retrying");
      } else {
        await relay.set("pass");
        await retry.click();
        const back = await page
          .waitForFunction((t) => document.querySelector("main h1")?.textContent === t, title, { timeout: 20000 })
          .then(() => true, () => false);
        assert.ok(back, `${mode}: the retry did not bring the article (${await headingOf(page)})`);
      }
      await page.close();
    }
  } finally {
    await relay.set("pass");
    await browser.close();
    await server.close();
  }
}

/** The number a search's status starts with (« 3 résultats pour … »), 0 for none. */
const countOf = (status) => (/^Aucun résultat/.test(status) ? 0 : Number(status.match(/^([\d\u202f\u00a0]+)\s*résultat/)?.[1].replace(/\D/g, "")));

/**
 * Search on the site `dir` reading WordPress live through `relay`, once `fresh` ({ slug,
 * title }) was published after the build with `word` in its text, which articles of the build
 * also have: the index finds those, WordPress' own search finds the fresh one (only what came
 * after the index: no article twice), first; `folded`, a word of it written without its
 * accents and in guillemets, finds it too. When WordPress cannot be reached, the index's results stay, the page
 * says in French what is missing and « Réessayer » brings it once WordPress is back; axe-core
 * finds nothing wrong with either state.
 */
export async function searchesLive(dir, relay, fresh, { word, folded }) {
  const server = await serveStatic(dir);
  const browser = await launch();
  const address = articlePath(fresh.slug);
  try {
    relay.requests.length = 0;
    const { page, problems } = await openPage(browser, `${server.url}/recherche?q=${encodeURIComponent(word)}`);
    const found = await searchAnswer(page);
    assert.equal(found.urls[0], address, JSON.stringify(found));
    assert.equal(found.titles[0], fresh.title);
    // Its excerpt marks the word, as the index's do.
    assert.deepEqual(found.firstMarks, [word]);
    assert.equal(new Set(found.urls).size, found.urls.length, `an article twice: ${found.urls}`);
    assert.ok(found.urls.length > 1, `the index found nothing: ${JSON.stringify(found)}`);
    assert.equal(countOf(found.status), found.urls.length, found.status);
    const asked = relay.requests.filter((path) => path.startsWith("/wp-json/wp/v2/posts?") && path.includes("search="));
    assert.equal(asked.length, 1, relay.requests.join(", "));
    assert.match(decodeURIComponent(asked[0]), /&after=\d{4}-\d\d-\d\dT/);

    // Written without its accents, in guillemets, a word of the fresh article finds it
    // (WordPress' search).
    const field = page.locator("#recherche-page");
    await field.fill(folded);
    await field.press("Enter");
    await page.waitForFunction((q) => new URL(location.href).searchParams.get("q") === q, folded);
    const plain = await searchAnswer(page);
    assert.deepEqual(plain.urls, [address], JSON.stringify(plain));

    // WordPress unreachable: what the index has, and what is missing, said; then tried again.
    await relay.set("down");
    const lookFor = async (q) => {
      await field.fill(q);
      await field.press("Enter");
      await page.waitForFunction((q) => new URL(location.href).searchParams.get("q") === q, q);
      return searchAnswer(page);
    };
    // Found nowhere: what could not be searched is said before the advice leading to the tags.
    const none = await lookFor("xylophone");
    assert.deepEqual(none.urls, []);
    assert.match(
      none.status,
      /^Aucun résultat pour «\u00a0xylophone\u00a0»\. Les articles parus .* n’ont pas pu être cherchés\u00a0: Impossible de joindre .* Réessayer Vérifiez l’orthographe/,
    );
    await field.fill(word);
    await field.press("Enter");
    await page.waitForFunction((q) => new URL(location.href).searchParams.get("q") === q, word);
    const cut = await searchAnswer(page);
    assert.deepEqual(cut.urls, found.urls.slice(1));
    assert.match(cut.status, /Les articles parus depuis la dernière mise à jour de l’index de recherche n’ont pas pu être cherchés\u00a0: Impossible de joindre le serveur de contenus/);
    await relay.set("pass");
    await page.getByRole("button", { name: "Réessayer" }).click();
    await page.waitForFunction((a) => document.querySelector(".search-result__title a")?.getAttribute("href") === a, address);
    assert.deepEqual((await searchAnswer(page)).urls, found.urls);
    assert.deepEqual(problems.filter((p) => !/ERR_CONNECTION_REFUSED|Failed to load resource/.test(p)), []);
    await page.close();

    // axe-core on the states only a CMS makes: its results first, and its search failed with
    // nothing found, in light and dark.
    const violations = [];
    for (const colorScheme of ["light", "dark"]) {
      const context = await browser.newContext({ colorScheme, bypassCSP: true });
      const audited = await context.newPage();
      await audited.goto(`${server.url}/recherche?q=${encodeURIComponent(word)}`);
      assert.equal((await searchAnswer(audited)).urls[0], address);
      violations.push(...(await audit(audited, `recherche avec WordPress (${colorScheme})`)));
      await relay.set("down");
      await audited.locator("#recherche-page").fill("xylophone");
      await audited.locator("#recherche-page").press("Enter");
      await audited.locator(".search__latest-error").waitFor({ timeout: 20000 });
      violations.push(...(await audit(audited, `recherche sans WordPress (${colorScheme})`)));
      await relay.set("pass");
      await context.close();
    }
    assert.deepEqual(violations, []);
  } finally {
    await relay.set("pass");
    await browser.close();
    await server.close();
  }
}

/**
 * Search on the site `dir` reading a CMS with no search of its own (Ghost) through `relay`:
 * the build's index answers, and the CMS is asked nothing for it; `fresh`, published after the
 * build with `word` in its text, waits for the next build (docs/search.md, « What the index covers »).
 */
export async function searchesTheIndex(dir, relay, fresh, { word, finds }) {
  const server = await serveStatic(dir);
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser, `${server.url}/recherche?q=${encodeURIComponent(word)}`);
    await appReady(page);
    relay.requests.length = 0;
    const found = await searchAnswer(page);
    assert.ok(found.urls.includes(finds), JSON.stringify(found));
    assert.ok(!found.urls.includes(articlePath(fresh.slug)), JSON.stringify(found));
    assert.equal(countOf(found.status), found.urls.length, found.status);
    assert.equal(await page.evaluate(() => typeof window.veilleLatest), "undefined");
    assert.deepEqual(relay.requests, []);
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
}
