// The site's routes as the prerender lists them in `dist/routes.json` (`src/routes.rs`): each
// test reads its pages from there instead of spelling addresses out.

import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Every prerendered route of a build: `{ path, kind, file, indexable, lastmod }`, in order. */
export function routesOf(dist) {
  return JSON.parse(readFileSync(join(dist, "routes.json"), "utf8"));
}

/**
 * The first route of each kind the build has (home, home-page, article, tag, tag-page, about,
 * and styleguide in builds with it): one page of every shape the site renders.
 */
export function oneOfEach(dist) {
  const seen = new Map();
  for (const route of routesOf(dist)) if (!seen.has(route.kind)) seen.set(route.kind, route);
  return [...seen.values()];
}

/** The file under `dist` of the prerendered route at `path`. */
export function fileOf(dist, path) {
  const route = routesOf(dist).find((r) => r.path === path);
  if (!route) throw new Error(`${path}: no such route in ${join(dist, "routes.json")}`);
  return route.file;
}

// The addresses of the pages the tests name, spelled as src/model/paths.rs makes them (its
// `article`, `tag`, `author` and `page_href`; crates/build/tests/prerender.rs checks that these spell them
// alike), for pages a build may not list: a CMS's fresh article, an unknown slug, a crafted one.

/** An article's page. */
export const articlePath = (slug) => `/article/${slug}`;
/** A tag's first page. */
export const tagPath = (slug) => `/tag/${slug}`;
/** An author's first page. */
export const authorPath = (slug) => `/auteur/${slug}`;
/** Page `n` of the list at `base` (`/` or a tag's or author's page). */
export const pagePath = (base, n = 0) => (n === 0 ? base : `${base.replace(/\/$/, "")}/page/${n}`);
