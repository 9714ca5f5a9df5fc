// Long unbroken words: every text a reader can meet wraps inside its box, at every width from
// 320 px to 1,280 px, in both themes. The sample site gets four articles whose every field holds
// a token with no break in it — a long URL, a chemical name, a run of emoji, a run of Arabic
// letters — and a site description (tag, tagline, about, newsletter copy) made the same way;
// it is prerendered by the real build step. The home page, the tag page, each such article,
// the about page and the 404 (rendered from the same content read as a content API) are then
// measured in headless Chromium: nothing may scroll sideways, stick out of the screen, overflow
// the box that holds it, or be clipped.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { contentFromSample, siteFromContent } from "./archive.mjs";
import { appReady, launch } from "./browser.mjs";
import { serveStatic } from "./static-server.mjs";
import { articlePath, tagPath } from "./routes.mjs";

const WIDTHS = [320, 375, 768, 1024, 1280];
const SCHEMES = ["light", "dark"];

// Each about 300 characters with no break opportunity a browser would use on its own.
const TOKENS = {
  url: `https://exemple.org/${"dossier-sans-espace_".repeat(14)}fin.html`,
  chimie: "méthylènedioxyméthamphétaminetétrahydrocannabinolhexafluorophosphate".repeat(4),
  emoji: "🤖🧠📊🔬".repeat(40),
  arabe: "الذكاءالاصطناعيوعلومالبيانات".repeat(10),
};
const TAG = "tres-long";

let browser;
let server;
let work;

before(async () => {
  browser = await launch();
  work = await mkdtemp(join(tmpdir(), "veille-layout-"));
  const all = Object.values(TOKENS).join(" ");
  const content = await contentFromSample(join(work, "content"), {
    sampleArticles: true,
    editSite: (site) => {
      site.tagline = `Accroche ${TOKENS.chimie}`;
      site.about = `À propos ${all}`;
      site.newsletter.title = `Lettre ${TOKENS.chimie}`;
      site.newsletter.pitch = `Argument ${TOKENS.url}`;
      site.newsletter.privacy = `Confidentialité ${TOKENS.arabe}`;
      site.tags.unshift({ slug: TAG, name: `Rubrique ${TOKENS.chimie}`, description: `Description ${all}` });
    },
    // Newest first: the home page's lead story and first cards are these.
    articles: () =>
      Object.entries(TOKENS).map(([kind, token], i) => ({
        slug: `mot-long-${kind}`,
        title: `Titre ${token}`,
        lead: `Chapô ${token}`,
        published: `2031-0${i + 1}-01`,
        author: `Autrice ${token}`,
        tags: [TAG, "sante"],
        cover: { src: "/images/evaluer-un-classifieur.svg", alt: `Image ${token}`, credit: `Crédit ${token}` },
        body: [
          { type: "paragraph", text: [`Texte ${token} `, { b: token }, " ", { i: token }, " ", { code: token }, " ", { link: token, href: TOKENS.url }] },
          { type: "heading", level: 2, text: `Première partie ${token}` },
          { type: "quote", text: `Citation ${token}`, attribution: `Quelqu’un ${token}` },
          { type: "heading", level: 2, text: `Deuxième partie ${token}` },
          { type: "list", ordered: true, items: [`Un ${token}`, [{ b: token }]] },
          { type: "image", src: "/images/evaluer-un-classifieur.svg", alt: `Figure ${token}`, caption: `Légende ${token}`, credit: `Crédit ${token}` },
          { type: "heading", level: 3, text: `Sous-partie ${token}` },
          { type: "heading", level: 2, text: `Troisième partie ${token}` },
          { type: "note", title: `À noter ${token}`, text: `Aparté ${token}` },
        ],
      })),
  });
  // Prerendered; the 404 page renders the address afresh from the same content, as an API.
  server = await serveStatic(await siteFromContent(content, join(work, "site"), "api-longue"));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (work) await rm(work, { recursive: true, force: true });
});

/** What breaks the layout of the page as it is now, each in words. */
const problems = (page) =>
  page.evaluate(() => {
    const found = [];
    const width = document.documentElement.clientWidth;
    const name = (e) => `${e.tagName.toLowerCase()}${e.className && typeof e.className === "string" ? "." + e.className.split(" ")[0] : ""}`;
    if (document.documentElement.scrollWidth > width) found.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} px for ${width}`);
    const hidden = (e) => e.closest(".visually-hidden, .newsletter__trap, .skip-link, svg, [hidden]");
    // Inside a row meant to scroll sideways (the phone navigation), items are out of the screen
    // until scrolled to: that row is checked on its own, below.
    const scrolled = (e) => {
      for (let n = e.parentElement; n && n !== document.body; n = n.parentElement) {
        if (/auto|scroll/.test(getComputedStyle(n).overflowX)) return true;
      }
      return false;
    };
    for (const e of document.querySelectorAll("body *")) {
      if (hidden(e) || e.getClientRects().length === 0) continue;
      const st = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      // Nothing sticks out of the screen.
      if ((r.right > width + 1 || r.left < -1) && !scrolled(e)) found.push(`${name(e)} sticks out: ${Math.round(r.left)}–${Math.round(r.right)} px`);
      if (st.display === "inline" || st.display === "contents") continue;
      const scroller = /auto|scroll/.test(st.overflowX);
      if (scroller) {
        // A row meant to scroll sideways (the phone navigation): each item fits in it.
        for (const child of e.children) {
          if (child.getBoundingClientRect().width > e.clientWidth + 1) found.push(`${name(child)} is wider than its row ${name(e)}`);
        }
      } else if (e.scrollWidth > e.clientWidth + 1 && e.textContent.trim()) {
        // Text overflows its box (shown over its neighbour, or clipped when the box hides it).
        found.push(`${name(e)} overflows: ${e.scrollWidth} px in ${e.clientWidth}`);
      }
    }
    return [...new Set(found)];
  });

test("un mot sans espace très long passe à la ligne dans sa boîte, de 320 à 1 280 px, en clair et en sombre", async () => {
  const routes = ["/", tagPath(TAG), ...Object.keys(TOKENS).map((kind) => articlePath(`mot-long-${kind}`)), "/a-propos", "/adresse/inconnue"];
  const found = [];
  for (const scheme of SCHEMES) {
    for (const path of routes) {
      const context = await browser.newContext({ colorScheme: scheme, viewport: { width: WIDTHS[0], height: 900 } });
      const page = await context.newPage();
      await page.goto(`${server.url}${path}`);
      assert.ok(await appReady(page), `${path}: the app did not start`);
      // The long content is on the page (the 404 renders it from the API: its footer).
      await page.locator(".site-footer__about", { hasText: "méthylène" }).waitFor({ timeout: 5000 });
      if (path.startsWith(articlePath(""))) {
        // Related articles and the table of contents hold long words too.
        await page.locator(".related .card__title").first().waitFor({ timeout: 5000 });
        assert.ok(await page.locator(".toc a").count() >= 3, `${path}: no table of contents`);
      }
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 900 });
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
        for (const problem of await problems(page)) found.push(`${path} at ${width} px (${scheme}): ${problem}`);
      }
      await context.close();
    }
  }
  assert.deepEqual(found, [], `${found.length} problems:\n${found.slice(0, 60).join("\n")}`);
});

test("témoin : avec la règle d’avant (overflow-wrap: break-word), la page déborde", async () => {
  // The check above can fail, and the fix is needed: with the rule the site had before,
  // `break-word` (which breaks a long word inside a line but lets the cards and grid items
  // holding it grow to its full length), the same home page scrolls sideways.
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}/`);
  assert.ok(await appReady(page));
  await page.addStyleTag({ content: "body { overflow-wrap: break-word !important; }" });
  const found = await problems(page);
  assert.ok(found.some((p) => p.startsWith("the page scrolls sideways")), found.join("\n"));
  await context.close();
});
