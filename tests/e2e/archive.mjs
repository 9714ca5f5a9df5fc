// A built site made from a content directory, by the real build steps: `dist/` copied and
// prerendered from that content (`veille-prerender --content`), and the same content, with its
// derived files (`veille-content api`), served beside it as a content API that `404.html` reads —
// so that an address with no file renders afresh in API mode from the same content.

import { execFileSync } from "node:child_process";
import { cp } from "node:fs/promises";
import { join } from "node:path";
import { editFile, setMeta } from "./static-server.mjs";
import { DIST, ISLANDS, TOOLS } from "./paths.mjs";


/**
 * Writes into `dir` the site of `content`, its API at `/{api}/`; returns `dir`. With
 * `everyPage`, every page reads that API once running (client-side navigation included), as a
 * site built from an imported CMS is configured; otherwise only `404.html` does.
 */
export async function siteFromContent(content, dir, api, { everyPage = false } = {}) {
  execFileSync(join(TOOLS, "veille-content"), ["api", content], { stdio: "ignore" });
  await cp(DIST, dir, { recursive: true });
  const reads = everyPage ? ["--api", `/${api}`] : [];
  execFileSync(join(TOOLS, "veille-prerender"), ["--content", content, ...reads, "--islands", ISLANDS, dir], { stdio: "ignore" });
  await cp(content, join(dir, api), { recursive: true });
  await editFile(join(dir, "404.html"), (html) => setMeta(html, "veille-content-api", `/${api}`));
  return dir;
}
