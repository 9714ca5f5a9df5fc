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
