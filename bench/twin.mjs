// A build's static twin: the same pages with their scripts removed (JSON-LD kept, it is data),
// what the prerendered HTML alone costs a reader. The benchmarks load both side by side.

import { cp, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileOf } from "../tests/e2e/routes.mjs";

/** `html` without its scripts, module preloads and preloads (JSON-LD kept). */
export function withoutScripts(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, (s) => (s.includes("application/ld+json") ? s : ""))
    .replace(/<link\b[^>]*rel=(?:"?modulepreload"?|"?preload"?)[^>]*>/g, "");
}

/** Copies `dist` to `dir`, the pages of `paths` without their scripts; returns `dir`. */
export async function staticTwin(dist, dir, paths) {
  await cp(dist, dir, { recursive: true });
  for (const path of paths) {
    const file = join(dir, fileOf(dir, path));
    await writeFile(file, withoutScripts(await readFile(file, "utf8")));
  }
  return dir;
}
