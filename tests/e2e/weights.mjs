// What a page weighs: the files a cold load of a prerendered page fetches, read from `dist/`,
// and their sizes raw, gzip -9 and brotli -q 11 (as a CDN would serve them). Shared by the
// budget test and the benchmark.

import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { fileOf } from "./routes.mjs";

export function sizes(bytes) {
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
}

/**
 * The same-site files a cold load of `route` fetches before any interaction: the page, its
 * stylesheet, icon, scripts (`<script src>`) and the modules they import, the wasm trunk's inline
 * loader fetches at once (the full app's pages), and its images that are not lazy-loaded. A page of islands fetches its
 * islands' wasm only later: see `islandsAssets`.
 */
export async function coldAssets(dist, route) {
  const page = route.endsWith(".html") ? route.slice(1) : fileOf(dist, route);
  const html = await readFile(join(dist, page), "utf8");
  const found = new Set();
  const attrOf = (tag) => (name) =>
    tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
  for (const [tag] of html.matchAll(/<(?:link|img|script)\b[^>]*>/g)) {
    const attr = attrOf(tag);
    if (tag.startsWith("<img")) {
      if (attr("loading") !== "lazy" && attr("src")?.startsWith("/")) found.add(attr("src"));
    } else if (tag.startsWith("<script")) {
      if (attr("src")?.startsWith("/")) found.add(attr("src"));
    } else if (/^(stylesheet|icon|modulepreload|preload)$/.test(attr("rel") ?? "") && attr("href")?.startsWith("/")) {
      found.add(attr("href"));
    }
  }
  // trunk's loader: `import … from "/x.js"` and `module_or_path: "/x_bg.wasm"`, fetched at once.
  for (const [, js] of html.matchAll(/import init[^;]*?from\s*["'`](\/[^"'`]+\.js)/g)) found.add(js);
  for (const [, wasm] of html.matchAll(/module_or_path:\s*["'`](\/[^"'`]+\.wasm)/g)) found.add(wasm);
  // A page of islands' loader: `import("/navigation.js")` once the page has loaded.
  for (const [, js] of html.matchAll(/import\(\s*["'`](\/[^"'`]+\.js)["'`]\s*\)/g)) found.add(js);
  const files = [{ name: page, bytes: Buffer.from(html) }];
  // A Set grows while it is iterated: the modules a script imports statically (navigation.js
  // imports share.js) are fetched with it, and counted.
  for (const path of found) {
    const bytes = await readFile(join(dist, decodeURIComponent(path)));
    files.push({ name: path.slice(1), bytes });
    if (!path.endsWith(".js")) continue;
    for (const [, module] of bytes.toString("utf8").matchAll(/\bimport\s*(?:[^"'`();]*?\bfrom\s*)?["']([^"']+\.js)["']/g)) {
      found.add(new URL(module, `https://site${path}`).pathname);
    }
  }
  return files.map(({ name, bytes }) => ({ name, ...sizes(bytes) }));
}

/** The files a `<meta name>` holding "<js> <wasm>" names (`veille-islands`, `veille-app`). */
export async function bundleAssets(dist, route, name) {
  const html = await readFile(join(dist, route.endsWith(".html") ? route.slice(1) : fileOf(dist, route)), "utf8");
  const value = html.match(new RegExp(`<meta name="${name}" content="([^"]*)"`))?.[1];
  if (!value) return [];
  return Promise.all(
    value.split(" ").map(async (path) => ({ name: path.slice(1), ...sizes(await readFile(join(dist, path.slice(1)))) })),
  );
}

/** What a page of islands fetches once a reader nears or touches a widget. */
export const islandsAssets = (dist, route) => bundleAssets(dist, route, "veille-islands");

export const total = (files, key) => files.reduce((sum, f) => sum + f[key], 0);
