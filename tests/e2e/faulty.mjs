// The release build served by a static server that fails on demand (static-server.mjs,
// `Faults`), and Chromium: for the files that break the network on purpose. They are two
// (faults-search.test.mjs, faults-pages.test.mjs) so that their waits, on the scripts' 8 s
// limits, run side by side (tests/e2e/run.mjs).
import { servedBuild } from "./browser.mjs";
import { audit } from "./axe.mjs";
import { DIST } from "./paths.mjs";
import { Faults } from "./static-server.mjs";

/** Longer than any limit of the scripts (8 s), with room for a loaded machine. */
export const BOUND = 14000;

/**
 * For the tests of one file: the faulty server (`faults` sets what fails), Chromium, and
 * `open(path)`, which clears the faults and opens `path` in a fresh context (the search page
 * once search.js has taken it over).
 */
export function faultySite() {
  const faults = new Faults();
  const site = servedBuild(DIST, { faults });
  site.faults = faults;
  site.open = async (path) => {
    faults.clear();
    const context = await site.browser.newContext({ viewport: { width: 900, height: 800 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(`${site.server.url}${path}`);
    if (path.startsWith("/recherche")) await page.waitForFunction(() => document.querySelector("[data-recherche]")?.veilleSearch);
    return { context, page };
  };
  return site;
}

/** The page's violations, in light and dark. */
export async function audited(page, label) {
  const found = [];
  for (const colorScheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme });
    found.push(...(await audit(page, `${label} (${colorScheme})`)));
  }
  return found;
}
