// Content from a real WordPress (tests/e2e/wordpress.mjs: Debian's packages, seeded in French by
// tests/cms/wordpress/seed.php) imported at build time: `veille-content import wordpress`
// writes the content directory, the prerender builds it, Chromium reads the pages; and the
// built site reads WordPress live (tests/e2e/live.mjs). And what goes wrong is said in French
// and loses nothing: a CMS down, a page that is not WordPress, CORS refused, an answer too big.

import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { BASE, checkIncremental, checkPhotoArticle, expectImported, json, keepsPrevious, readBuiltSite, runImport, withCms } from "./imports.mjs";
import { siteFromContent } from "./archive.mjs";
import { serveStatic } from "./static-server.mjs";
import { TOOLS } from "./paths.mjs";
import { FAULTS, failsInFrench, liveSite, readsLive, searchesLive, startRelay } from "./live.mjs";
import { startWordPress } from "./wordpress.mjs";
import { articlePath } from "./routes.mjs";
import { builtSite, keepsCurrent, servedArticle, startWatch, survivesKill } from "./publish.mjs";

const context = withCms(startWordPress, "wordpress");

// The CMS's images linked as they are (`--images cms`): what the mapping of WordPress' answers
// gives; the site's own copies (the default) have a test of their own below.
const importInto = (dir, url = context.cms.url) => runImport("wordpress", [url, "--images", "cms"], dir);

/** The same, without blocking this process (for a server it runs itself). */
function importAsync(dir, url) {
  return new Promise((resolve) => {
    const child = spawn(join(TOOLS, "veille-content"), ["import", "wordpress", url, dir, "--base-url", BASE, "--images", "cms"]);
    let stderr = "";
    child.stderr.setEncoding("utf8").on("data", (s) => (stderr += s));
    child.on("close", (status) => resolve({ status, stderr }));
  });
}

test("l’import écrit chaque article publié de WordPress, et rien d’autre", async () => {
  const dir = join(context.work, "contenu");
  const files = await expectImported(importInto, dir, 26, 4);
  // Neither the draft nor the scheduled post, nor WordPress' own first post.
  for (const absent of ["brouillon.json", "programme.json", "hello-world.json", "bonjour-tout-le-monde.json"]) {
    assert.ok(!files.includes(absent), absent);
  }
  const rich = await json(join(dir, "articles", "elections-et-ia.json"));
  assert.equal(rich.title, "L’IA & les «\u00a0élections\u00a0» européennes");
  assert.equal(rich.author, "Claire Dumas");
  assert.deepEqual(rich.author_profile, { slug: "claire", bio: "Journaliste, suit la régulation de l’IA." });
  assert.deepEqual(rich.tags, ["politique", "elections", "ia"].filter((t) => rich.tags.includes(t)));
  assert.equal(rich.cover.alt, "Une urne transparente");
  assert.ok(rich.cover.src.startsWith(`${context.cms.url}/wp-content/uploads/`), rich.cover.src);
  const links = rich.body.flatMap((b) => (Array.isArray(b.text) ? b.text : [])).filter((r) => r.href);
  assert.ok(links.some((r) => r.href === articlePath("hopitaux-et-donnees")), JSON.stringify(links));
  // The post whose slug is in another script gets a Veille slug of its own, with its id.
  assert.ok(files.some((f) => /^ia-\d+\.json$/.test(f)), files.join(" "));
  const site = await json(join(dir, "site.json"));
  assert.equal(site.name, "Veille test");
  assert.equal(site.base_url, BASE);
  const politique = site.tags.find((t) => t.slug === "politique");
  assert.equal(politique.description, "Lois, régulation & élections");
  assert.ok(!site.tags.some((t) => t.slug === "non-classe" || t.slug === "uncategorized"));
  // The camera photo: its size as WordPress keeps it (the 2560-pixel « -scaled » copy) and the
  // sizes it made in its proportions (not the square thumbnail); in the body, the size the
  // editor inserted (« large ») with the srcset WordPress wrote for it.
  const photo = await json(join(dir, "articles", "vision-et-photographie.json"));
  assert.match(photo.cover.src, /\/pissenlits-scaled\.jpg$/);
  assert.deepEqual([photo.cover.width, photo.cover.height], [2560, 1440]);
  assert.deepEqual(photo.cover.sizes.map((s) => s.width).sort((a, b) => a - b), [300, 768, 1024, 1536, 2048, 2560]);
  assert.ok(photo.cover.sizes.some((s) => s.src.endsWith("/pissenlits-768x432.jpg")), JSON.stringify(photo.cover.sizes));
  const figure = photo.body.find((b) => b.type === "image");
  assert.deepEqual([figure.width, figure.height], [1024, 576]);
  assert.match(figure.src, /pissenlits-1024x576\.jpg$/);
  assert.ok(figure.sizes.some((s) => s.width === 768 && s.src.endsWith("-768x432.jpg")), JSON.stringify(figure.sizes));
  // The derived files are there for API mode, pages of ten numbered from the oldest: the head
  // shows the last two (16 articles), page 1 the ten oldest.
  const index = await json(join(dir, "index", "0.json"));
  assert.deepEqual([index.total, index.items.length, index.older], [26, 16, 1]);
  const first = await json(join(dir, "index", "1.json"));
  assert.deepEqual([first.items.length, first.older, first.newer], [10, null, 0]);
});

test("un second import du même site écrit les mêmes fichiers", async () => {
  const dir = join(context.work, "deux-fois");
  assert.equal(importInto(dir).status, 0);
  const first = await readFile(join(dir, "articles", "elections-et-ia.json"), "utf8");
  assert.equal(importInto(dir).status, 0);
  assert.equal(await readFile(join(dir, "articles", "elections-et-ia.json"), "utf8"), first);
});

test("un import suivant ne lit en entier que les articles modifiés, et retire ceux qui ont disparu", async () => {
  const id = (slug) => `get_page_by_path('${slug}', OBJECT, 'post')->ID`;
  await checkIncremental(join(context.work, "suivi"), importInto, async () => {
    context.cms.php(`wp_update_post(['ID' => ${id("breve-3")}, 'post_title' => 'Brève n° 3 : corrigée']);`);
    context.cms.php(`wp_trash_post(${id("breve-4")});`);
    context.cms.php(`wp_update_post(['ID' => ${id("breve-6")}, 'post_status' => 'draft']);`);
    context.cms.php(
      `wp_insert_post(['post_title' => 'Une brève de dernière minute', 'post_name' => 'derniere-minute', 'post_content' => '<p>Publiée après le premier import.</p>', 'post_status' => 'publish', 'post_author' => 2]);`,
    );
  }, 26);
});

test("un WordPress injoignable ou une page qui n’en est pas un : message en français, contenu précédent intact", async () => {
  await keepsPrevious(join(context.work, "garde"), importInto, async (dir) => {
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
  });
});

test("le site construit depuis WordPress se lit dans Chromium", async () => {
  await readBuiltSite(join(context.work, "contenu"), join(context.work, "site"), async (page) => {
    // The quote and its citation, the embed as a link to its source.
    assert.match(await page.locator("blockquote").first().textContent(), /Un outil ne remplace pas une enquête/);
    assert.equal(await page.locator("a[href='https://www.youtube.com/watch?v=abc123']").count(), 1);
  });
});

test("la photo d’appareil arrive à la taille de l’écran : page d’îlots, budget d’octets, partage, accessibilité", async () => {
  const site = await siteFromContent(join(context.work, "contenu"), join(context.work, "site-photo"), "api", { everyPage: true });
  await checkPhotoArticle(site, articlePath("vision-et-photographie"), { cover: /-768x432\.jpg$/, share: /-1536x864\.jpg$/ });
});

test("par défaut, le site sert ses propres copies AVIF des images, faites une fois à l’import", async () => {
  const dir = join(context.work, "images-locales");
  const local = () => runImport("wordpress", [context.cms.url], dir);
  const first = local();
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stderr, /images\u00a0: [1-9]\d* faites en [\d\u202f]+\u00a0ms, [\d\u202f]+\u00a0ms par image/);
  const photo = await json(join(dir, "articles", "vision-et-photographie.json"));
  assert.match(photo.cover.src, /^\/media\/[0-9a-f]{16}-1536\.jpg$/);
  assert.deepEqual([photo.cover.width, photo.cover.height], [1536, 864]);
  assert.deepEqual(photo.cover.formats.map((f) => f.type), ["image/avif"]);
  assert.deepEqual(photo.cover.formats[0].sizes.map((s) => s.width), [480, 768, 1024, 1536]);
  // The photo in the text is the same upload: the same copies, made once.
  const figure = photo.body.find((b) => b.type === "image");
  assert.deepEqual(figure.formats, photo.cover.formats);
  // The next import makes nothing again: no image fetched, the same files.
  const again = local();
  assert.equal(again.status, 0, again.stderr);
  assert.match(again.stderr, /images\u00a0: 0 faites/);
  assert.deepEqual(await json(join(dir, "articles", "vision-et-photographie.json")), photo);
  const site = await siteFromContent(dir, join(context.work, "site-images-locales"), "api", { everyPage: true });
  await checkPhotoArticle(site, articlePath("vision-et-photographie"), {
    cover: /\/media\/[0-9a-f]{16}-768\.avif$/,
    share: /\/media\/[0-9a-f]{16}-1536\.jpg$/,
    budget: "cms_local_article_before_interaction_bytes",
  });
});

test("le site lit WordPress en direct : pages, thèmes, articles, et ce qui est publié après la construction, recherche comprise", async () => {
  const relay = await startRelay(context.cms.url);
  try {
    // An import of the site as it is now (earlier tests changed it), built to read it live.
    const content = join(context.work, "en-direct");
    assert.equal(importInto(content).status, 0);
    const site = await liveSite(content, join(context.work, "site-en-direct"), { kind: "wordpress", url: relay.url });
    // In another script, its slug written out loses it: the address carries the post's id.
    let late;
    await readsLive(site, relay, {
      publish: async () => {
        const title = "Une dépêche venue de Pékin";
        const id = context.cms.php(
          `echo wp_insert_post(['post_title' => '${title}', 'post_name' => 'ia-北京', 'post_content' => '<p>Publiée après la construction du site, elle parle des élections.</p>', 'post_status' => 'publish', 'post_author' => 2]);`,
        );
        late = { slug: `ia-${id.trim()}`, title };
        return late;
      },
    });
    // Not in the build's search index: WordPress' own search finds it, first.
    await searchesLive(site, relay, late, { word: "élections", folded: "« pekin »" });
    await failsInFrench(site, relay, late, FAULTS);
  } finally {
    await relay.close();
  }
});

test("veille-content sync tient le site à jour de WordPress sans le construire : publié, corrigé, dépublié, supprimé", async () => {
  await keepsCurrent("wordpress", [context.cms.url], context.work, context.cms.editor);
});

test("veille-content watch publie à la notification de l’extension WordPress en ne lisant que l’article nommé, rattrape au démarrage, et son tour régulier rattrape une notification perdue", async () => {
  const content = join(context.work, "contenu-veille");
  const site = await builtSite("wordpress", [context.cms.url], content, join(context.work, "site-veille"));
  const server = await serveStatic(site);
  const secret = "secret-partage-de-test";
  const pause = () => new Promise((resolve) => setTimeout(resolve, 1100));
  // A timed round an hour away: whatever is published comes from the notification.
  const notified = startWatch("wordpress", [context.cms.url], content, site, ["--poll", "3600", "--listen", "127.0.0.1:0", "--secret", secret]);
  let timed;
  try {
    const listening = await notified.waitFor(/à l’écoute des notifications sur (http:\/\/[^ ]+)/);
    const address = listening.match(/(http:\/\/127\.0\.0\.1:\d+)\//)[1];
    await notified.waitFor(/démarrage\u00a0— /);
    // Another post retitled before the plugin is pointed at the watcher (a notification lost).
    const silent = "Santé : les hôpitaux face aux données, revu";
    await context.cms.editor.retitle("hopitaux-et-donnees", silent);
    // The plugin, dropped into mu-plugins as docs/cms.md says, pointed at the watcher.
    await context.cms.notify(address, secret);
    await pause();
    let from = notified.lines.length;
    const started = Date.now();
    await context.cms.editor.publish("notifie-par-wordpress", "Notifié par WordPress");
    // The notified round reads the post it names, and only it: four requests (the site, the
    // post, the categories, the tags), whatever the archive's size; the lost change waits
    // for the listing of a timed round.
    const line = await notified.waitFor(/notifié \(WordPress\u00a0: post\.published\)\u00a0— publié\u00a0: 1 lus, 0 retirés/, 20, from);
    assert.match(line, /\b4\u00a0requêtes au CMS\)/);
    assert.deepEqual(await servedArticle(server.url, "notifie-par-wordpress"), { status: 200, ogTitle: "Notifié par WordPress" });
    assert.match((await servedArticle(server.url, "hopitaux-et-donnees")).ogTitle, /données$/);
    console.log(`# WordPress → page servie : ${((Date.now() - started) / 1000).toFixed(2)} s`);
    // A plugin signing with another secret is refused, said, and publishes nothing.
    context.cms.php(`update_option('veille_publication_secret', 'un-autre-secret');`);
    await pause();
    from = notified.lines.length;
    await context.cms.editor.retitle("notifie-par-wordpress", "Corrigé, notification refusée");
    await notified.waitFor(/notification refusée\u00a0: WordPress\u00a0: signature fausse/, 20, from);
    assert.equal((await servedArticle(server.url, "notifie-par-wordpress")).ogTitle, "Notifié par WordPress");
    await notified.stop();

    // Started again, the watcher catches up at once; then, the notifications lost (nobody
    // listens at the plugin's address any more), its timed round (every 2 s) catches the next.
    timed = startWatch("wordpress", [context.cms.url], content, site, ["--poll", "2"]);
    await timed.waitFor(/démarrage\u00a0— publié\u00a0: 2 lus/);
    assert.equal((await servedArticle(server.url, "notifie-par-wordpress")).ogTitle, "Corrigé, notification refusée");
    assert.match((await servedArticle(server.url, "hopitaux-et-donnees")).ogTitle, /données, revu$/);
    await pause();
    from = timed.lines.length;
    await context.cms.editor.retitle("notifie-par-wordpress", "Corrigé, notification perdue");
    await timed.waitFor(/tour régulier\u00a0— publié\u00a0: 1 lus/, 20, from);
    assert.equal((await servedArticle(server.url, "notifie-par-wordpress")).ogTitle, "Corrigé, notification perdue");
    // Unpublished, told to nobody: the posts modified last cannot show a post that left, the
    // count of published posts does, and the timed round reads the whole listing.
    await pause();
    from = timed.lines.length;
    await context.cms.editor.unpublish("notifie-par-wordpress");
    await timed.waitFor(/tour régulier\u00a0— publié\u00a0: 0 lus, 1 retirés/, 20, from);
    assert.equal((await servedArticle(server.url, "notifie-par-wordpress")).status, 404);
  } finally {
    await context.cms.notify(null);
    await notified.stop();
    await timed?.stop();
    await server.close();
  }
});

test("un arrêt brutal (kill -9) au milieu d’une mise à jour laisse un site cohérent, que le tour suivant termine", async () => {
  await survivesKill("wordpress", [context.cms.url], context.work, context.cms.editor);
});
