// What the WordPress and Ghost tests check alike: an import run by the real tool, the
// incremental pass after an editor's changes, the built site read in Chromium, and its camera
// photo as a phone gets it.

import { after, before } from "node:test";
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtemp, readFile, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { siteFromContent } from "./archive.mjs";
import { headingOf, launch, openPage } from "./browser.mjs";
import { audit } from "./axe.mjs";
import { LIGHTHOUSE_PHONE, phonePage } from "./phone.mjs";
import { serveStatic } from "./static-server.mjs";
import { ROOT, TOOLS } from "./paths.mjs";
import { articlePath } from "./routes.mjs";

/** The public address the imported sites are built for. */
export const BASE = "https://veille-ia.example";

/**
 * For the tests of one file: the CMS `start()` starts (its `stop()` called after the last
 * test) and a work folder, both set on the returned object before the first test.
 */
export function withCms(start, name) {
  const context = { cms: undefined, work: undefined };
  before(async () => {
    context.cms = await start();
    context.work = await mkdtemp(join(tmpdir(), `veille-${name}-import-`));
  });
  after(async () => {
    await context.cms?.stop();
    if (context.work) await rm(context.work, { recursive: true, force: true });
  });
  return context;
}

/** `veille-content import KIND …args DIR --base-url BASE`, run to its end. */
export function runImport(kind, args, dir) {
  return spawnSync(join(TOOLS, "veille-content"), ["import", kind, ...args, dir, "--base-url", BASE], { encoding: "utf8" });
}

export const json = async (path) => JSON.parse(await readFile(path, "utf8"));

/** A first import into `dir`: it says how many articles and themes it wrote; their files. */
export async function expectImported(run, dir, articles, themes) {
  const result = run(dir);
  assert.equal(result.status, 0, result.stderr);
  assert.match(result.stdout, new RegExp(`${articles} articles et ${themes} thèmes importés`));
  assert.match(result.stderr, new RegExp(`${articles} / ${articles} articles`));
  const files = (await readdir(join(dir, "articles"))).sort();
  assert.equal(files.length, articles);
  return files;
}

/**
 * The incremental pass: `run(dir)` imports; `edit()` makes the editor's changes in the CMS (a
 * title corrected on breve-3, breve-4 deleted, breve-6 unpublished, « derniere-minute »
 * published). `before` articles first; one fewer after, two read whole, two removed.
 */
export async function checkIncremental(dir, run, edit, before) {
  const first = run(dir);
  assert.equal(first.status, 0, first.stderr);
  assert.match(first.stdout, new RegExp(`${before} articles .*\\(${before} lus, 0 retirés`));
  const untouched = await readFile(join(dir, "articles", "breve-5.json"), "utf8");
  // Both CMSs date a change to the second: an edit in the very second of the listing would
  // carry the date the import saw (docs/cms.md, « Use with WordPress »). The editor comes later.
  await new Promise((resolve) => setTimeout(resolve, 1100));
  await edit();
  const second = run(dir);
  assert.equal(second.status, 0, second.stderr);
  // Two gone (deleted, unpublished), one new; only the corrected and the new post read whole.
  assert.match(second.stdout, new RegExp(`${before - 1} articles .*\\(2 lus, 2 retirés`));
  const files = await readdir(join(dir, "articles"));
  assert.ok(files.includes("derniere-minute.json"));
  assert.ok(!files.includes("breve-4.json") && !files.includes("breve-6.json"));
  const corrected = (await json(join(dir, "articles", "breve-3.json"))).title;
  assert.equal(corrected.replace(/[\u00a0\u202f]/g, " "), "Brève n° 3 : corrigée");
  // The others are as the first import wrote them, and the lists follow.
  assert.equal(await readFile(join(dir, "articles", "breve-5.json"), "utf8"), untouched);
  assert.equal((await json(join(dir, "index", "0.json"))).total, before - 1);
  // Nothing changed since: nothing read whole.
  assert.match(run(dir).stdout, /\(0 lus, 0 retirés/);
}

/**
 * A failed import loses nothing: `run(dir)` imports into a fresh `dir`, then `fail(dir)` makes
 * the failing imports and checks their messages; the content, and the folder around it, are as
 * the good import left them.
 */
export async function keepsPrevious(dir, run, fail) {
  assert.equal(run(dir).status, 0);
  const site = await readFile(join(dir, "site.json"), "utf8");
  const articles = (await readdir(join(dir, "articles"))).length;
  await fail(dir);
  assert.equal(await readFile(join(dir, "site.json"), "utf8"), site);
  assert.equal((await readdir(join(dir, "articles"))).length, articles);
  // No half-written folder left beside it.
  const beside = await readdir(join(dir, ".."));
  assert.deepEqual(beside.filter((n) => n.includes(".import-") || n.includes(".previous-")), []);
}

/**
 * The site built from imported `content` (every page reading it as its API), served:
 * `onArticle(page)` checks its rich article, whose link to another post leads to that article's
 * page; then `andThen(page, url)`, if given; nothing fails on the way (images from the CMS
 * allowed by the policy).
 */
export async function readBuiltSite(content, dir, onArticle, andThen = async () => {}) {
  const site = await siteFromContent(content, dir, "api", { everyPage: true });
  const server = await serveStatic(site);
  const browser = await launch();
  try {
    const { page, problems, requests } = await openPage(browser, `${server.url}${articlePath("elections-et-ia")}`);
    assert.equal(await headingOf(page), "L’IA & les «\u00a0élections\u00a0» européennes");
    // A page of islands, as on the sample: the full app's wasm is never fetched.
    const app = (await page.locator("meta[name='veille-app']").getAttribute("content")).split(" ");
    assert.equal(await page.locator("meta[name='veille-islands']").count(), 1);
    await onArticle(page);
    await page.locator(`a[href='${articlePath("hopitaux-et-donnees")}']`).first().click();
    await page.waitForFunction((path) => location.pathname === path, articlePath("hopitaux-et-donnees"));
    assert.match(await headingOf(page), /hôpitaux face aux données/);
    await andThen(page, server.url);
    assert.deepEqual(requests.filter((u) => app.includes(new URL(u).pathname)), [], "the full app was loaded");
    // Leaving a page cancels what it was still fetching (Ghost makes an image's size at its
    // first request, which takes a while): the browser's doing, not a failure.
    assert.deepEqual(problems.filter((p) => !p.endsWith("(net::ERR_ABORTED)")), []);
  } finally {
    await browser.close();
    await server.close();
  }
}

/**
 * The article at `path` of the built site `dir`, whose cover is a camera photo from the CMS,
 * opened cold on Lighthouse's phone (412 px, 1.75 device pixels a CSS pixel) as a reader opens
 * it: a page of islands (no wasm before any interaction), its cover fetched at once at the
 * width the screen needs (`cover`, a RegExp of the address chosen) with its own size kept, the
 * body's photo lazy, every byte on the wire before any interaction within the budget
 * (tests/budget.json, its figure `budget`), share previews naming a copy at least 1,200 px wide (`share`); then
 * axe-core on it and on the home page, in light and dark.
 */
/** A photograph's address: the CMS's own sizes, Ghost's copies, the site's own copies. */
const PHOTO = /\.(avif|webp|jpe?g|png)(\?|$)/i;

export async function checkPhotoArticle(dir, path, { cover, share, budget: key = "cms_article_before_interaction_bytes" }) {
  const budget = await json(join(ROOT, "tests", "budget.json"));
  const server = await serveStatic(dir, 0, { compress: true });
  const browser = await launch();
  try {
    const { context, page, wire } = await phonePage(browser, LIGHTHOUSE_PHONE);
    const failed = [];
    page.on("response", (res) => res.status() >= 400 && failed.push(`${res.status()} ${res.url()}`));
    await page.goto(`${server.url}${path}`, { waitUntil: "load" });
    const img = page.locator(".article__cover img");
    await page.waitForFunction(() => document.querySelector(".article__cover img")?.complete);
    // Before any interaction: what the page loaded by itself, once the network is quiet.
    await page.waitForTimeout(1500);
    const chosen = await img.evaluate((i) => i.currentSrc);
    assert.match(chosen, cover);
    // Shown, not merely asked for: decoded at the width chosen, and nothing answered an error.
    assert.ok((await img.evaluate((i) => i.naturalWidth)) > 0, "the cover did not load");
    assert.deepEqual(failed, []);
    assert.equal(await img.getAttribute("fetchpriority"), "high");
    assert.equal(await img.getAttribute("loading"), null);
    const [width, height] = [await img.getAttribute("width"), await img.getAttribute("height")];
    assert.ok(Number(width) >= 1200 && Number(height) > 0, `${width} × ${height}`);
    assert.equal(await page.locator(".figure img[loading=lazy]").count(), await page.locator(".figure img").count());
    assert.deepEqual(wire.responses.filter((r) => /\.wasm$/.test(r.url ?? "")), [], "a wasm before any interaction");
    const bytes = wire.responses.reduce((sum, r) => sum + r.bytes, 0);
    // The page itself (HTML, CSS, navigation.js, icon) apart from the photographs, which depend
    // on how the images are served: two budgets, so that neither hides behind the other.
    const pageBytes = wire.responses.filter((r) => !PHOTO.test(r.url ?? "")).reduce((sum, r) => sum + r.bytes, 0);
    const PAGE = "cms_page_before_interaction_bytes";
    console.log(`${path}: ${wire.requests} requests, ${bytes} B on the wire before any interaction (budget ${budget[key]} B), the page without its photos ${pageBytes} B (budget ${budget[PAGE]} B)`);
    for (const r of wire.responses) console.log(`  ${String(r.bytes).padStart(8)} B  ${r.url}`);
    for (const k of [key, PAGE]) assert.ok(Number.isFinite(budget[k]), `tests/budget.json has no ${k}`);
    assert.ok(bytes <= budget[key], `${bytes} B > ${budget[key]} B (${key})`);
    assert.ok(pageBytes <= budget[PAGE], `${pageBytes} B > ${budget[PAGE]} B (${PAGE})`);
    assert.ok(pageBytes < bytes, "no photograph was counted");
    assert.match(await page.locator("meta[property='og:image']").getAttribute("content"), share);
    assert.ok(Number(await page.locator("meta[property='og:image:width']").getAttribute("content")) >= 1200);
    assert.equal(await page.locator("meta[name=robots]").getAttribute("content"), "max-image-preview:large");
    await context.close();

    const violations = [];
    for (const colorScheme of ["light", "dark"]) {
      const audited = await browser.newContext({ colorScheme, bypassCSP: true, ...LIGHTHOUSE_PHONE });
      for (const at of [path, "/"]) {
        const p = await audited.newPage();
        await p.goto(`${server.url}${at}`);
        await p.locator("main h1, main .card").first().waitFor();
        violations.push(...(await audit(p, `${at} (${colorScheme})`)));
        await p.close();
      }
      await audited.close();
    }
    assert.deepEqual(violations, []);
  } finally {
    await browser.close();
    await server.close();
  }
}
