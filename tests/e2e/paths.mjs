// Where the end-to-end tests and benchmarks find things: the repository, the built site
// (`VEILLE_DIST` to test another build) and the native tools that `./dev.sh build` compiles.

import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");
export const DIST = process.env.VEILLE_DIST ?? join(ROOT, "dist");
/** veille-prerender and veille-content (Cargo profile `prerender`). */
export const TOOLS = join(ROOT, "target", "prerender");
/** trunk's output of the `islands` build, which the prerender copies into the site. */
export const ISLANDS = join(ROOT, "target", "dist-islands");
/** The camera photograph the test CMSs publish (CC0, Debian's lomiri-wallpapers-16.04, installed by ./dev.sh). */
export const PHOTO = process.env.VEILLE_PHOTO ?? "/usr/share/backgrounds/seeding_by_Clements_Engelhardt.jpg";
