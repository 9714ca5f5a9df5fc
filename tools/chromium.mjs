// Debian's Chromium, headless, driven by playwright-core (which never downloads a browser): for
// the tools (tools/covers.mjs), the benchmarks (bench/) and the end-to-end tests
// (tests/e2e/browser.mjs).
import { chromium } from "playwright-core";

/** The browser readers run, Debian's Chromium: the benchmarks time pages in it. */
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

/**
 * The tests' browser: the same Chromium's headless shell (Debian's `chromium-headless-shell`,
 * the same version's Blink and V8 without the desktop browser around them, as Playwright runs
 * headless by default). The end-to-end files use a third of the processor time they use in the
 * full browser (docs/testing.md); `TEST_CHROMIUM=/usr/bin/chromium` runs them there.
 */
export const TEST_CHROMIUM = process.env.TEST_CHROMIUM ?? "/usr/lib/chromium/chromium-headless-shell";

/** Chromium, headless: the tests' by default, or the one at `executablePath`. */
export function launch(executablePath = TEST_CHROMIUM) {
  return chromium.launch({
    executablePath,
    headless: true,
    // As root, no sandbox; and no background traffic: this machine's network is closed.
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  });
}
