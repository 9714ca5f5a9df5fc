// When the islands' wasm loads on a page of islands (public/navigation.js), in the release build
// served from 127.0.0.1 and opened in headless Chromium: never before a reader may use a
// widget; as the newsletter box comes near; a signup sent before it has arrived is not lost;
// and the share rows need none.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { appReady, servedBuild } from "./browser.mjs";
import { DIST, ROOT } from "./paths.mjs";
import { articlePath } from "./routes.mjs";

const index = JSON.parse(await readFile(join(ROOT, "public/api/index/0.json"), "utf8"));
const SLUG = index.items[0].slug;
const served = servedBuild(DIST);

/** The article with every wasm request recorded and held until `release()`. */
async function heldArticle(contextOptions = {}) {
  const context = await served.browser.newContext({ viewport: { width: 400, height: 700 }, ...contextOptions });
  const page = await context.newPage();
  const wasms = [];
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/*.wasm", async (route) => {
    wasms.push(new URL(route.request().url()).pathname);
    await held;
    await route.continue();
  });
  await page.goto(`${served.server.url}${articlePath(SLUG)}`);
  assert.ok(await appReady(page));
  const islands = (await page.locator("meta[name=veille-islands]").getAttribute("content")).split(" ")[1];
  return { context, page, wasms, release, islands };
}

const until = async (condition, message) => {
  for (let i = 0; i < 100 && !condition(); i++) await new Promise((ok) => setTimeout(ok, 50));
  assert.ok(condition(), message);
};

test("le wasm des îlots n’est chargé qu’à l’approche de la lettre, pas avant", async () => {
  const { context, page, wasms, release, islands } = await heldArticle();
  await page.waitForTimeout(500);
  assert.deepEqual(wasms, [], "a wasm was fetched by a reader who only reads the top");
  // Reading on, down to a screen and a half before the box: it loads.
  await page.evaluate(() => {
    const box = document.querySelector(".newsletter");
    scrollTo(0, box.getBoundingClientRect().top + scrollY - innerHeight * 3);
  });
  await page.waitForTimeout(300);
  assert.ok(await page.evaluate(() => scrollY > 0), "the page is too short for this test");
  assert.deepEqual(wasms, [], "fetched while the box was still far");
  await page.evaluate(() => document.querySelector(".newsletter").scrollIntoView());
  await until(() => wasms.length === 1, "the wasm was not fetched as the box came near");
  assert.equal(wasms[0], islands);
  release();
  await page.waitForSelector("html[data-islands=ready]", { state: "attached", timeout: 15000 });
  assert.equal(await page.locator("leptos-island:not([data-vivant])").count(), 0);
  await context.close();
});

test("« Copier le lien » copie et le confirme sans aucun wasm ; la feuille de partage s’ouvre où elle existe", async () => {
  const { context, page, wasms } = await heldArticle({ permissions: ["clipboard-read", "clipboard-write"] });
  // No share sheet in this browser: its button stays hidden.
  assert.equal(await page.locator(".share__native").first().isVisible(), false);
  await page.locator(".share__copy").first().click();
  await page.locator(".share__status", { hasText: "Lien copié" }).first().waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `https://veille-ia.example${articlePath(SLUG)}`);
  await page.waitForTimeout(300);
  assert.deepEqual(wasms, [], "the share row asked for a wasm");
  // The confirmation goes after a while, as the app's does.
  await page.locator(".share__status", { hasText: "Lien copié" }).first().waitFor({ state: "detached", timeout: 5000 });
  assert.equal((await page.locator(".share__status").first().textContent()).trim(), "");
  await context.close();

  // A browser with a share sheet: the button shows and hands it the article.
  const withSheet = await served.browser.newContext({ viewport: { width: 400, height: 700 } });
  await withSheet.addInitScript(() => {
    navigator.share = (data) => {
      window.veilleShared = data;
      return Promise.resolve();
    };
  });
  const sheet = await withSheet.newPage();
  await sheet.goto(`${served.server.url}${articlePath(SLUG)}`);
  assert.ok(await appReady(sheet));
  await sheet.locator(".share__native").first().click();
  const shared = await sheet.evaluate(() => window.veilleShared);
  assert.equal(shared.url, `https://veille-ia.example${articlePath(SLUG)}`);
  assert.equal(shared.title, (await sheet.locator("main h1").textContent()).trim());
  await withSheet.close();
});

test("une inscription envoyée avant l’arrivée du wasm est tenue, puis traitée par la lettre", async () => {
  const { context, page, release } = await heldArticle();
  const form = page.locator(".newsletter__form");
  await form.locator("input[type=email]").fill("pas-une-adresse");
  await form.locator("input[type=email]").press("Enter");
  await page.waitForTimeout(300);
  // Held: no plain post, no message yet.
  assert.equal(await page.evaluate(() => location.search), "");
  assert.equal(await page.locator(".newsletter .field-error").count(), 0);
  release();
  await page.locator(".newsletter .field-error").waitFor({ timeout: 10000 });
  assert.equal(await page.evaluate(() => location.pathname), articlePath(SLUG));
  assert.equal(await form.locator("input[type=email]").inputValue(), "pas-une-adresse");
  await context.close();
});

test("une inscription envoyée avant même navigation.js est tenue par le chargeur de la page, puis traitée", async () => {
  const context = await served.browser.newContext({ viewport: { width: 400, height: 700 } });
  const page = await context.newPage();
  let release;
  const held = new Promise((ok) => (release = ok));
  await page.route("**/navigation.js", async (route) => {
    await held;
    await route.continue();
  });
  const posts = [];
  page.on("request", (req) => req.method() === "POST" && posts.push(req.url()));
  await page.goto(`${served.server.url}${articlePath(SLUG)}`, { waitUntil: "domcontentloaded" });
  const form = page.locator(".newsletter__form");
  await form.locator("input[type=email]").fill("pas-une-adresse");
  await form.locator("input[type=email]").press("Enter");
  await page.waitForTimeout(300);
  assert.deepEqual(posts, [], "the form was posted before the script ran");
  assert.equal(await page.locator("html[data-app]").count(), 0);
  release();
  await page.locator(".newsletter .field-error").waitFor({ timeout: 15000 });
  assert.equal(await page.evaluate(() => location.pathname), articlePath(SLUG));
  assert.deepEqual(posts, []);
  await context.close();
});

test("si navigation.js ne peut pas être chargé, une inscription tenue part comme le formulaire simple qu’elle est", async () => {
  const context = await served.browser.newContext({ viewport: { width: 400, height: 700 } });
  // The plain post itself is the provider's (this build's preview has none, its form no
  // action): recorded here, where the page hands the form to the browser.
  await context.addInitScript(() => {
    HTMLFormElement.prototype.submit = function () {
      window.veillePlainPost = new FormData(this).get("email");
    };
  });
  const page = await context.newPage();
  await page.route("**/navigation.js", (route) => route.abort());
  await page.goto(`${served.server.url}${articlePath(SLUG)}`, { waitUntil: "domcontentloaded" });
  const form = page.locator(".newsletter__form");
  await form.locator("input[type=email]").fill("claire@exemple.fr");
  await form.locator("input[type=email]").press("Enter");
  await page.waitForFunction(() => window.veillePlainPost !== undefined, null, { timeout: 10000 });
  assert.equal(await page.evaluate(() => window.veillePlainPost), "claire@exemple.fr");
  await context.close();
});
