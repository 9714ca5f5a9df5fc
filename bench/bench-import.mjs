// Benchmark (prints figures, asserts nothing): importing a large WordPress. A real WordPress on
// 127.0.0.1 (tests/e2e/wordpress.mjs) with POSTS more posts (default 10,000); then
// `veille-content import wordpress` cold (every post read whole), and again after one post was
// corrected (the incremental pass: the list, light, then that post). For each: wall time,
// requests, articles. `./dev.sh bench-import` builds the tools and runs it; alone, once built:
// `POSTS=2000 node bench/bench-import.mjs`.

import { spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { TOOLS } from "../tests/e2e/paths.mjs";
import { startWordPress } from "../tests/e2e/wordpress.mjs";

const POSTS = Number(process.env.POSTS ?? 10000);
const seedStart = process.hrtime.bigint();
const wordpress = await startWordPress({ extraPosts: POSTS });
const seconds = (since) => Number(process.hrtime.bigint() - since) / 1e9;
console.log(`WordPress on ${wordpress.url}: ${POSTS + 25} posts, started and seeded in ${seconds(seedStart).toFixed(0)} s\n`);
const work = await mkdtemp(join(tmpdir(), "veille-bench-import-"));
try {
  const dir = join(work, "contenu");
  const run = (label) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(join(TOOLS, "veille-content"), ["import", "wordpress", wordpress.url, dir, "--base-url", "https://veille-ia.example", "--images", "cms"], {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    });
    const wall = seconds(start);
    if (result.status !== 0) throw new Error(`${label}: ${result.stderr}`);
    const m = result.stdout.match(/(\d+) articles .*\((\d+) lus, (\d+) retirés, (\d+) requêtes\)/);
    console.log(
      `${label.padEnd(34)} ${wall.toFixed(2).padStart(8)} s ${m[4].padStart(9)} requests ${m[1].padStart(8)} articles ${m[2].padStart(7)} read whole`,
    );
  };
  run("cold import");
  wordpress.php(`wp_update_post(['ID' => get_page_by_path('depeche-7', OBJECT, 'post')->ID, 'post_title' => 'Dépêche n° 7 : corrigée']);`);
  run("incremental, 1 post corrected");
  run("incremental, nothing changed");
} finally {
  await rm(work, { recursive: true, force: true });
  await wordpress.stop();
}
