// Search with the network misbehaving, on purpose (tests/e2e/faulty.mjs: an error status, a
// damaged file, a body cut mid-way, an answer that never comes, one that comes late), and the
// browser going offline: search never gives a false answer, and « Réessayer » really tries
// again. Each new state is audited (axe, both themes).

import { test } from "node:test";
import assert from "node:assert/strict";
import { BOUND, audited, faultySite } from "./faulty.mjs";
import { searchAnswer } from "./search-page.mjs";
import { articlePath } from "./routes.mjs";

/** A query the sample's index answers (search.test.mjs checks what it finds). */
const QUERY = "/recherche?q=inflation";

const site = faultySite();
const { faults, open } = site;
const answer = (page) => searchAnswer(page, BOUND);
const results = (page) =>
  page.waitForFunction(() => document.querySelectorAll(".search-result").length > 0, null, { timeout: BOUND });

// ---------------------------------------------------------------------------------------------
// Search

test("une recherche dont un fichier de l’index manque ne répond jamais « aucun résultat », et « Réessayer » retrouve", async () => {
  const kinds = [
    [{ status: 500 }, /^Le site n’a pas pu fournir l’index de recherche/],
    [{ truncate: 0.5 }, /^La recherche n’a pas pu lire tout son index/],
    [{ abort: 0.3 }, /^La recherche (ne répond pas|n’a pas pu lire tout son index)/],
    [{ hang: true }, /^La recherche met trop de temps à répondre/],
  ];
  for (const [fault, message] of kinds) {
    for (const files of [/^\/pagefind\/index\//, /^\/pagefind\/fragment\//]) {
      const label = `${JSON.stringify(fault)} ${files}`;
      const { context, page } = await open("/recherche");
      faults.add(files, { ...fault });
      await page.locator("#recherche-page").fill("inflation");
      await page.locator("#recherche-page").press("Enter");
      const found = await answer(page);
      assert.doesNotMatch(found.status, /Aucun résultat/, label);
      assert.match(found.status, message, label);
      assert.deepEqual(found.urls, [], label);
      assert.ok(found.suggestions, `${label}: the tags are not offered`);
      assert.equal(await page.locator(".search__more").isVisible(), false, label);
      // The network back: « Réessayer » asks again, and finds.
      faults.clear();
      const asked = faults.count(files);
      await page.locator(".search__status .search__retry").click();
      await results(page);
      assert.ok(faults.count(files) > asked, `${label}: « Réessayer » asked for nothing`);
      assert.ok((await answer(page)).urls.includes(articlePath("evaluer-un-classifieur")), label);
      await context.close();
    }
  }
});

test("l’entrée, les métadonnées ou le wasm de Pagefind en panne une fois : « Réessayer » refait la demande et trouve", async () => {
  for (const file of ["/pagefind/pagefind-entry.json", /^\/pagefind\/pagefind\.[^/]+\.pf_meta$/, /^\/pagefind\/wasm\.[^/]+\.pagefind$/]) {
    const { context, page } = await open("/recherche");
    faults.add(file, { status: 503 });
    await page.goto(`${site.server.url}${QUERY}`);
    const found = await answer(page);
    assert.doesNotMatch(found.status, /Aucun résultat/, String(file));
    assert.ok(await page.locator(".search__status .search__retry").isVisible(), `${file}: no « Réessayer »`);
    faults.clear();
    const asked = faults.count(file);
    await page.locator(".search__status .search__retry").click();
    await results(page);
    assert.ok(faults.count(file) > asked, `${file}: « Réessayer » made no request`);
    await context.close();
  }
});

test("hors ligne au milieu d’une recherche : le dire, puis « Réessayer » dès que le réseau revient", async () => {
  const { context, page } = await open("/recherche");
  // The connection goes while the index's chunk is on its way.
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/pagefind/index/**", async (route) => {
    await held;
    await route.abort("internetdisconnected");
  });
  const asked = page.waitForRequest(/\/pagefind\/index\//);
  await page.locator("#recherche-page").fill("inflation");
  await page.locator("#recherche-page").press("Enter");
  await asked;
  await context.setOffline(true);
  release();
  const found = await answer(page);
  assert.match(found.status, /^La recherche ne répond pas/);
  assert.doesNotMatch(found.status, /Aucun résultat/);
  await context.setOffline(false);
  await page.unroute("**/pagefind/index/**");
  await page.locator(".search__status .search__retry").click();
  await results(page);
  await context.close();
});

test("une recherche qui traîne se voit, n’offre pas « plus de résultats », et finit par un message ; états audités", async () => {
  const { context, page } = await open("/recherche");
  faults.add(/^\/pagefind\/fragment\//, { hang: true });
  await page.locator("#recherche-page").fill("inflation");
  await page.locator("#recherche-page").press("Enter");
  await page.waitForTimeout(1000);
  assert.equal(await page.locator(".search__status").textContent(), "Recherche en cours…");
  assert.equal(await page.locator(".search__more").isVisible(), false);
  // The spinner, shown once the wait is more than a glance.
  const sign = await page.evaluate(() => {
    const style = getComputedStyle(document.querySelector(".search__status"), "::before");
    return { content: style.content, opacity: style.opacity, animation: style.animationName };
  });
  assert.equal(sign.content, '""');
  assert.match(sign.animation, /spin/);
  const violations = await audited(page, "/recherche (en cours)");
  const started = Date.now();
  const found = await answer(page);
  assert.ok(Date.now() - started < BOUND);
  assert.match(found.status, /^La recherche met trop de temps à répondre/);
  violations.push(...(await audited(page, "/recherche (en échec)")));
  assert.deepEqual(violations, []);
  await context.close();
});

test("un index construit vide : un message qui le dit, pas de « Réessayer » sans objet, et les rubriques", async () => {
  const { context, page } = await open("/recherche");
  faults.add("/pagefind/pagefind-entry.json", {
    body: JSON.stringify({ version: "1.6.0", languages: {} }),
    type: "application/json",
  });
  await page.goto(`${site.server.url}${QUERY}`);
  const found = await answer(page);
  assert.match(found.status, /^L’index de recherche est vide/);
  assert.ok(found.suggestions);
  assert.equal(await page.locator(".search__status .search__retry").count(), 0);
  await context.close();
});

test("search.js qui n’arrive pas : la page le dit au lieu de « il faut JavaScript », et « Réessayer » le recharge", async () => {
  for (const fault of [{ hang: true }, { status: 500 }]) {
    faults.clear();
    faults.add("/search.js", fault);
    const context = await site.browser.newContext({ viewport: { width: 900, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    // Every text the status shows, from the start: a refused script makes « Chargement… » brief.
    await page.addInitScript(() => {
      window.veilleStatuses = [];
      new MutationObserver(() => {
        const text = document.querySelector(".search__status")?.textContent;
        if (text && window.veilleStatuses.at(-1) !== text) window.veilleStatuses.push(text);
      }).observe(document, { childList: true, subtree: true, characterData: true });
    });
    await page.goto(`${site.server.url}${QUERY}`);
    await page.locator(".search__status .search__retry").waitFor({ timeout: BOUND });
    const shown = await page.evaluate(() => window.veilleStatuses);
    assert.ok(shown.includes("Chargement de la recherche…"), JSON.stringify(shown));
    assert.ok(!shown.some((t) => /JavaScript/.test(t) && shown.indexOf(t) > shown.indexOf("Chargement de la recherche…")), JSON.stringify(shown));
    const status = await page.locator(".search__status").textContent();
    assert.match(status, /^La recherche n’a pas pu se charger/, JSON.stringify(fault));
    assert.ok(await page.locator(".search__suggestions a").first().isVisible());
    assert.deepEqual(await audited(page, "/recherche (search.js en échec)"), []);
    faults.clear();
    await page.locator(".search__status .search__retry").click();
    await results(page);
    assert.ok((await answer(page)).urls.includes(articlePath("evaluer-un-classifieur")));
    await context.close();
  }
});

