// The end-to-end tests' Chromium (tools/chromium.mjs: the headless shell) and what they do with
// a page: open it and record what went wrong, wait for its heading, for the app, for its islands.
import { after, before } from "node:test";
import { launch } from "../../tools/chromium.mjs";
import { serveStatic } from "./static-server.mjs";

export { launch };

/**
 * Opens `url` in a fresh page and records everything that went wrong there: console errors,
 * uncaught exceptions, failed requests and HTTP error responses.
 */
export async function openPage(browser, url) {
  const page = await browser.newPage();
  const problems = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") problems.push(`console: ${msg.text()}`);
  });
  page.on("pageerror", (err) => problems.push(`exception: ${err.message}`));
  page.on("requestfailed", (req) =>
    problems.push(`request failed: ${req.url()} (${req.failure()?.errorText})`),
  );
  page.on("response", (res) => {
    if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`);
  });
  // Every address the page asked for, from its first request on.
  const requests = [];
  page.on("request", (req) => requests.push(req.url()));
  await page.goto(url);
  return { page, problems, requests };
}

/** The text of the page's `h1` once one is visible, or null after `timeout` ms. */
export async function headingOf(page, timeout = 15000) {
  try {
    const h1 = page.locator("main h1");
    await h1.waitFor({ state: "visible", timeout });
    return (await h1.textContent()).trim();
  } catch {
    return null;
  }
}

/**
 * Waits until the page is live (`<html data-app="ready">`: set by navigation.js on a page of
 * islands, by the full app once it has rendered). Whether it was within `timeout` ms.
 */
export async function appReady(page, timeout = 15000) {
  try {
    await page.waitForSelector("html[data-app=ready]", { state: "attached", timeout });
    return true;
  } catch {
    return false;
  }
}

/**
 * Brings a page of islands to life: focusing a widget loads their wasm (navigation.js), which
 * then sets `<html data-islands="ready">`. Whether it did within `timeout` ms.
 */
export async function islandsReady(page, timeout = 15000) {
  await page.evaluate(() => document.querySelector("leptos-island input[type=email], leptos-island button")?.focus());
  try {
    await page.waitForSelector("html[data-islands=ready]", { state: "attached", timeout });
    return true;
  } catch {
    return false;
  }
}

/** Text compared without its spaces (typography swaps spaces for no-break ones) or quote styles. */
export function squeeze(text) {
  return text.replace(/[\s\u00a0\u202f]+/g, "").replace(/[’']/g, "'");
}

/**
 * For the tests of one file: Chromium, and `dir` served on 127.0.0.1 (with serveStatic's
 * `options`), both started before the first test and closed after the last. `browser` and
 * `server` are set once started.
 */
export function servedBuild(dir, options = {}) {
  const served = { browser: undefined, server: undefined };
  before(async () => {
    served.browser = await launch();
    served.server = await serveStatic(dir, 0, options);
  });
  after(async () => {
    await served.browser?.close();
    await served.server?.close();
  });
  return served;
}
