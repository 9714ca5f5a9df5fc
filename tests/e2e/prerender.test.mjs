// The prerendered site (`./dev.sh build`): every route is a static HTML page that reads without
// JavaScript, whose islands (share rows, newsletter box) a small wasm takes over (hydration)
// without rebuilding them, and whose links navigation.js follows without loading a document. Served from 127.0.0.1 as a CDN would, opened in headless Chromium.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { appReady, headingOf, openPage, squeeze, servedBuild } from "./browser.mjs";
import { editFile, servingCopy, setMeta } from "./static-server.mjs";
import { DIST, ROOT } from "./paths.mjs";
import { articlePath, pagePath, tagPath } from "./routes.mjs";

const readJson = async (path) => JSON.parse(await readFile(join(ROOT, path), "utf8"));
const index = await readJson("public/api/index/0.json");
const SLUG = index.items[0].slug;
const article = await readJson(`public/api/articles/${SLUG}.json`);
const related = await readJson(`public/api/related/${SLUG}.json`);

/** The plain text of a block's `text`: a string, or runs (strings, `{b}`, `{i}`, `{code}`, `{link}`). */
const plain = (text) =>
  typeof text === "string"
    ? text
    : text.map((run) => (typeof run === "string" ? run : (run.b ?? run.i ?? run.code ?? run.link))).join("");

// Chromium and the release build on a loopback server, for every test of this file.
const served = servedBuild(DIST);

test("sans JavaScript, l’article se lit en entier, ses liens et ses partages fonctionnent", async () => {
  const context = await served.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const response = await page.goto(`${served.server.url}${articlePath(SLUG)}`);
  assert.equal(response.status(), 200);
  assert.equal(squeeze(await page.locator("main h1").textContent()), squeeze(article.title));
  const body = squeeze(await page.locator("main").textContent());
  for (const block of article.body.filter((b) => b.type === "paragraph")) {
    assert.ok(body.includes(squeeze(plain(block.text))), `paragraph missing: ${plain(block.text).slice(0, 60)}`);
  }
  // Every share action that is a link works without the app: absolute https URLs (or mailto:)
  // carrying the article's canonical address.
  const shares = await page.locator("a.share__link").evaluateAll((links) => links.map((a) => a.href));
  assert.ok(shares.length >= 14, `${shares.length} share links`);
  const canonical = encodeURIComponent(`https://veille-ia.example${articlePath(SLUG)}`);
  for (const href of shares) {
    assert.match(href, /^(https:\/\/|mailto:)/, href);
    assert.ok(href.includes(canonical), href);
  }
  // Every link to this site leads to a page that exists (no SPA fallback needed).
  const internal = await page
    .locator("a[href^='/']")
    .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute("href").split("#")[0]))]);
  for (const href of ["/", "/a-propos", ...article.tags.map((t) => tagPath(t)), ...related.map((r) => articlePath(r.slug))]) {
    assert.ok(internal.includes(href), `no link to ${href}`);
  }
  for (const href of internal) {
    const res = await fetch(`${served.server.url}${href}`);
    assert.equal(res.status, 200, href);
    assert.match(await res.text(), /<main id="contenu"[^>]*>.*<h1/s, `${href}: not a prerendered page`);
  }
  // What needs the app is not offered; the signup form posts (never puts the address in a URL).
  assert.equal(await page.locator(".share__copy").first().isVisible(), false);
  assert.equal(await page.locator(".newsletter__form").getAttribute("method"), "post");
  assert.equal(await page.locator("html[data-app]").count(), 0);
  await context.close();
});

test("la page prérendue n’est reprise que par ses îlots, sans être reconstruite, puis la navigation reste côté client", async () => {
  const page = await served.browser.newPage();
  const problems = [];
  page.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
  page.on("pageerror", (err) => problems.push(err.message));
  // Hold the wasm back until the prerendered nodes are marked and a reader has typed.
  let release;
  const held = new Promise((ok) => (release = ok));
  const wasms = [];
  await page.route("**/*.wasm", async (route) => {
    wasms.push(new URL(route.request().url()).pathname);
    await held;
    await route.continue();
  });
  await page.goto(`${served.server.url}${articlePath(SLUG)}`, { waitUntil: "domcontentloaded" });
  const marked = ["main h1", ".article__lead", ".newsletter__form", ".newsletter__field", "header.site-header", ".share"];
  await page.evaluate((selectors) => {
    for (const selector of selectors) document.querySelector(selector).veilleMark = selector;
    window.veilleSameDocument = true;
  }, marked);
  // Live without any wasm: navigation.js alone.
  assert.ok(await appReady(page), "navigation.js never ran");
  await page.waitForTimeout(300);
  assert.deepEqual(wasms, [], "a wasm was fetched before any interaction");
  assert.ok(await page.locator(".share__copy").first().isVisible(), "copy link not offered");

  // A reader types in the box before its wasm is there: that loads it (the islands', not the app's).
  const form = page.locator(".newsletter__form").first();
  await form.locator("input[type=email]").fill("pas-une-adresse");
  const islands = await page.locator("meta[name=veille-islands]").getAttribute("content");
  await expectSoon(() => wasms.length === 1, "the islands' wasm was not requested on focus");
  assert.equal(wasms[0], islands.split(" ")[1]);
  release();
  await page.waitForSelector("html[data-islands=ready]", { state: "attached", timeout: 15000 });

  const kept = await page.evaluate(
    (selectors) => selectors.filter((selector) => document.querySelector(selector)?.veilleMark === selector),
    marked,
  );
  assert.deepEqual(kept, marked);
  assert.equal(await page.locator("main h1").count(), 1, "a second copy of the page was added");
  assert.equal(await page.locator("meta[property='og:title']").count(), 1, "head tags were duplicated");
  assert.equal(await form.locator("input[type=email]").inputValue(), "pas-une-adresse", "what the reader typed was lost");

  // The prerendered form now has the island's handler: an invalid address gets the French message.
  await form.locator("button[type=submit]").click();
  await page.locator(".newsletter .field-error").first().waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => location.search), "", "the form was submitted to the server");

  // Client-side navigation to a related article: same document, new page, its islands alive.
  const next = related[0];
  await page.locator(`.related a[href="${articlePath(next.slug)}"]`).first().click();
  await page.waitForFunction(
    (title) => document.querySelector("main h1")?.textContent.replace(/\s+/g, " ").trim() !== title,
    article.title,
  );
  assert.equal(squeeze(await headingOf(page)), squeeze(next.title));
  assert.equal(await page.evaluate(() => window.veilleSameDocument), true, "the browser loaded a new document");
  assert.equal(await page.locator("link[rel=canonical]").getAttribute("href"), `https://veille-ia.example${articlePath(next.slug)}`);
  assert.equal(await page.locator("[aria-current]").count(), 0, "an article is no section of the navigation");
  await page.waitForFunction(() => [...document.querySelectorAll("leptos-island")].every((i) => i.hasAttribute("data-vivant")));
  assert.equal(wasms.length, 1, "the wasm was fetched again");

  // Plain links, one test of the address: the navigation marks the section the reader moves to.
  await page.locator(`.site-nav a[href^='${tagPath("")}']`).first().click();
  await page.waitForFunction((prefix) => location.pathname.startsWith(prefix), tagPath(""));
  const section = await page.evaluate(() => location.pathname);
  await page.waitForFunction(
    (href) => document.querySelector(".site-nav [aria-current=page]")?.getAttribute("href") === href,
    section,
    { timeout: 5000 },
  );
  assert.equal(await page.locator("[aria-current]").count(), 1);
  assert.equal(await page.evaluate(() => window.veilleSameDocument), true, "the browser loaded a new document");
  assert.deepEqual(problems, []);
  await page.close();
});

/** Waits (up to 5 s) until `condition()` holds in the test, else fails with `message`. */
async function expectSoon(condition, message) {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((ok) => setTimeout(ok, 50));
  assert.ok(condition(), message);
}

test("une page d’îlots passée en mode API après la construction est reprise par l’application complète, qui lit l’API", async () => {
  // The same build with its runtime configuration switched to the static API in dist/api/: its
  // pages were not prerendered for it (a build for an API keeps the full app on every page and
  // its data, crates/build/tests/prerender.rs), so the full app renders it from the API, then navigates.
  const configure = (copy) =>
    editFile(join(copy, "article", SLUG, "index.html"), (html) => setMeta(html, "veille-content-api", "/api"));
  await servingCopy(DIST, configure, async (apiServer) => {
    const { page, problems } = await openPage(served.browser, `${apiServer.url}${articlePath(SLUG)}`);
    assert.ok(await appReady(page));
    assert.equal(squeeze(await headingOf(page)), squeeze(article.title));
    const requested = await page.evaluate(() => performance.getEntriesByType("resource").map((e) => new URL(e.name).pathname));
    assert.equal(await page.locator("main h1").count(), 1);
    const app = await page.locator("meta[name=veille-app]").getAttribute("content");
    assert.ok(requested.includes(app.split(" ")[1]), `the full app's wasm was not loaded: ${requested}`);
    const fetched = page.waitForResponse((res) => res.url().endsWith(`/api/articles/${related[0].slug}.json`));
    await page.locator(`.related a[href="${articlePath(related[0].slug)}"]`).first().click();
    await fetched;
    assert.deepEqual(problems, []);
    await page.close();
  });
});

test("chaque route a sa page statique ; une adresse inconnue reçoit la 404 avec le statut 404", async () => {
  const pages = [
    ["/", "À la une"],
    [pagePath("/", 1), "À la une"],
    [tagPath("sante"), null],
    ["/a-propos", null],
    [articlePath(SLUG), article.title],
  ];
  for (const [path, title] of pages) {
    const res = await fetch(`${served.server.url}${path}`);
    assert.equal(res.status, 200, path);
    const html = await res.text();
    assert.match(html, new RegExp(`<meta name="veille-route" content="${path}">`), path);
    if (title) assert.ok(squeeze(html).includes(squeeze(`${title}</h1>`)), path);
  }
  for (const path of ["/rubrique/inexistante", articlePath("nexiste-pas")]) {
    const { page, problems } = await openPage(served.browser, `${served.server.url}${path}`);
    assert.ok(await appReady(page), path);
    assert.equal(await headingOf(page), "Page introuvable", path);
    assert.equal(await page.locator("main h1").count(), 1, path);
    assert.equal(await page.locator("title").count(), 1, `${path}: two titles`);
    assert.deepEqual(
      problems.filter((p) => !p.includes(`404: ${served.server.url}${path}`) && !p.includes("404 (Not Found)")),
      [],
      path,
    );
    await page.close();
  }
});

test("une adresse d’article sans page prérendue (publiée depuis) s’affiche quand même", async () => {
  // A build whose article page was not prerendered: the host serves 404.html, and the app
  // renders the article itself instead of taking over the 404.
  const unpublish = (copy) => rm(join(copy, "article", SLUG), { recursive: true });
  await servingCopy(DIST, unpublish, async (missing) => {
    const page = await served.browser.newPage();
    const res = await page.goto(`${missing.url}${articlePath(SLUG)}`);
    assert.equal(res.status(), 404);
    assert.ok(await appReady(page));
    assert.equal(squeeze(await headingOf(page)), squeeze(article.title));
    assert.equal(await page.locator("main h1").count(), 1);
    assert.equal(await page.locator("meta[name=robots][content*=noindex]").count(), 0, "the 404's noindex stayed");
    assert.equal(await page.locator("meta[name=robots]").getAttribute("content"), "max-image-preview:large");
    await page.close();
  });
});

test("une page dont on a changé la configuration de la lettre après la construction est rendue à neuf, pas hydratée", async () => {
  // Prerendered with the preview (its note is in the HTML); the copy now names an endpoint.
  const reconfigure = (copy) =>
    editFile(join(copy, "article", SLUG, "index.html"), (html) => {
      assert.match(html, /class="newsletter__preview"/);
      return setMeta(html, "veille-newsletter", "json https://lettre.example/inscription");
    });
  await servingCopy(DIST, reconfigure, async (srv) => {
    const { page, problems } = await openPage(served.browser, `${srv.url}${articlePath(SLUG)}`);
    assert.ok(await appReady(page));
    assert.equal(await page.locator(".newsletter__preview").count(), 0, "the preview note stayed");
    assert.equal(await page.locator(".newsletter__form").getAttribute("action"), "https://lettre.example/inscription");
    assert.equal(await page.locator("main h1").count(), 1);
    assert.equal(await page.locator("meta[property='og:title']").count(), 1);
    assert.deepEqual(problems, []);
    await page.close();
  });
});
