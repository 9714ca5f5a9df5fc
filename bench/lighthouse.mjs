// One Lighthouse run on a page, as the benchmarks make it (bench-lighthouse.mjs, bench-cms.mjs):
// its mobile profile (412 px, 1.75 device pixels a CSS pixel, CPU ×4, 150 ms, 1.6 Mbit/s), one
// of its two throttling methods, the figures read from its report.

import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { CHROMIUM } from "../tools/chromium.mjs";
import { median } from "./stats.mjs";

const run = promisify(execFile);

/** The lighthouse command (./dev.sh installs it outside the clone and sets LIGHTHOUSE). */
export function lighthouseCommand(name) {
  const command = process.env.LIGHTHOUSE;
  if (!command) {
    console.error(`${name}: LIGHTHOUSE (the lighthouse command) is not set; ./dev.sh bench installs it`);
    process.exit(2);
  }
  return command;
}

/**
 * One audit of `url` with `method` (`simulate` or `devtools`), of `categories` (performance
 * alone by default): the scores (0–100) and the figures they are made of.
 */
export async function audit(command, url, method, categories = ["performance"]) {
  const { stdout } = await run(
    command,
    [
      url,
      `--only-categories=${categories.join(",")}`,
      "--form-factor=mobile",
      `--throttling-method=${method}`,
      "--output=json",
      "--output-path=stdout",
      "--quiet",
      "--disable-full-page-screenshot",
      `--chrome-path=${CHROMIUM}`,
      "--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-background-networking",
    ],
    { maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(stdout);
  const value = (id) => report.audits[id]?.numericValue;
  const score = (category) => (report.categories[category] ? Math.round((report.categories[category].score ?? 0) * 100) : null);
  return {
    score: score("performance"),
    a11y: score("accessibility"),
    fcp: value("first-contentful-paint"),
    lcp: value("largest-contentful-paint"),
    tbt: value("total-blocking-time"),
    tti: value("interactive"),
    cls: value("cumulative-layout-shift"),
    bytes: value("total-byte-weight"),
    requests: report.audits["network-requests"]?.details?.items?.length,
  };
}

/** Medians of each figure of `runs`; each score the lowest of them. */
export function summary(runs) {
  const mid = (key) => {
    const xs = runs.map((r) => r[key]).filter((x) => x != null);
    return xs.length ? median(xs) : null;
  };
  const lowest = (key) => (runs.some((r) => r[key] != null) ? Math.min(...runs.map((r) => r[key] ?? 100)) : null);
  return { score: lowest("score"), a11y: lowest("a11y"), fcp: mid("fcp"), lcp: mid("lcp"), tbt: mid("tbt"), tti: mid("tti"), cls: mid("cls"), bytes: mid("bytes"), requests: mid("requests") };
}

/** A duration as the tables print it. */
export const ms = (x) => (x == null ? "—" : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`);
