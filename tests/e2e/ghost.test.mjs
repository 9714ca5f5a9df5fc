// Content from a real Ghost 5 (tests/e2e/ghost.mjs: npm's package, sqlite, seeded in French
// through the Admin API) imported at build time: `veille-content import ghost URL KEY DIR`
// writes the content directory, the prerender builds it, Chromium reads the pages; and the
// built site reads Ghost live (tests/e2e/live.mjs). A wrong key, a Ghost down or hidden behind a
// firewall, CORS refused, an answer too big: said in French, and nothing is lost.

import { test } from "node:test";
import assert from "node:assert/strict";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { headingOf } from "./browser.mjs";
import { checkIncremental, checkPhotoArticle, expectImported, json, keepsPrevious, readBuiltSite, runImport, withCms } from "./imports.mjs";
import { siteFromContent } from "./archive.mjs";
import { startGhost } from "./ghost.mjs";
import { FAULTS, failsInFrench, liveSite, readsLive, searchesTheIndex, startRelay } from "./live.mjs";
import { editFile, setMeta } from "./static-server.mjs";
import { articlePath, tagPath } from "./routes.mjs";

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
    await readsLive(site, relay, {
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
