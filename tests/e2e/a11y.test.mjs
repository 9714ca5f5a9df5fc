// Accessibility of the release build, in headless Chromium: axe-core (WCAG 2.0/2.1/2.2 A and AA,
// and best practices) on every route and on every state of the newsletter box, in light and dark;
// the page structure; keyboard-only use with real key events; text spacing and zoom; reduced
// motion. Each violation is printed with its rule, element and help page.
//
// Alone: `node --test tests/e2e/a11y.test.mjs` (after `./dev.sh build`; the style guide audit
// also needs `trunk build --dist target/dist-styleguide`, which `./dev.sh test` runs).

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { access, cp, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { audit } from "./axe.mjs";
import { appReady, launch } from "./browser.mjs";
import { startContentApi } from "./content-api-server.mjs";
import { serveStatic, setMeta } from "./static-server.mjs";
import { DIST, ISLANDS, ROOT, TOOLS } from "./paths.mjs";
import { articlePath, oneOfEach } from "./routes.mjs";

const STYLEGUIDE_DIST = process.env.VEILLE_STYLEGUIDE_DIST ?? join(ROOT, "target", "dist-styleguide");
// Built by ./dev.sh build (Cargo profile `prerender`).
const PRERENDER = join(TOOLS, "veille-prerender");
const index = JSON.parse(await readFile(join(ROOT, "public/api/index/0.json"), "utf8"));
const SLUG = index.items[0].slug;
const ARTICLE = articlePath(SLUG);
// A page of each kind the build has, and the 404.
const ROUTES = [...oneOfEach(DIST).map((r) => r.path), "/rubrique/inexistante"];
const SCHEMES = ["light", "dark"];

let browser;
let server;
let api;

before(async () => {
  browser = await launch();
  server = await serveStatic(DIST);
  api = await startContentApi();
});

const configured = new Map(); // scenario → { server, dir }

after(async () => {
  await browser?.close();
  await server?.close();
  await api?.close();
  for (const { server: s, dir } of configured.values()) {
    await s.close();
    await rm(dir, { recursive: true, force: true });
  }
});

// The audit's own script and style are injected into the pages: their contexts bypass the
// pages' Content-Security-Policy (tests/e2e/security.test.mjs checks it).

async function open(path, { scheme = "light", reducedMotion = "no-preference", viewport } = {}) {
  const context = await browser.newContext({ colorScheme: scheme, reducedMotion, viewport, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.url}${path}`);
  assert.ok(await appReady(page), `${path}: the app did not start`);
  return { context, page };
}

test("axe-core : aucune violation sur chaque route, en clair et en sombre", async () => {
  const found = [];
  for (const scheme of SCHEMES) {
    for (const path of ROUTES) {
      const { context, page } = await open(path, { scheme });
      found.push(...(await audit(page, `${path} (${scheme})`)));
      await context.close();
    }
  }
  assert.deepEqual(found, []);
});

/**
 * The site built for signups sent to the test endpoint's `scenario`: a copy of `dist/` whose
 * template (`spa.html`) has that newsletter `<meta>`, prerendered again — as a site configured
 * so before its build is (its pages' CSP then allows that endpoint; its pages are pages of
 * islands, as `./dev.sh build` makes them). Served on its own port.
 */
async function siteWith(scenario) {
  if (!configured.has(scenario)) {
    const dir = await mkdtemp(join(tmpdir(), `veille-a11y-${scenario}-`));
    await cp(DIST, dir, { recursive: true });
    const template = join(dir, "spa.html");
    const html = await readFile(template, "utf8");
    await writeFile(template, setMeta(html, "veille-newsletter", `json ${api.url}/newsletter/${scenario}/a11y/inscription`));
    execFileSync(PRERENDER, ["--islands", ISLANDS, dir], { stdio: "ignore" });
    configured.set(scenario, { server: await serveStatic(dir), dir });
  }
  return configured.get(scenario).server;
}

/** Opens the article with the newsletter box sending to the test endpoint's `scenario`. */
async function withNewsletter(scenario, scheme, extra = {}) {
  const site = await siteWith(scenario);
  const context = await browser.newContext({ colorScheme: scheme, reducedMotion: extra.reducedMotion, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${site.url}${ARTICLE}`);
  assert.ok(await appReady(page));
  const form = page.locator(".newsletter__form");
  return { context, page, form };
}

test("axe-core : la lettre dans chacun de ses états (invalide, envoi, succès, chaque erreur), en clair et en sombre", async () => {
  const found = [];
  const states = [
    // [label, scenario, address, what shows the state]
    ["invalide", "ok", "pas-une-adresse", ".newsletter .field-error"],
    ["envoi", "slow", "claire@exemple.fr", ".newsletter__sending"],
    ["succès", "ok-optin", "claire@exemple.fr", ".newsletter__thanks"],
    ["refus", "refused", "claire@exemple.fr", ".newsletter__error"],
    ["déjà inscrite", "already", "claire@exemple.fr", ".newsletter__error"],
    ["panne", "down", "claire@exemple.fr", ".newsletter__error"],
    ["injoignable", "blocked", "claire@exemple.fr", ".newsletter__error"],
  ];
  for (const scheme of SCHEMES) {
    for (const [label, scenario, address, shown] of states) {
      const { context, page, form } = await withNewsletter(scenario, scheme);
      await form.locator("input[type=email]").fill(address);
      await form.locator("button[type=submit]").click();
      await page.locator(shown).waitFor({ timeout: 10000 });
      found.push(...(await audit(page, `lettre ${label} (${scheme})`)));
      await context.close();
    }
  }
  assert.deepEqual(found, []);
});

test("axe-core : la recherche dans chacun de ses états (résultats, aucun, index absent, hors connexion), en clair et en sombre", async () => {
  const found = [];
  const states = [
    // [label, address, what the index answers, what shows the state]
    ["résultats", "/recherche?q=donn%C3%A9es", null, ".search-result"],
    ["filtrée", "/recherche?q=donn%C3%A9es&rubrique=sante&tri=date", null, ".search-result"],
    ["aucun résultat", "/recherche?q=zyxwvqj", null, ".search__suggestions:not([hidden])"],
    ["index absent", "/recherche?q=inflation", (route) => route.fulfill({ status: 404, body: "" }), ".search__suggestions:not([hidden])"],
    ["hors connexion", "/recherche?q=inflation", (route) => route.abort("internetdisconnected"), ".search__status .search__retry"],
  ];
  for (const scheme of SCHEMES) {
    for (const [label, path, index, shown] of states) {
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      if (index) await page.route("**/pagefind/**", index);
      await page.goto(`${server.url}${path}`);
      await page.locator(shown).first().waitFor({ timeout: 15000 });
      found.push(...(await audit(page, `recherche ${label} (${scheme})`)));
      await context.close();
    }
  }
  assert.deepEqual(found, []);
});

test("axe-core : le guide de style (construction de développement), en clair et en sombre", async () => {
  await access(join(STYLEGUIDE_DIST, "index.html")).catch(() => {
    throw new Error(`${STYLEGUIDE_DIST} is missing: trunk build --dist target/dist-styleguide`);
  });
  const dev = await serveStatic(STYLEGUIDE_DIST);
  const found = [];
  try {
    for (const scheme of SCHEMES) {
      const context = await browser.newContext({ colorScheme: scheme, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(`${dev.url}/styleguide`);
      assert.ok(await appReady(page, 60000));
      await page.locator(".sg-specimen").first().waitFor();
      found.push(...(await audit(page, `/styleguide (${scheme})`)));
      await context.close();
    }
  } finally {
    await dev.close();
  }
  assert.deepEqual(found, []);
});

test("structure : un seul h1, pas de niveau de titre sauté, repères, listes, dates", async () => {
  for (const path of ROUTES) {
    const { context, page } = await open(path);
    const s = await page.evaluate(() => {
      const levels = [...document.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => Number(h.tagName[1]));
      const jumps = levels.filter((l, i) => i > 0 && l > levels[i - 1] + 1);
      return {
        h1: document.querySelectorAll("h1").length,
        first: levels[0],
        jumps,
        banner: document.querySelectorAll("body > header, body header.site-header").length,
        main: document.querySelectorAll("main").length,
        footer: document.querySelectorAll("footer.site-footer").length,
        unnamedNav: [...document.querySelectorAll("nav")].filter((n) => !n.getAttribute("aria-label") && !n.getAttribute("aria-labelledby")).length,
        timesWithout: [...document.querySelectorAll("time")].filter((t) => !/^\d{4}-\d{2}-\d{2}/.test(t.getAttribute("datetime") ?? "")).length,
        // The lead story stands alone; every other card is an item of a list.
        listsOfCards: [...document.querySelectorAll(".card:not(.card--lead)")].filter((c) => !c.closest("ul, ol")).length,
      };
    });
    assert.equal(s.h1, 1, `${path}: ${s.h1} h1`);
    assert.equal(s.first, 1, `${path}: the first heading is not the h1`);
    assert.deepEqual(s.jumps, [], `${path}: skipped heading levels`);
    assert.equal(s.banner, 1, path);
    assert.equal(s.main, 1, path);
    assert.equal(s.footer, 1, path);
    assert.equal(s.unnamedNav, 0, `${path}: a nav without a label`);
    assert.equal(s.timesWithout, 0, `${path}: a <time> without a datetime`);
    assert.equal(s.listsOfCards, 0, `${path}: cards outside a list`);
    await context.close();
  }
  const { context, page } = await open(ARTICLE);
  assert.equal(await page.locator("nav.toc[aria-labelledby]").count(), 1, "the table of contents is not a labelled nav");
  await context.close();
});

/** What has the focus, in words. */
const focused = (page) =>
  page.evaluate(() => {
    const e = document.activeElement;
    if (!e || e === document.body) return "body";
    const name = e.getAttribute("aria-label") ?? e.textContent.trim().replace(/\s+/g, " ").slice(0, 40);
    return `${e.tagName.toLowerCase()}${e.className ? "." + String(e.className).split(" ")[0] : ""} « ${name} »`;
  });

/** Presses Tab until `predicate` holds for the focused element (at most `max` times). */
async function tabTo(page, predicate, max = 150) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(predicate)) return;
  }
  throw new Error(`never reached by Tab; last: ${await focused(page)}`);
}

test("clavier : lien d’évitement, ordre de tabulation logique, focus visible (3:1) partout", async () => {
  for (const scheme of SCHEMES) {
    const { context, page } = await open(ARTICLE, { scheme });
    // The skip link comes first, is visible when focused, and leads into the main content.
    await page.keyboard.press("Tab");
    assert.match(await focused(page), /skip-link « Aller au contenu »/);
    assert.ok(await page.locator(".skip-link").isVisible());
    await page.keyboard.press("Enter");
    await page.keyboard.press("Tab");
    assert.ok(await page.evaluate(() => document.querySelector("main").contains(document.activeElement)), `after the skip link: ${await focused(page)}`);

    // From the top, Tab visits every focusable element in document order, each with a visible
    // outline contrasting 3:1 with the page behind it.
    await page.reload();
    assert.ok(await appReady(page));
    const expected = await page.evaluate(() =>
      [...document.querySelectorAll("a[href], button, input, textarea, select, [tabindex]")]
        .filter((e) => e.tabIndex >= 0 && !e.disabled && e.getClientRects().length > 0 && getComputedStyle(e).visibility !== "hidden")
        .map((e, i) => (e.dataset.order = String(i))),
    );
    const problems = [];
    for (let i = 0; i < expected.length; i++) {
      await page.keyboard.press("Tab");
      const s = await page.evaluate(() => {
        const e = document.activeElement;
        const style = getComputedStyle(e);
        const rgb = (c) => (c.match(/[\d.]+/g) ?? []).slice(0, 3).map(Number);
        const lum = ([r, g, b]) => {
          const f = (v) => ((v /= 255) <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
          return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
        };
        // The colour behind the outline: the first opaque background among the ancestors.
        let bg = "rgb(255, 255, 255)";
        for (let n = e.parentElement; n; n = n.parentElement) {
          const c = getComputedStyle(n).backgroundColor;
          if (!/rgba\(.*, 0\)$/.test(c) && c !== "transparent") { bg = c; break; }
        }
        const [a, b] = [lum(rgb(style.outlineColor)), lum(rgb(bg))];
        return {
          order: e.dataset.order ?? null,
          outline: style.outlineStyle !== "none" ? parseFloat(style.outlineWidth) : 0,
          contrast: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05),
        };
      });
      const who = await focused(page);
      if (s.order !== String(i)) problems.push(`stop ${i}: ${who} (expected element ${i}, got ${s.order})`);
      if (s.outline < 2) problems.push(`${who}: no visible focus outline`);
      if (s.contrast < 3) problems.push(`${who}: focus outline contrast ${s.contrast.toFixed(2)} < 3`);
    }
    assert.deepEqual(problems, [], scheme);
    await context.close();
  }
});

test("clavier : inscription à la lettre avec Entrée, focus sur l’erreur puis sur le message de succès", async () => {
  const { context, page } = await withNewsletter("ok-optin", "light");
  await tabTo(page, () => document.activeElement?.matches(".newsletter__field"));
  await page.keyboard.type("claire@");
  await page.keyboard.press("Enter");
  await page.locator(".newsletter .field-error").waitFor();
  // The field keeps the focus and is described by the error.
  assert.equal(await page.evaluate(() => document.activeElement.className), "newsletter__field");
  assert.match(await page.evaluate(() => document.activeElement.getAttribute("aria-describedby")), /erreur|error/);
  await page.keyboard.type("exemple.fr");
  await page.keyboard.press("Enter");
  await page.locator(".newsletter__thanks").waitFor();
  await page.waitForFunction(() => document.activeElement?.classList.contains("newsletter__thanks"));
  await context.close();
});

test("clavier : copier le lien avec Espace, partager avec Entrée", async () => {
  const context = await browser.newContext({ permissions: ["clipboard-read", "clipboard-write"] });
  const page = await context.newPage();
  await page.goto(`${server.url}${ARTICLE}`);
  assert.ok(await appReady(page));
  await tabTo(page, () => document.activeElement?.matches(".share__copy"));
  await page.keyboard.press("Space");
  await page.locator(".share__status", { hasText: "Lien copié" }).first().waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `https://veille-ia.example${ARTICLE}`);
  // A network link opens its share page in a new tab with Enter.
  await page.evaluate(() => document.activeElement.blur());
  await tabTo(page, () => document.activeElement?.matches(".share__link--email"));
  assert.match(await page.evaluate(() => document.activeElement.href), /^mailto:/);
  await context.close();
});

test("clavier : après une navigation côté client, le focus est sur le titre de la nouvelle page dans les 300 ms, au clic comme avec Entrée", async () => {
  // Article to article: the new page reuses the h1 element of the old one, so "a new h1
  // appeared" is no sign that the page has arrived: the focus is timed from the click.
  for (const how of ["clic", "Entrée"]) {
    const { context, page } = await open(ARTICLE);
    const before = (await page.locator("main h1").textContent()).trim();
    // Timed in the page: the link's activation (a click event, whether from the mouse or from
    // Enter) and the moment the new page's h1 receives the focus.
    await page.evaluate(() => {
      window.veilleSameDocument = true;
      document.addEventListener("click", () => (window.veilleClick ??= performance.now()), true);
      document.addEventListener("focusin", (e) => {
        if (e.target.matches("main h1")) window.veilleFocus ??= { at: performance.now(), title: e.target.textContent.trim() };
      }, true);
    });
    const link = page.locator(`.related a[href^='${articlePath("")}']`).first();
    const href = await link.getAttribute("href");
    if (how === "clic") {
      await link.click();
    } else {
      await tabTo(page, () => document.activeElement?.matches(".related a[href^='/article/']"));
      await page.keyboard.press("Enter");
    }
    await page.waitForFunction((h) => location.pathname === h && window.veilleFocus, href, { timeout: 5000 });
    const s = await page.evaluate(() => ({
      same: window.veilleSameDocument === true,
      delay: window.veilleFocus.at - window.veilleClick,
      title: window.veilleFocus.title,
      now: document.activeElement?.matches("main h1"),
    }));
    assert.ok(s.same, `${how}: a client-side navigation, not a page load`);
    assert.ok(s.now, `${how}: the focus stays on the h1: ${await focused(page)}`);
    assert.notEqual(s.title, before, `${how}: the focus went to the old page's title`);
    assert.ok(s.delay <= 300, `${how}: the focus reached the new h1 ${Math.round(s.delay)} ms after the click`);
    if (how === "Entrée") {
      // And it shows: keyboard users see where they are.
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
      assert.notEqual(outline, "none");
      // The next Tab goes on from the title, not from the top of the page.
      await page.keyboard.press("Tab");
      assert.ok(await page.evaluate(() => document.querySelector("main").contains(document.activeElement)), `after the title: ${await focused(page)}`);
    }
    await context.close();
  }
});

test("texte : zoom 200 %, 320 px, espacements de texte imposés (WCAG 1.4.12) sans défilement horizontal ni texte coupé", async () => {
  const spacing = `* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
    p { margin-bottom: 2em !important; }`;
  for (const width of [320, 640]) {
    for (const path of ROUTES) {
      const { context, page } = await open(path, { viewport: { width, height: 800 } });
      await page.addStyleTag({ content: spacing });
      const s = await page.evaluate(() => ({
        width: document.documentElement.scrollWidth,
        // Text cut off: an element whose text overflows a box that hides it.
        clipped: [...document.querySelectorAll("main *, header *, footer *")]
          .filter((e) => {
            const st = getComputedStyle(e);
            return /hidden|clip/.test(st.overflowX + st.overflowY) && e.scrollWidth > e.clientWidth + 1 && e.textContent.trim() && !e.closest(".visually-hidden, .newsletter__trap, .skip-link");
          })
          .map((e) => e.className || e.tagName),
      }));
      assert.ok(s.width <= width, `${path} at ${width} px: ${s.width} px wide`);
      assert.deepEqual(s.clipped, [], `${path} at ${width} px`);
      await context.close();
    }
  }
});

test("mouvement : rien ne bouge quand le lecteur demande moins d’animations", async () => {
  const { context, page } = await withNewsletter("slow", "light", { reducedMotion: "reduce" });
  await page.locator(".newsletter__field").fill("claire@exemple.fr");
  await page.locator(".newsletter__submit").click();
  await page.locator(".newsletter__sending").waitFor();
  const moving = await page.evaluate(() =>
    [...document.querySelectorAll("*")]
      .filter((e) => {
        const s = getComputedStyle(e);
        const long = (v) => v.split(",").some((d) => parseFloat(d) * (d.trim().endsWith("ms") ? 1 : 1000) > 1);
        return (s.animationName !== "none" && long(s.animationDuration)) || long(s.transitionDuration);
      })
      .map((e) => e.className || e.tagName),
  );
  assert.deepEqual(moving, []);
  // Control: without the preference the spinner does turn.
  const { context: c2, page: p2 } = await withNewsletter("slow", "light", { reducedMotion: "no-preference" });
  await p2.locator(".newsletter__field").fill("claire@exemple.fr");
  await p2.locator(".newsletter__submit").click();
  await p2.locator(".newsletter__sending").waitFor();
  assert.notEqual(await p2.locator(".spinner").evaluate((e) => getComputedStyle(e).animationName), "none");
  await c2.close();
  await context.close();
});
