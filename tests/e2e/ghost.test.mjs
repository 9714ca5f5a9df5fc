// Content from a real Ghost 5 (tests/e2e/ghost.mjs: npm's package, sqlite, seeded in French
// through the Admin API) imported at build time: `veille-content import ghost URL KEY DIR`
// writes the content directory, the prerender builds it, Chromium reads the pages; and the
// built site reads Ghost live (tests/e2e/live.mjs). A wrong key, a Ghost down or hidden behind a
// firewall, CORS refused, an answer too big: said in French, and nothing is lost.

import { test } from "node:test";
import assert from "node:assert/strict";
import { createHmac } from "node:crypto";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { headingOf } from "./browser.mjs";
import { checkIncremental, checkPhotoArticle, expectImported, json, keepsPrevious, readBuiltSite, runImport, withCms } from "./imports.mjs";
import { siteFromContent } from "./archive.mjs";
import { startGhost } from "./ghost.mjs";
import { FAULTS, failsInFrench, liveSite, readsLive, searchesTheIndex, startRelay } from "./live.mjs";
import { editFile, setMeta } from "./static-server.mjs";
import { articlePath, tagPath } from "./routes.mjs";
import { builtSite, keepsCurrent, servedArticle, startWatch, survivesKill } from "./publish.mjs";
import { serveStatic } from "./static-server.mjs";
import { request } from "node:http";

const context = withCms(startGhost, "ghost");

// Ghost's images linked as they are, with the copies Ghost makes (`--images cms`): what the
// mapping of Ghost's answers gives. The site's own copies are tested on WordPress.
const importInto = (dir, key = context.cms.key) => runImport("ghost", [context.cms.url, key, "--images", "cms"], dir);


test("l’import écrit chaque article publié de Ghost, et rien d’autre", async () => {
  const dir = join(context.work, "contenu");
  const files = await expectImported(importInto, dir, 15, 3);
  assert.ok(!files.some((f) => f.startsWith("brouillon") || f.startsWith("coming-soon")), files.join(" "));
  const rich = await json(join(dir, "articles", "elections-et-ia.json"));
  assert.equal(rich.title, "L’IA & les «\u00a0élections\u00a0» européennes");
  assert.equal(rich.lead, "Ce que les campagnes font déjà des modèles de langage.");
  assert.equal(rich.author, "Claire Dumas");
  assert.deepEqual(rich.author_profile, { slug: "claire", bio: "Journaliste, suit la régulation de l’IA." });
  assert.deepEqual(rich.tags, ["politique", "ia"]);
  const links = rich.body.flatMap((b) => (Array.isArray(b.text) ? b.text : [])).filter((r) => r.href);
  assert.ok(links.some((r) => r.href === articlePath("hopitaux-et-donnees")), JSON.stringify(links));
  assert.ok(links.some((r) => r.href === "https://www.cnil.fr/"), JSON.stringify(links));
  // The camera photo: Ghost's API gives no size for a feature image, read from the image (2,000
  // px wide, as Ghost keeps uploads); Ghost's own copies narrower than it; in the body, the
  // srcset Ghost wrote.
  const photo = await json(join(dir, "articles", "vision-et-photographie.json"));
  assert.match(photo.cover.src, /\/content\/images\/\d{4}\/\d\d\/pissenlits\.jpg$/);
  assert.deepEqual([photo.cover.width, photo.cover.height], [2000, 1125]);
  assert.deepEqual(photo.cover.sizes.map((s) => s.width), [600, 1000, 1200, 1600]);
  assert.ok(photo.cover.sizes.every((s) => s.src.includes(`/content/images/size/w${s.width}/`)), JSON.stringify(photo.cover.sizes));
  // And Ghost's copies in AVIF and WebP, the widest asked at 2,400 px (Ghost never enlarges).
  assert.deepEqual(photo.cover.formats.map((f) => f.type), ["image/avif", "image/webp"]);
  assert.deepEqual(photo.cover.formats[0].sizes.map((s) => s.width), [600, 1000, 1200, 1600, 2000]);
  assert.match(photo.cover.formats[0].sizes[4].src, /\/content\/images\/size\/w2400\/format\/avif\/\d{4}\/\d\d\/pissenlits\.jpg$/);
  const figure = photo.body.find((b) => b.type === "image");
  assert.deepEqual([figure.width, figure.height], [2000, 1125]);
  assert.ok(figure.sizes.some((s) => s.width === 1000 && s.src.includes("/size/w1000/")), JSON.stringify(figure.sizes));
  assert.deepEqual(figure.formats, photo.cover.formats);
  const site = await json(join(dir, "site.json"));
  assert.equal(site.name, "Veille Ghost");
  assert.equal(site.tagline, "L’actualité de l’IA & des données, depuis Ghost");
  assert.equal(site.tags.find((t) => t.slug === "politique").description, "Lois, régulation & élections");
  assert.ok(!site.tags.some((t) => t.name.startsWith("#")));
});

test("un import suivant ne lit en entier que les articles modifiés, et retire ceux qui ont disparu", async () => {
  const bySlug = async (slug) => (await context.cms.admin("GET", `posts/slug/${slug}/`)).posts[0];
  await checkIncremental(join(context.work, "suivi"), importInto, async () => {
    const three = await bySlug("breve-3");
    await context.cms.admin("PUT", `posts/${three.id}/`, { posts: [{ title: "Brève n° 3 : corrigée", updated_at: three.updated_at }] });
    await context.cms.admin("DELETE", `posts/${(await bySlug("breve-4")).id}/`);
    const six = await bySlug("breve-6");
    await context.cms.admin("PUT", `posts/${six.id}/`, { posts: [{ status: "draft", updated_at: six.updated_at }] });
    await context.cms.admin("POST", "posts/?source=html", {
      posts: [{ title: "Une brève de dernière minute", slug: "derniere-minute", html: "<p>Publiée après le premier import.</p>", status: "published" }],
    });
  }, 15);
});

test("une clé refusée par Ghost : message en français, contenu précédent intact", async () => {
  await keepsPrevious(join(context.work, "garde"), importInto, async (dir) => {
    const refused = importInto(dir, "0123456789abcdef01234567");
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /Ghost refuse la clé de l’API de contenu \(401\)/);
  });
});

test("la photo d’appareil arrive à la taille de l’écran : page d’îlots, budget d’octets, partage, accessibilité", async () => {
  const site = await siteFromContent(join(context.work, "contenu"), join(context.work, "site-photo"), "api", { everyPage: true });
  await checkPhotoArticle(site, articlePath("vision-et-photographie"), {
    cover: /\/content\/images\/size\/w1000\/format\/avif\/\d{4}\/\d\d\/pissenlits\.jpg$/,
    share: /\/content\/images\/size\/w1200\/\d{4}\/\d\d\/pissenlits\.jpg$/,
    budget: "cms_ghost_article_before_interaction_bytes",
  });
});

test("le site construit depuis Ghost se lit dans Chromium", async () => {
  await readBuiltSite(
    join(context.work, "contenu"),
    join(context.work, "site"),
    async (page) => assert.equal(await page.locator("a[href='https://www.youtube.com/embed/abc123']").count(), 1),
    // A theme's page, from the imported list.
    async (page, url) => {
      await page.goto(`${url}${tagPath("politique")}`);
      assert.equal(await headingOf(page), "Politique");
    },
  );
});

test("le site lit Ghost en direct : pages, thèmes, articles, ce qui est publié après la construction, et la recherche de l’index", async () => {
  const relay = await startRelay(context.cms.url);
  try {
    // An import of the site as it is now (earlier tests changed it), built to read it live.
    const content = join(context.work, "en-direct");
    assert.equal(importInto(content).status, 0);
    const site = await liveSite(content, join(context.work, "site-en-direct"), { kind: "ghost", url: relay.url, key: context.cms.key });
    let late;
    // Fewer than two pages' worth of posts: the home's head shows them all, no page before it.
    await readsLive(site, relay, {
      pages: false,
      publish: async () => {
        const title = "Une dépêche de dernière heure";
        const made = await context.cms.admin("POST", "posts/?source=html", {
          posts: [{ title, slug: "depeche-de-derniere-heure", html: "<p>Publiée après la construction du site, elle parle des élections.</p>", status: "published" }],
        });
        late = { slug: made.posts[0].slug, title };
        return late;
      },
    });
    // Ghost has no search: the build's index answers, without what came after it.
    await searchesTheIndex(site, relay, late, { word: "élections", finds: articlePath("elections-et-ia") });
    await failsInFrench(site, relay, late, FAULTS);
    // A key Ghost does not know (401), and none (403): refused, said so, nothing to retry.
    for (const [key, code] of [["0123456789abcdef01234567", 401], ["", 403]]) {
      const wrong = join(context.work, `cle-${code}`);
      await cp(site, wrong, { recursive: true });
      await editFile(join(wrong, "404.html"), (html) => setMeta(html, "veille-content-key", key));
      await failsInFrench(wrong, relay, late, { status: new RegExp(`refusé la demande \\(erreur ${code}\\)`) });
    }
  } finally {
    await relay.close();
  }
});

test("veille-content sync tient le site à jour de Ghost sans le construire : publié, corrigé, dépublié, supprimé", async () => {
  await keepsCurrent("ghost", [context.cms.url, context.cms.key], context.work, context.cms.editor);
});

/** POST `body` to `url` with these headers: the status. */
const post = (url, body, headers) =>
  new Promise((resolve, reject) => {
    const req = request(url, { method: "POST", headers: { "Content-Type": "application/json", ...headers } }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode));
    });
    req.on("error", reject);
    req.end(body);
  });

test("veille-content watch publie à la notification signée de Ghost, refuse une signature fausse, et son tour régulier rattrape ce que personne n’a notifié", async () => {
  const args = [context.cms.url, context.cms.key];
  const content = join(context.work, "contenu-veille");
  const site = await builtSite("ghost", args, content, join(context.work, "site-veille"));
  const server = await serveStatic(site);
  const secret = "secret-partage-de-test";
  // A port of its own: the watcher says which it bound.
  const watch = startWatch("ghost", args, content, site, ["--poll", "3600", "--listen", "127.0.0.1:0", "--secret", secret]);
  let timed;
  try {
    const listening = await watch.waitFor(/à l’écoute des notifications sur (http:\/\/[^ ]+)/);
    const address = listening.match(/(http:\/\/127\.0\.0\.1:\d+)\//)[1];
    await watch.waitFor(/démarrage\u00a0— /);
    await context.cms.notify(address, secret);
    // Published: on the static server within seconds, though the next timed round is an hour away.
    const from = watch.lines.length;
    const started = Date.now();
    await context.cms.editor.publish("notifie-par-ghost", "Notifié par Ghost");
    const line = await watch.waitFor(/notifié \(Ghost\u00a0: notifie-par-ghost \(published\)\)\u00a0— publié/, 30, from);
    // Only the post the webhook names is read: the settings and that post, two requests
    // whatever the archive's size (the listing would be one more per hundred posts).
    assert.match(line, /publié\u00a0: 1 lus, 0 retirés.*\b2\u00a0requêtes au CMS\)/);
    assert.deepEqual(await servedArticle(server.url, "notifie-par-ghost"), { status: 200, ogTitle: "Notifié par Ghost" });
    console.log(`# Ghost → page servie : ${((Date.now() - started) / 1000).toFixed(2)} s`);
    // The same notification again, twice, signed afresh (a retry, or a signed request replayed
    // within the five minutes): each a round that reads the post and finds the site current.
    const { slugs } = await json(join(content, "import.json"));
    const [id] = Object.entries(slugs).find(([, slug]) => slug === "notifie-par-ghost");
    const again = JSON.stringify({ post: { current: { id, slug: "notifie-par-ghost", status: "published" } } });
    for (let i = 0; i < 2; i++) {
      const at = watch.lines.length;
      const t = Date.now();
      const signature = `sha256=${createHmac("sha256", secret).update(again + t).digest("hex")}, t=${t}`;
      assert.equal(await post(`${address}/ghost`, again, { "X-Ghost-Signature": signature }), 202);
      await watch.waitFor(/notifié \(Ghost\u00a0: notifie-par-ghost \(published\)\)\u00a0— à jour/, 30, at);
    }
    assert.deepEqual(await servedArticle(server.url, "notifie-par-ghost"), { status: 200, ogTitle: "Notifié par Ghost" });
    // Unpublished: gone as fast.
    const later = watch.lines.length;
    await context.cms.editor.unpublish("notifie-par-ghost");
    await watch.waitFor(/notifié .*\u00a0— publié\u00a0: 0 lus, 1 retirés.*\b2\u00a0requêtes au CMS\)/, 30, later);
    assert.equal((await servedArticle(server.url, "notifie-par-ghost")).status, 404);
    // Signed with another secret, or not at all: refused, said, and no round.
    const body = JSON.stringify({ post: { current: { slug: "x", status: "published" } } });
    const forged = `sha256=${"0".repeat(64)}, t=${Date.now()}`;
    const rounds = watch.lines.filter((l) => l.includes("— ")).length;
    assert.equal(await post(`${address}/ghost`, body, { "X-Ghost-Signature": forged }), 401);
    assert.equal(await post(`${address}/ghost`, body, {}), 401);
    await watch.waitFor(/notification refusée\u00a0: Ghost\u00a0: signature fausse/);
    await watch.waitFor(/notification refusée\u00a0: Ghost\u00a0: signature absente/);
    await new Promise((resolve) => setTimeout(resolve, 500));
    assert.equal(watch.lines.filter((l) => l.includes("— ")).length, rounds);
    // Its health, for monitoring.
    const health = await (await fetch(`${address}/sante`)).json();
    assert.equal(health.etat, "ok");
    assert.ok(health.tours >= 3 && health.dernier_succes > 0, JSON.stringify(health));

    // The webhooks removed, what follows is told to nobody: a timed round (every 2 s) catches
    // it, from the posts updated last (a publish, a new title) or, when a post left, from the
    // whole listing (the count of published posts does not add up).
    await context.cms.notify(null);
    await watch.stop();
    timed = startWatch("ghost", args, content, site, ["--poll", "2"]);
    await timed.waitFor(/démarrage\u00a0— /);
    const pause = () => new Promise((resolve) => setTimeout(resolve, 1100));
    const slug = "vu-au-tour-regulier";
    let at = timed.lines.length;
    await context.cms.editor.publish(slug, "Vu au tour régulier");
    await timed.waitFor(/tour régulier\u00a0— publié\u00a0: 1 lus, 0 retirés/, 20, at);
    assert.deepEqual(await servedArticle(server.url, slug), { status: 200, ogTitle: "Vu au tour régulier" });
    await pause();
    at = timed.lines.length;
    await context.cms.editor.retitle(slug, "Vu au tour régulier, corrigé");
    await timed.waitFor(/tour régulier\u00a0— publié\u00a0: 1 lus, 0 retirés/, 20, at);
    assert.equal((await servedArticle(server.url, slug)).ogTitle, "Vu au tour régulier, corrigé");
    await pause();
    at = timed.lines.length;
    await context.cms.editor.unpublish(slug);
    await timed.waitFor(/tour régulier\u00a0— publié\u00a0: 0 lus, 1 retirés/, 20, at);
    assert.equal((await servedArticle(server.url, slug)).status, 404);
  } finally {
    await context.cms.notify(null);
    await watch.stop();
    await timed?.stop();
    await server.close();
  }
});

test("un arrêt brutal (kill -9) au milieu d’une mise à jour laisse un site cohérent, que le tour suivant termine", async () => {
  await survivesKill("ghost", [context.cms.url, context.cms.key], context.work, context.cms.editor);
});
