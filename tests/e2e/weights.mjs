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
 * stylesheet, icon, script, the wasm its loader fetches, and its images that are not
 * lazy-loaded.
 */
export async function coldAssets(dist, route) {
  const page = fileOf(dist, route);
  const html = await readFile(join(dist, page), "utf8");
  const found = new Set();
  for (const [tag] of html.matchAll(/<(?:link|img)\b[^>]*>/g)) {
    const attr = (name) => tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`))?.slice(1).find((v) => v !== undefined);
    if (tag.startsWith("<img")) {
      if (attr("loading") !== "lazy" && attr("src")?.startsWith("/")) found.add(attr("src"));
    } else if (/^(stylesheet|icon|modulepreload|preload)$/.test(attr("rel") ?? "") && attr("href")?.startsWith("/")) {
      found.add(attr("href"));
    }
  }
  // The wasm, which trunk's inline loader fetches at once (prerendered pages do not preload it).
  for (const [path] of html.matchAll(/\/[\w.-]+_bg\.wasm/g)) found.add(path);
  const files = [{ name: page, bytes: Buffer.from(html) }];
  for (const path of found) {
    files.push({ name: path.slice(1), bytes: await readFile(join(dist, decodeURIComponent(path))) });
  }
  return files.map(({ name, bytes }) => ({ name, ...sizes(bytes) }));
}

export const total = (files, key) => files.reduce((sum, f) => sum + f[key], 0);
