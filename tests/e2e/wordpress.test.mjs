// Content from a real WordPress (tests/e2e/wordpress.mjs: Debian's packages, seeded in French by
// tests/cms/wordpress/seed.php) imported at build time: `veille-content import wordpress`
// writes the content directory, the prerender builds it, Chromium reads the pages. And what
// goes wrong is said in French and loses nothing: a CMS down, a page that is not WordPress.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { siteFromContent } from "./archive.mjs";
import { headingOf, launch, openPage } from "./browser.mjs";
import { serveStatic } from "./static-server.mjs";
import { TOOLS } from "./paths.mjs";
import { startWordPress } from "./wordpress.mjs";

const CONTENT_TOOL = join(TOOLS, "veille-content");
const BASE = "https://veille-ia.example";

let wordpress;
let work;

before(async () => {
  wordpress = await startWordPress();
  work = await mkdtemp(join(tmpdir(), "veille-wordpress-import-"));
});

after(async () => {
  await wordpress?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const importInto = (dir, url = wordpress.url) =>
  spawnSync(CONTENT_TOOL, ["import", "wordpress", url, dir, "--base-url", BASE], { encoding: "utf8" });

/** The same, without blocking this process (for a server it runs itself). */
function importAsync(dir, url) {
  return new Promise((resolve) => {
    const child = spawn(CONTENT_TOOL, ["import", "wordpress", url, dir, "--base-url", BASE]);
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (s) => (stderr += s));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

const json = async (path) => JSON.parse(await readFile(path, "utf8"));

test("l’import écrit chaque article publié de WordPress, et rien d’autre", async () => {
  const dir = join(work, "contenu");
  const run = importInto(dir);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /25 articles et 4 thèmes importés/);
  assert.match(run.stderr, /25 \/ 25 articles/);
  const files = (await readdir(join(dir, "articles"))).sort();
  assert.equal(files.length, 25);
  // Neither the draft nor the scheduled post, nor WordPress' own first post.
  for (const absent of ["brouillon.json", "programme.json", "hello-world.json", "bonjour-tout-le-monde.json"]) {
    assert.ok(!files.includes(absent), absent);
  }
  const rich = await json(join(dir, "articles", "elections-et-ia.json"));
  assert.equal(rich.title, "L’IA & les «\u00a0élections\u00a0» européennes");
  assert.equal(rich.author, "Claire Dumas");
  assert.deepEqual(rich.tags, ["politique", "elections", "ia"].filter((t) => rich.tags.includes(t)));
  assert.equal(rich.cover.alt, "Une urne transparente");
  assert.ok(rich.cover.src.startsWith(`${wordpress.url}/wp-content/uploads/`), rich.cover.src);
  const links = rich.body.flatMap((b) => (Array.isArray(b.text) ? b.text : [])).filter((r) => r.href);
  assert.ok(links.some((r) => r.href === "/article/hopitaux-et-donnees"), JSON.stringify(links));
  // The post whose slug is in another script gets a Veille slug of its own.
  assert.ok(files.includes("ia.json"));
  const site = await json(join(dir, "site.json"));
  assert.equal(site.name, "Veille test");
  assert.equal(site.base_url, BASE);
  const politique = site.tags.find((t) => t.slug === "politique");
  assert.equal(politique.description, "Lois, régulation & élections");
  assert.ok(!site.tags.some((t) => t.slug === "non-classe" || t.slug === "uncategorized"));
  // The derived files are there for API mode, pages of ten.
  const index = await json(join(dir, "index", "1.json"));
  assert.equal(index.total, 25);
});

test("un second import du même site écrit les mêmes fichiers", async () => {
  const dir = join(work, "deux-fois");
  assert.equal(importInto(dir).status, 0);
  const first = await readFile(join(dir, "articles", "elections-et-ia.json"), "utf8");
  assert.equal(importInto(dir).status, 0);
  assert.equal(await readFile(join(dir, "articles", "elections-et-ia.json"), "utf8"), first);
});

test("un import suivant ne lit en entier que les articles modifiés, et retire ceux qui ont disparu", async () => {
  const dir = join(work, "suivi");
  const first = importInto(dir);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /25 articles .*\(25 lus, 0 retirés/);
  const untouched = await readFile(join(dir, "articles", "breve-5.json"), "utf8");
  const id = (slug) => `get_page_by_path('${slug}', OBJECT, 'post')->ID`;
  wordpress.php(`wp_update_post(['ID' => ${id("breve-3")}, 'post_title' => 'Brève n° 3 : corrigée']);`);
  wordpress.php(`wp_trash_post(${id("breve-4")});`);
  wordpress.php(`wp_update_post(['ID' => ${id("breve-6")}, 'post_status' => 'draft']);`);
  wordpress.php(
    `wp_insert_post(['post_title' => 'Une brève de dernière minute', 'post_name' => 'derniere-minute', 'post_content' => '<p>Publiée après le premier import.</p>', 'post_status' => 'publish', 'post_author' => 2]);`,
  );
  const second = importInto(dir);
  assert.equal(second.status, 0, second.stderr);
  // 25 − 2 (deleted, unpublished) + 1 (new); only the corrected and the new post read whole.
  assert.match(second.stdout, /24 articles .*\(2 lus, 2 retirés/);
  const files = await readdir(join(dir, "articles"));
  assert.ok(files.includes("derniere-minute.json"));
  assert.ok(!files.includes("breve-4.json") && !files.includes("breve-6.json"));
  const corrected = (await json(join(dir, "articles", "breve-3.json"))).title;
  assert.equal(corrected.replace(/[\u00a0\u202f]/g, " "), "Brève n° 3 : corrigée");
  // The others are as the first import wrote them, and the lists follow.
  assert.equal(await readFile(join(dir, "articles", "breve-5.json"), "utf8"), untouched);
  assert.equal((await json(join(dir, "index", "1.json"))).total, 24);
  // Nothing changed since: nothing read whole.
  assert.match(importInto(dir).stdout, /\(0 lus, 0 retirés/);
});

test("un WordPress injoignable ou une page qui n’en est pas un : message en français, contenu précédent intact", async () => {
  const dir = join(work, "garde");
  assert.equal(importInto(dir).status, 0);
  const before = await readFile(join(dir, "site.json"), "utf8");
  const articles = (await readdir(join(dir, "articles"))).length;
  // Nothing listens on port 9 of the loopback.
  const down = importInto(dir, "http://127.0.0.1:9");
  assert.notEqual(down.status, 0);
  assert.match(down.stderr, /pas de réponse/);
  // A static host's page, HTML with status 200, where WordPress' API should be.
  const page = await mkdtemp(join(tmpdir(), "veille-pas-wordpress-"));
  await writeFile(join(page, "index.html"), "<!doctype html><title>Pare-feu</title><p>Accès filtré</p>");
  const server = await serveStatic(page);
  try {
    const html = await importAsync(dir, server.url);
    assert.notEqual(html.status, 0);
    assert.match(html.stderr, /n’est pas du JSON|répond 404/);
  } finally {
    await server.close();
    await rm(page, { recursive: true, force: true });
  }
  assert.equal(await readFile(join(dir, "site.json"), "utf8"), before);
  assert.equal((await readdir(join(dir, "articles"))).length, articles);
  // No half-written folder left beside it.
  assert.deepEqual((await readdir(work)).filter((n) => n.includes(".import-") || n.includes(".previous-")), []);
});

test("le site construit depuis WordPress se lit dans Chromium", async () => {
  const dir = join(work, "contenu");
  const site = await siteFromContent(dir, join(work, "site"), "api", { everyPage: true });
  const server = await serveStatic(site);
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser, `${server.url}/article/elections-et-ia`);
    assert.equal(await headingOf(page), "L’IA & les «\u00a0élections\u00a0» européennes");
    // The quote and its citation, the embed as a link to its source.
    assert.match(await page.locator("blockquote").first().textContent(), /Un outil ne remplace pas une enquête/);
    assert.equal(await page.locator("a[href='https://www.youtube.com/watch?v=abc123']").count(), 1);
    // The link to another post of the site leads to its Veille page.
    await page.locator("a[href='/article/hopitaux-et-donnees']").first().click();
    await page.waitForFunction(() => location.pathname === "/article/hopitaux-et-donnees");
    assert.match(await headingOf(page), /hôpitaux face aux données/);
    // Its images come from the CMS, allowed by the page's policy: nothing failed.
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
