// Content from a real Ghost 5 (tests/e2e/ghost.mjs: npm's package, sqlite, seeded in French
// through the Admin API) imported at build time: `veille-content import ghost URL KEY DIR`
// writes the content directory, the prerender builds it, Chromium reads the pages. A wrong key
// is said in French and loses nothing.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { siteFromContent } from "./archive.mjs";
import { headingOf, launch, openPage } from "./browser.mjs";
import { serveStatic } from "./static-server.mjs";
import { TOOLS } from "./paths.mjs";
import { startGhost } from "./ghost.mjs";

const BASE = "https://veille-ia.example";

let ghost;
let work;

before(async () => {
  ghost = await startGhost();
  work = await mkdtemp(join(tmpdir(), "veille-ghost-import-"));
});

after(async () => {
  await ghost?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const importInto = (dir, key = ghost.key) =>
  spawnSync(join(TOOLS, "veille-content"), ["import", "ghost", ghost.url, key, dir, "--base-url", BASE], {
    encoding: "utf8",
  });

const json = async (path) => JSON.parse(await readFile(path, "utf8"));

test("l’import écrit chaque article publié de Ghost, et rien d’autre", async () => {
  const dir = join(work, "contenu");
  const run = importInto(dir);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /14 articles et 3 thèmes importés/);
  assert.match(run.stderr, /14 \/ 14 articles/);
  const files = await readdir(join(dir, "articles"));
  assert.equal(files.length, 14);
  assert.ok(!files.some((f) => f.startsWith("brouillon") || f.startsWith("coming-soon")), files.join(" "));
  const rich = await json(join(dir, "articles", "elections-et-ia.json"));
  assert.equal(rich.title, "L’IA & les «\u00a0élections\u00a0» européennes");
  assert.equal(rich.lead, "Ce que les campagnes font déjà des modèles de langage.");
  assert.equal(rich.author, "Claire Dumas");
  assert.deepEqual(rich.tags, ["politique", "ia"]);
  const links = rich.body.flatMap((b) => (Array.isArray(b.text) ? b.text : [])).filter((r) => r.href);
  assert.ok(links.some((r) => r.href === "/article/hopitaux-et-donnees"), JSON.stringify(links));
  assert.ok(links.some((r) => r.href === "https://www.cnil.fr/"), JSON.stringify(links));
  const site = await json(join(dir, "site.json"));
  assert.equal(site.name, "Veille Ghost");
  assert.equal(site.tagline, "L’actualité de l’IA & des données, depuis Ghost");
  assert.equal(site.tags.find((t) => t.slug === "politique").description, "Lois, régulation & élections");
  assert.ok(!site.tags.some((t) => t.name.startsWith("#")));
});

test("un import suivant ne lit en entier que les articles modifiés, et retire ceux qui ont disparu", async () => {
  const dir = join(work, "suivi");
  const first = importInto(dir);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, /14 articles .*\(14 lus, 0 retirés/);
  const untouched = await readFile(join(dir, "articles", "breve-5.json"), "utf8");
  const bySlug = async (slug) => (await ghost.admin("GET", `posts/slug/${slug}/`)).posts[0];
  // An editor corrects a title, deletes a post, unpublishes one and publishes a new one.
  const three = await bySlug("breve-3");
  await ghost.admin("PUT", `posts/${three.id}/`, { posts: [{ title: "Brève n° 3 : corrigée", updated_at: three.updated_at }] });
  await ghost.admin("DELETE", `posts/${(await bySlug("breve-4")).id}/`);
  const six = await bySlug("breve-6");
  await ghost.admin("PUT", `posts/${six.id}/`, { posts: [{ status: "draft", updated_at: six.updated_at }] });
  await ghost.admin("POST", "posts/?source=html", {
    posts: [{ title: "Une brève de dernière minute", slug: "derniere-minute", html: "<p>Publiée après le premier import.</p>", status: "published" }],
  });
  const second = importInto(dir);
  assert.equal(second.status, 0, second.stderr);
  assert.match(second.stdout, /13 articles .*\(2 lus, 2 retirés/);
  const files = await readdir(join(dir, "articles"));
  assert.ok(files.includes("derniere-minute.json"));
  assert.ok(!files.includes("breve-4.json") && !files.includes("breve-6.json"));
  const corrected = (await json(join(dir, "articles", "breve-3.json"))).title;
  assert.equal(corrected.replace(/[\u00a0\u202f]/g, " "), "Brève n° 3 : corrigée");
  assert.equal(await readFile(join(dir, "articles", "breve-5.json"), "utf8"), untouched);
  assert.equal((await json(join(dir, "index", "1.json"))).total, 13);
  assert.match(importInto(dir).stdout, /\(0 lus, 0 retirés/);
});

test("une clé refusée par Ghost : message en français, contenu précédent intact", async () => {
  const dir = join(work, "garde");
  assert.equal(importInto(dir).status, 0);
  const before = await readFile(join(dir, "site.json"), "utf8");
  const articles = (await readdir(join(dir, "articles"))).length;
  const refused = importInto(dir, "0123456789abcdef01234567");
  assert.notEqual(refused.status, 0);
  assert.match(refused.stderr, /Ghost refuse la clé de l’API de contenu \(401\)/);
  assert.equal(await readFile(join(dir, "site.json"), "utf8"), before);
  assert.equal((await readdir(join(dir, "articles"))).length, articles);
});

test("le site construit depuis Ghost se lit dans Chromium", async () => {
  const site = await siteFromContent(join(work, "contenu"), join(work, "site"), "api", { everyPage: true });
  const server = await serveStatic(site);
  const browser = await launch();
  try {
    const { page, problems } = await openPage(browser, `${server.url}/article/elections-et-ia`);
    assert.equal(await headingOf(page), "L’IA & les «\u00a0élections\u00a0» européennes");
    assert.equal(await page.locator("a[href='https://www.youtube.com/embed/abc123']").count(), 1);
    await page.locator("a[href='/article/hopitaux-et-donnees']").first().click();
    await page.waitForFunction(() => location.pathname === "/article/hopitaux-et-donnees");
    assert.match(await headingOf(page), /hôpitaux face aux données/);
    // A theme's page, from the imported list.
    await page.goto(`${server.url}/tag/politique`);
    assert.equal(await headingOf(page), "Politique");
    assert.deepEqual(problems, []);
  } finally {
    await browser.close();
    await server.close();
  }
});
