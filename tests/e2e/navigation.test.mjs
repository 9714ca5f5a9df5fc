// Client-side navigation of the pages of islands (public/navigation.js), in the release build
// served from 127.0.0.1 and opened in headless Chromium: what it does for an internal link
// (same document, head tags, history, scroll, focus, announcement, prefetch), what it leaves to
// the browser (anchors of the page, other origins, downloads, files, new tabs, modified and
// middle clicks), and its fallback to a normal load when a page cannot be fetched.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { appReady, headingOf, servedBuild, squeeze } from "./browser.mjs";
import { DIST, ROOT } from "./paths.mjs";
import { articlePath, tagPath } from "./routes.mjs";

const readJson = async (path) => JSON.parse(await readFile(join(ROOT, path), "utf8"));
const index = await readJson("public/api/index/0.json");
const site = await readJson("public/api/site.json");
const SLUG = index.items[0].slug;
const related = await readJson(`public/api/related/${SLUG}.json`);
const NEXT = await readJson(`public/api/articles/${related[0].slug}.json`);

const served = servedBuild(DIST);

/** An article page, live, with a marker on `window` that only the same document keeps. */
async function openArticle(slug = SLUG) {
  const context = await served.browser.newContext({ viewport: { width: 800, height: 600 } });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (err) => problems.push(err.message));
  page.on("console", (msg) => msg.type() === "error" && problems.push(msg.text()));
  await page.goto(`${served.server.url}${articlePath(slug)}`);
  assert.ok(await appReady(page), "navigation.js never ran");
  await page.evaluate(() => (window.veilleSameDocument = true));
  return { context, page, problems };
}

/** A page fetched by the navigation script (not the islands' wasm, fetched by their loader). */
const isPageFetch = (req) => req.resourceType() === "fetch" && !/\.(wasm|js)$/.test(new URL(req.url()).pathname);

const sameDocument = (page) => page.evaluate(() => window.veilleSameDocument === true);
const h1Is = (page, title) =>
  page.waitForFunction(
    (t) => document.querySelector("main h1")?.textContent.replace(/[\s\u00a0\u202f]+/g, "").replace(/[’']/g, "'") === t,
    squeeze(title),
    { timeout: 10000 },
  );

/** The page's head, as a reader's browser and a crawler see it. */
const headOf = (page) =>
  page.evaluate(() => {
    const content = (css) => document.querySelector(css)?.getAttribute("content") ?? null;
    return {
      title: document.title,
      description: content("meta[name=description]"),
      canonical: document.querySelector("link[rel=canonical]")?.getAttribute("href") ?? null,
      ogTitle: content("meta[property='og:title']"),
      ogUrl: content("meta[property='og:url']"),
      route: content("meta[name=veille-route]"),
      policy: content("meta[http-equiv=Content-Security-Policy]"),
      jsonLd: [...document.querySelectorAll("script[type='application/ld+json']")].map((s) => JSON.parse(s.textContent)),
      titles: document.querySelectorAll("title").length,
      ogTitles: document.querySelectorAll("meta[property='og:title']").length,
    };
  });

test("un lien interne change de page sans nouveau document : contenu, balises de tête, historique, focus, annonce", async () => {
  const { context, page, problems } = await openArticle();
  const before = await headOf(page);
  // What the next page's own prerendered file says in its head.
  const fresh = await context.newPage();
  await fresh.goto(`${served.server.url}${articlePath(NEXT.slug)}`);
  const expected = await headOf(fresh);
  await fresh.close();

  await page.locator(`.related a[href="${articlePath(NEXT.slug)}"]`).first().click();
  await h1Is(page, NEXT.title);
  assert.ok(await sameDocument(page), "a new document was loaded");
  assert.equal(await page.evaluate(() => location.pathname), articlePath(NEXT.slug));
  const after = await headOf(page);
  assert.deepEqual({ ...after, policy: null }, { ...expected, policy: null });
  assert.equal(after.title, `${NEXT.title} — ${site.name}`);
  assert.notEqual(after.canonical, before.canonical);
  // The policy is the first page's (a <meta> policy cannot change once parsed): still strict.
  assert.equal(after.policy, before.policy);
  assert.equal(after.titles, 1);
  assert.equal(after.ogTitles, 1);
  // Focus on the new title; the page announced in words.
  assert.ok(await page.evaluate(() => document.activeElement?.matches("main h1")));
  await page.waitForFunction(
    (title) => document.querySelector("#veille-annonce[role=status]")?.textContent === `Page chargée\u00a0: ${title}`,
    after.title,
    { timeout: 2000 },
  );
  // Back: the first article again, same document; forward: the second.
  await page.goBack();
  await h1Is(page, index.items[0].title);
  assert.ok(await sameDocument(page));
  assert.equal((await headOf(page)).canonical, before.canonical);
  await page.goForward();
  await h1Is(page, NEXT.title);
  assert.ok(await sameDocument(page));
  assert.deepEqual(problems, []);
  await context.close();
});

test("la position de lecture revient avec Précédent, une nouvelle page commence en haut", async () => {
  const { context, page } = await openArticle();
  // Read down to the related articles, then follow one.
  const link = page.locator(`.related a[href="${articlePath(NEXT.slug)}"]`).first();
  await link.scrollIntoViewIfNeeded();
  const y = await page.evaluate(() => scrollY);
  assert.ok(y > 300, `the page did not scroll (${y})`);
  await link.click();
  await h1Is(page, NEXT.title);
  assert.equal(await page.evaluate(() => scrollY), 0, "the new page does not start at the top");
  await page.goBack();
  await h1Is(page, index.items[0].title);
  const back = await page.evaluate(() => scrollY);
  assert.ok(Math.abs(back - y) <= 2, `back at ${back}, was ${y}`);
  assert.ok(await sameDocument(page));
  await context.close();
});

test("le survol, le focus ou le toucher d’un lien préchargent la page, une seule fois", async () => {
  const { context, page } = await openArticle();
  const fetched = [];
  page.on("request", (req) => isPageFetch(req) && fetched.push(new URL(req.url()).pathname));
  const href = articlePath(NEXT.slug);
  await page.locator(`.related a[href="${href}"]`).first().hover();
  for (let i = 0; i < 50 && !fetched.includes(href); i++) await page.waitForTimeout(20);
  assert.deepEqual(fetched, [href], "hovering did not prefetch the page");
  await page.locator(`.related a[href="${href}"]`).first().click();
  await h1Is(page, NEXT.title);
  assert.deepEqual(fetched, [href], "the page was fetched twice");
  // Focus (the keyboard's hover) prefetches too.
  const tag = await page.locator(`.site-nav a[href^='${tagPath("")}']`).first().getAttribute("href");
  await page.locator(`.site-nav a[href="${tag}"]`).first().focus();
  for (let i = 0; i < 50 && !fetched.includes(tag); i++) await page.waitForTimeout(20);
  assert.ok(fetched.includes(tag), `focus did not prefetch ${tag}: ${fetched}`);
  await context.close();
});

test("ce que le navigateur doit faire lui-même n’est jamais intercepté", async () => {
  const { context, page } = await openArticle();
  // Links of every kind the script must leave alone, added to the page; each click is then
  // recorded (was it taken over?) and stopped, so that nothing really opens.
  await page.evaluate(() => {
    const add = (id, attrs) => {
      const a = Object.assign(document.createElement("a"), { id, textContent: id });
      for (const [k, v] of Object.entries(attrs)) a.setAttribute(k, v);
      document.querySelector("main").append(a);
    };
    add("externe", { href: "https://exemple.org/article" });
    add("telechargement", { href: "/a-propos", download: "" });
    add("onglet", { href: "/a-propos", target: "_blank" });
    add("fichier", { href: "/feed.xml" });
    add("courriel", { href: "mailto:redaction@exemple.fr" });
    add("interne", { href: "/a-propos" });
    window.veilleTaken = {};
    window.veilleRecord = true;
    addEventListener("click", (e) => {
      const a = e.target.closest?.("a");
      if (!a || !window.veilleRecord) return;
      window.veilleTaken[a.id || a.getAttribute("href")] = e.defaultPrevented;
      e.preventDefault();
    });
  });
  const click = (css, init = {}) =>
    page.evaluate(
      ([css, init]) => document.querySelector(css).dispatchEvent(new MouseEvent("click", { bubbles: true, cancelable: true, button: 0, ...init })),
      [css, init],
    );
  for (const id of ["externe", "telechargement", "onglet", "fichier", "courriel"]) await click(`#${id}`);
  await click("#interne", { ctrlKey: true });
  await click("#interne", { metaKey: true });
  await click("#interne", { shiftKey: true });
  await click("#interne", { button: 1 });
  const taken = await page.evaluate(() => window.veilleTaken);
  assert.deepEqual(taken, { externe: false, telechargement: false, onglet: false, fichier: false, courriel: false, interne: false });

  // An anchor of the page (the table of contents): the browser scrolls, no fetch, same page.
  await page.evaluate(() => (window.veilleRecord = false));
  const fetched = [];
  page.on("request", (req) => isPageFetch(req) && fetched.push(req.url()));
  const entry = page.locator(".toc a").first();
  const hash = await entry.getAttribute("href");
  await entry.click();
  await page.waitForFunction((h) => location.hash === h, hash);
  assert.equal(await page.evaluate(() => location.pathname), articlePath(SLUG));
  assert.deepEqual(fetched, []);
  assert.ok(await sameDocument(page));

  // The control: a plain click on the internal link is taken over.
  await page.evaluate(() => (window.veilleRecord = true));
  await click("#interne");
  assert.equal(await page.evaluate(() => window.veilleTaken.interne), true);
  await context.close();
});

test("si la page suivante ne peut pas être lue, le navigateur la charge normalement", async () => {
  const { context, page } = await openArticle();
  const href = articlePath(NEXT.slug);
  // The script's fetch fails; the browser's own load of the page works.
  await page.route(`**${href}`, (route) =>
    route.request().resourceType() === "fetch" ? route.abort() : route.continue(),
  );
  await page.locator(`.related a[href="${href}"]`).first().click();
  await page.waitForURL(`**${href}`);
  assert.equal(squeeze(await headingOf(page)), squeeze(NEXT.title));
  assert.equal(await sameDocument(page), false, "the fallback should be a normal page load");
  assert.ok(await appReady(page));
  await context.close();
});
