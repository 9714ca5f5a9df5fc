// A built site made from a content directory, by the real build steps: `dist/` copied and
// prerendered from that content (`veille-prerender --content`), and the same content, with its
// derived files (`veille-content api`), served beside it as a content API that `404.html` reads —
// so that an address with no file renders afresh in API mode from the same content.

import { execFileSync } from "node:child_process";
import { cp, mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { editFile, setMeta } from "./static-server.mjs";
import { DIST, ISLANDS, ROOT, TOOLS } from "./paths.mjs";

const SAMPLE = join(ROOT, "public", "api");

/**
 * Writes at `dir` a content directory made from the sample's: its site description as
 * `editSite` leaves it, the sample's articles when `sampleArticles`, and the articles that
 * `articles` makes of that site besides; returns `dir`.
 */
export async function contentFromSample(dir, { editSite, sampleArticles = false, articles }) {
  await mkdir(join(dir, "articles"), { recursive: true });
  if (sampleArticles) await cp(join(SAMPLE, "articles"), join(dir, "articles"), { recursive: true });
  const site = JSON.parse(await readFile(join(SAMPLE, "site.json"), "utf8"));
  editSite(site);
  await writeFile(join(dir, "site.json"), JSON.stringify(site));
  const write = (article) => writeFile(join(dir, "articles", `${article.slug}.json`), JSON.stringify(article));
  await Promise.all(articles(site).map(write));
  return dir;
}


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
