// Search (public/search.js over the Pagefind index the build wrote, src/search.rs), in the
// release build served from 127.0.0.1 and opened in headless Chromium: French queries on the
// sample site (accents, plurals, elisions with ’, case, guillemets, no-break spaces), the count,
// the empty state, filters, order, more results, the address with back and forward, the
// keyboard path from the header, the messages when the index is missing or the network is down,
// the page without JavaScript, and that no search byte is fetched before a reader asks.

import { test } from "node:test";
import assert from "node:assert/strict";
import { appReady, servedBuild } from "./browser.mjs";
import { DIST } from "./paths.mjs";
import { searchAnswer } from "./search-page.mjs";
import { servingCopy, editFile } from "./static-server.mjs";
import { join } from "node:path";
import { articlePath, tagPath } from "./routes.mjs";

const served = servedBuild(DIST);
const NBSP = "\u00a0";

async function open(path, { javaScriptEnabled = true, base = served.server.url } = {}) {
  const context = await served.browser.newContext({ viewport: { width: 900, height: 800 }, javaScriptEnabled });
  const page = await context.newPage();
  const problems = [];
  page.on("pageerror", (err) => problems.push(err.message));
  await page.goto(`${base}${path}`);
  return { context, page, problems };
}

const answer = (page) => searchAnswer(page, 15000);

const search = async (q, rest = "") => {
  const { context, page, problems } = await open(`/recherche?q=${encodeURIComponent(q)}${rest}`);
  const found = await answer(page);
  await context.close();
  assert.deepEqual(problems, [], q);
  return found;
};

test("les requêtes en français trouvent leurs articles : accents, pluriels, élisions, casse, guillemets", async () => {
  // (query, an article it must find, the word the excerpt marks, as readers read it).
  const cases = [
    ["securite", articlePath("sommet-de-seoul-securite-ia"), "sécurité"],
    ["sécurité", articlePath("sommet-de-seoul-securite-ia"), "sécurité"],
    ["SÉCURITÉ", articlePath("sommet-de-seoul-securite-ia"), "sécurité"],
    [`«${NBSP}sécurité${NBSP}»`, articlePath("sommet-de-seoul-securite-ia"), "sécurité"],
    ["élections", articlePath("ai-act-adopte-par-le-conseil"), "élection"],
    ["inflation", articlePath("evaluer-un-classifieur"), "L’inflation"],
    ["L’inflation", articlePath("evaluer-un-classifieur"), "L’inflation"],
    ["l'INFLATION", articlePath("evaluer-un-classifieur"), "L’inflation"],
    ["IA", articlePath("ia-et-imagerie-medicale"), "l’IA"],
  ];
  for (const [q, url, mark] of cases) {
    const found = await search(q);
    assert.ok(found.urls.includes(url), `${q} → ${found.urls.join(", ")}`);
    assert.ok(
      // The whole word is marked: « élections » marks « l’élection ».
      found.marks.some((m) => m.toLowerCase().endsWith(mark.toLowerCase())),
      `${q}: marked ${JSON.stringify(found.marks)}`,
    );
    assert.equal(found.field, q.normalize("NFC").replace(/[\s\u00a0]+/g, " ").trim(), q);
  }
  // Only what articles say is indexed: words of the header, the share rows and the newsletter
  // box, on every article page but in no article, find nothing.
  for (const q of ["WhatsApp", "Bluesky", "spam"]) {
    const found = await search(q);
    assert.deepEqual(found.urls, [], q);
  }
});

test("le compte est en français, dans une région annoncée ; un résultat dit sa date et ses rubriques", async () => {
  const found = await search("sécurité");
  const n = found.urls.length;
  assert.ok(n >= 1);
  const noun = n === 1 ? "résultat" : "résultats";
  assert.equal(found.status, `${n}${NBSP}${noun} pour «${NBSP}sécurité${NBSP}».`);
  const { context, page } = await open("/recherche?q=s%C3%A9curit%C3%A9");
  await answer(page);
  assert.equal(await page.locator(".search__status").getAttribute("role"), "status");
  const first = page.locator(".search-result").first();
  assert.match(await first.locator("time").textContent(), /^\d{1,2}(er)?\u00a0[a-zéû]+\u00a0\d{4}$/);
  assert.ok((await first.locator(".search-result__tag").count()) >= 1);
  // The tags link to their pages.
  assert.match(await first.locator(".search-result__tag").first().getAttribute("href"), /^\/tag\/[a-z-]+$/);
  await context.close();
});

test("sans résultat, la page le dit et propose les rubriques", async () => {
  const found = await search("zyxwvqj");
  assert.deepEqual(found.urls, []);
  assert.match(found.status, new RegExp(`^Aucun résultat pour «${NBSP}zyxwvqj${NBSP}»\\. Vérifiez l’orthographe`));
  assert.ok(found.suggestions);
  const empty = await search("");
  assert.match(empty.status, /^Tapez un ou plusieurs mots/);
  assert.ok(empty.suggestions);
});

test("le filtre par rubrique et le tri par date passent par l’adresse ; retour et avance les rejouent", async () => {
  const { context, page, problems } = await open("/recherche?q=donn%C3%A9es");
  const all = await answer(page);
  assert.ok(all.urls.length >= 3, all.urls.join(", "));
  await page.evaluate(() => (window.veilleSameDocument = true));
  // The tag filter: only that tag's articles, and the address says it.
  await page.locator("input[name=rubrique][value=sante]").check();
  await page.waitForFunction(() => location.search.includes("rubrique=sante"));
  const sante = await answer(page);
  assert.ok(sante.urls.length >= 1 && sante.urls.length < all.urls.length, sante.urls.join(", "));
  assert.match(sante.status, /dans la rubrique «\u00a0Santé\u00a0»\.$/);
  for (const url of sante.urls) assert.ok(all.urls.includes(url));
  // By date, newest first, over all tags.
  await page.locator("input[name=rubrique][value='']").check();
  await page.waitForFunction(() => location.search === "?q=donn%C3%A9es");
  await page.selectOption("#recherche-tri", "date");
  await page.waitForFunction(() => location.search === "?q=donn%C3%A9es&tri=date");
  const byDate = await answer(page);
  assert.deepEqual(byDate.dates, [...byDate.dates].sort().reverse());
  assert.equal(byDate.urls.length, all.urls.length);
  // Back: all tags again; back: the tag; forward: all tags. Same document throughout.
  await page.goBack();
  await page.waitForFunction(() => location.search === "?q=donn%C3%A9es");
  await page.waitForFunction(() => document.querySelector("#recherche-tri").value === "");
  await page.goBack();
  await page.waitForFunction(() => location.search === "?q=donn%C3%A9es&rubrique=sante");
  await page.waitForFunction(() => document.querySelector("input[name=rubrique][value=sante]").checked);
  await page.waitForFunction((n) => document.querySelectorAll(".search-result").length === n, sante.urls.length);
  assert.deepEqual((await answer(page)).urls, sante.urls);
  await page.goForward();
  await page.waitForFunction(() => location.search === "?q=donn%C3%A9es");
  await page.waitForFunction((n) => document.querySelectorAll(".search-result").length === n, all.urls.length);
  assert.ok(await page.evaluate(() => window.veilleSameDocument === true));
  assert.deepEqual(problems, []);
  await context.close();
});

test("au clavier : du champ de l’en-tête aux résultats, puis « plus de résultats » sans recharger", async () => {
  // Three results at a time (the page's data-par-page), so that the sample site has more.
  await servingCopy(
    DIST,
    (copy) =>
      editFile(join(copy, "recherche", "index.html"), (html) =>
        html.replace("data-recherche=\"\"", 'data-recherche="" data-par-page="3"'),
      ),
    async (server) => {
      const { context, page, problems } = await open(articlePath("evaluer-un-classifieur"), { base: server.url });
      assert.ok(await appReady(page));
      await page.evaluate(() => (window.veilleSameDocument = true));
      // Skip link, then the header's field.
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.id), "recherche-entete");
      await page.keyboard.type("modèles");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => location.pathname === "/recherche" && location.search === "?q=mod%C3%A8les");
      const found = await answer(page);
      assert.ok(await page.evaluate(() => window.veilleSameDocument === true), "a new document was loaded");
      assert.equal(found.urls.length, 3);
      assert.equal(found.field, "modèles");
      assert.equal(await page.title(), "Rechercher — Veille IA");
      // « Afficher plus de résultats », by keyboard: three more, the first of them focused.
      const more = page.locator(".search__more");
      assert.ok(await more.isVisible());
      await more.focus();
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.querySelectorAll(".search-result").length > 3);
      const focused = await page.evaluate(() => document.activeElement?.getAttribute("href"));
      const fourth = await page.locator(".search-result").nth(3).locator("h2 a").getAttribute("href");
      assert.equal(focused, fourth);
      assert.match(await page.locator(".search__status").textContent(), /^\d+ résultats affichés sur \d+\.$/);
      // A result is a link like any other: the article, in the same document.
      await page.keyboard.press("Enter");
      await page.waitForFunction((href) => location.pathname === href, fourth);
      assert.ok(await page.evaluate(() => window.veilleSameDocument === true));
      // Back to the results, searched again from the address.
      await page.goBack();
      await page.waitForFunction(() => location.pathname === "/recherche");
      assert.ok((await answer(page)).urls.length >= 3);
      assert.deepEqual(problems, []);
      await context.close();
    },
  );
});

test("une page d’article ne demande rien de la recherche avant qu’on touche au champ", async () => {
  const context = await served.browser.newContext({ viewport: { width: 900, height: 800 } });
  const page = await context.newPage();
  const asked = [];
  page.on("request", (req) => {
    const path = new URL(req.url()).pathname;
    if (path === "/search.js" || path.startsWith("/pagefind/")) asked.push(path);
  });
  await page.goto(`${served.server.url}${articlePath("evaluer-un-classifieur")}`);
  assert.ok(await appReady(page));
  await page.mouse.wheel(0, 3000);
  await page.locator(".site-nav a").first().hover();
  await page.waitForTimeout(800);
  assert.deepEqual(asked, [], "search was loaded before the field was focused");
  await page.locator("#recherche-entete").focus();
  await page.waitForFunction(() => true);
  const deadline = Date.now() + 10000;
  while (!asked.includes("/pagefind/pagefind.js") && Date.now() < deadline) await page.waitForTimeout(50);
  assert.ok(asked.includes("/search.js"), asked.join(", "));
  assert.ok(asked.includes("/pagefind/pagefind.js"), asked.join(", "));
  await context.close();
});

test("index absent ou réseau coupé : un message en français, les rubriques, et « Réessayer »", async () => {
  // No index on the host.
  {
    const { context, page } = await open(articlePath("evaluer-un-classifieur"));
    await page.route("**/pagefind/**", (route) => route.fulfill({ status: 404, body: "introuvable" }));
    await page.goto(`${served.server.url}/recherche?q=inflation`);
    const found = await answer(page);
    assert.match(found.status, /^L’index de recherche est introuvable/);
    assert.ok(found.suggestions);
    assert.deepEqual(found.urls, []);
    await context.close();
  }
  // The network down, then back: « Réessayer » finds.
  {
    const { context, page } = await open(articlePath("evaluer-un-classifieur"));
    await page.route("**/pagefind/**", (route) => route.abort("internetdisconnected"));
    await page.goto(`${served.server.url}/recherche?q=inflation`);
    const found = await answer(page);
    assert.match(found.status, /^La recherche ne répond pas/);
    assert.ok(found.suggestions);
    await page.unroute("**/pagefind/**");
    await page.locator(".search__status .search__retry").click();
    await page.waitForFunction(() => document.querySelectorAll(".search-result").length > 0, null, { timeout: 15000 });
    assert.ok((await answer(page)).urls.includes(articlePath("evaluer-un-classifieur")));
    await context.close();
  }
});

test("sans JavaScript, /recherche dit qu’il en faut et mène aux rubriques ; le formulaire y conduit", async () => {
  const { context, page } = await open(articlePath("evaluer-un-classifieur"), { javaScriptEnabled: false });
  await page.locator("#recherche-entete").fill("inflation");
  await page.locator("#recherche-entete").press("Enter");
  await page.waitForURL(/\/recherche\?q=inflation$/);
  assert.match(await page.locator(".search__status").textContent(), /^La recherche a besoin de JavaScript/);
  const tags = await page.locator(".search__suggestions a").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
  assert.ok(tags.length >= 3 && tags.every((href) => href.startsWith(tagPath(""))), tags.join(", "));
  await context.close();
});
