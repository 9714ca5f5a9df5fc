// Security of the release build: every prerendered route runs under its strict
// Content-Security-Policy (`<meta http-equiv>`, inline scripts and styles by hash, no
// 'unsafe-inline' or 'unsafe-eval') without a single violation or console error; a script
// slipped into a page is blocked (control); and no route contacts another origin or stores
// anything in the browser.

import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { appReady, servedBuild } from "./browser.mjs";
import { editFile, servingCopy } from "./static-server.mjs";
import { DIST, ROOT } from "./paths.mjs";
import { articlePath, oneOfEach } from "./routes.mjs";

const index = JSON.parse(await readFile(join(ROOT, "public/api/index/0.json"), "utf8"));
const SLUG = index.items[0].slug;
// A page of each kind, the 404, and the app's empty shell, which a host may serve for any
// address (the app renders there).
const ROUTES = [...oneOfEach(DIST).map((r) => r.path), "/rubrique/inexistante", "/spa.html"];

// Runs first in every page: records each CSP violation the browser reports.
const RECORD = () => {
  window.veilleViolations = [];
  document.addEventListener("securitypolicyviolation", (e) =>
    window.veilleViolations.push(`${e.violatedDirective} ${e.blockedURI || "inline"}`),
  );
};

// Chromium and the release build on a loopback server, for every test of this file.
const served = servedBuild(DIST);

async function visit(url) {
  const context = await served.browser.newContext();
  const page = await context.newPage();
  const errors = [];
  const requests = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("request", (r) => requests.push(r.url()));
  await page.addInitScript(RECORD);
  const response = await page.goto(url);
  return { context, page, errors, requests, response };
}

test("chaque route tourne sous sa politique CSP stricte, sans violation ni erreur", async () => {
  for (const path of ROUTES) {
    const { context, page, errors, response } = await visit(`${served.server.url}${path}`);
    assert.ok(await appReady(page), path);
    const csp = await page.locator("meta[http-equiv='Content-Security-Policy']").getAttribute("content");
    // A page of islands has no inline script at all (navigation.js is a file); the full app's
    // pages list trunk's loader and their data by hash.
    assert.match(csp, /^default-src 'self'; script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')*;/, path);
    // Forms go to the site only (the search page); this build's signup, the preview, nowhere.
    assert.match(csp, /object-src 'none'; base-uri 'self'; form-action 'self'$/, path);
    assert.doesNotMatch(csp, /unsafe-inline|'unsafe-eval'/, path);
    // The policy comes before any script in the document.
    const first = await page.evaluate(() => {
      const meta = document.querySelector("meta[http-equiv='Content-Security-Policy']");
      const script = document.querySelector("script");
      return !!(meta.compareDocumentPosition(script) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    assert.ok(first, `${path}: a script comes before the policy`);
    // Interact a little where there is a signup box (preview mode).
    if ((await page.locator(".newsletter__field").count()) > 0) {
      await page.locator(".newsletter__field").first().fill("pas-une-adresse");
      await page.locator(".newsletter__submit").first().click();
      await page.locator(".newsletter .field-error").first().waitFor();
      // On a page of islands, that was their wasm, now alive under the same policy.
      if ((await page.locator("leptos-island").count()) > 0) {
        await page.waitForSelector("html[data-islands=ready]", { state: "attached" });
      }
    }
    await page.waitForTimeout(200);
    const violations = await page.evaluate(() => window.veilleViolations);
    assert.deepEqual(violations, [], path);
    const expected404 = response.status() === 404 ? ["404 (Not Found)"] : [];
    assert.deepEqual(errors.filter((e) => !expected404.some((x) => e.includes(x))), [], path);
    await context.close();
  }
});

test("contrôle : un script glissé dans une page est bloqué et signalé", async () => {
  const slipIn = (copy) =>
    editFile(join(copy, "article", SLUG, "index.html"), (html) =>
      html.replace("</body>", "<script>window.veilleInjected = true</script></body>"),
    );
  await servingCopy(DIST, slipIn, async (srv) => {
    const { context, page } = await visit(`${srv.url}${articlePath(SLUG)}`);
    assert.ok(await appReady(page));
    assert.equal(await page.evaluate(() => window.veilleInjected), undefined, "the injected script ran");
    const violations = await page.evaluate(() => window.veilleViolations);
    assert.ok(violations.some((v) => v.startsWith("script-src")), violations.join(", "));
    await context.close();
  });
});

test("vie privée : aucune requête vers une autre origine, ni cookie, ni stockage local, sur chaque route", async () => {
  for (const path of ROUTES) {
    const { context, page, requests } = await visit(`${served.server.url}${path}`);
    assert.ok(await appReady(page), path);
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.waitForTimeout(300);
    const foreign = requests.filter((u) => new URL(u).origin !== served.server.url);
    assert.deepEqual(foreign, [], path);
    assert.deepEqual(await context.cookies(), [], `${path}: cookies`);
    const stored = await page.evaluate(() => localStorage.length + sessionStorage.length);
    assert.equal(stored, 0, `${path}: web storage`);
    await context.close();
  }
});
