// Benchmark (prints figures, asserts nothing): the prerender step on synthetic archives of 1,000
// and 10,000 articles (4 h2, 3 tags of 10, pages of 12, related articles), and Hugo building the
// same archive as a Hugo site (no related articles) on the same machine in the same run, when
// `hugo` is installed. For each tool and size: pages written, median wall time of RUNS runs and
// its range, pages per second, peak resident memory; then Veille's wall time 10,000 / 1,000.
//
// The runs alternate, Veille then Hugo, RUNS times, each into a fresh folder: a machine that gets
// busy for a while slows both alike.
//
// `./dev.sh bench-scale` builds the site and the tools, installs Hugo, and runs this. Alone, once
// `dist/` (`./dev.sh build`) and the tools (`cargo build --profile prerender -p veille-build
// --bin veille-prerender --bin veille-content`) are built:
//
//   node bench/bench-scale.mjs
//
// Environment: RUNS (default 3), BENCH_DIR (where the work folders go, see below), SIZES (the
// archive sizes, comma-separated, increasing; default 1000,10000: smaller ones for a quick check),
// BASELINE (another veille-prerender binary, e.g. built from an earlier commit: it runs in turn
// with the others and gets a row of its own, to compare two versions in the same run).

import { spawn, spawnSync } from "node:child_process";
import { accessSync, constants, copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { availableParallelism, tmpdir } from "node:os";
import { basename, join } from "node:path";
import { DIST, TOOLS } from "../tests/e2e/paths.mjs";
import { median, range } from "./stats.mjs";

const RUNS = Number(process.env.RUNS ?? 3);
const SIZES = (process.env.SIZES ?? "1000,10000").split(",").map(Number);
if (!Number.isInteger(RUNS) || RUNS < 1) throw new Error(`RUNS must be a positive integer, not ${process.env.RUNS}`);
if (SIZES.some((n, i) => !Number.isInteger(n) || n < 1 || (i > 0 && n <= SIZES[i - 1]))) {
  throw new Error(`SIZES must be increasing positive integers, not ${process.env.SIZES}`);
}

const PRERENDER = join(TOOLS, "veille-prerender");
const BASELINE = process.env.BASELINE;
const CONTENT = join(TOOLS, "veille-content");
const SPA = join(DIST, "spa.html");
for (const file of [PRERENDER, CONTENT, SPA, ...(BASELINE ? [BASELINE] : [])]) {
  if (!exists(file)) throw new Error(`${file} is missing: build it first (./dev.sh bench-scale does)`);
}

// In memory (tmpfs) unless BENCH_DIR says otherwise: the figures are then the builds' own. On
// ext4, creating files shortly after many were deleted (an earlier run, a test) is several
// times slower for a few minutes (the inode allocator skips recently freed inodes), for Hugo
// as for Veille: BENCH_DIR=/tmp measures that disk as it is.
let base = process.env.BENCH_DIR ?? "/dev/shm";
if (!writableDir(base)) base = tmpdir();

function exists(path) {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

function writableDir(path) {
  try {
    accessSync(path, constants.W_OK);
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// Ctrl-C reaches the running command too (same process group), which then fails; either way
// the script stops at the next step and removes its work folders, instead of dying at once.
let interrupted = false;
process.on("SIGINT", () => {
  interrupted = true;
});

/** Runs a command to completion and resolves to its stdout; rejects, with its stderr, if it fails. */
function run(command, args, options = {}) {
  if (interrupted) return Promise.reject(new Error("interrupted"));
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ["ignore", "pipe", "pipe"], ...options });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (s) => (stdout += s));
    child.stderr.setEncoding("utf8").on("data", (s) => (stderr += s));
    child.on("error", reject);
    child.on("close", (status, signal) => {
      if (status === 0 && !interrupted) return resolve(stdout);
      const how = interrupted ? "interrupted" : signal ? `killed by ${signal}` : `exit status ${status}`;
      reject(new Error(`${command} ${args.join(" ")}: ${how}\n${stderr}`));
    });
  });
}

/**
 * Runs a command under /usr/bin/time, which writes the peak resident set (%M, in KB) to a file.
 * Returns the command's stdout, its wall time (measured here, around the whole process) and its
 * peak memory in KB.
 */
async function measure(command, args, options, timeFile) {
  const start = process.hrtime.bigint();
  const stdout = await run("/usr/bin/time", ["-f", "%M", "-o", timeFile, command, ...args], options);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const kb = Number(readFileSync(timeFile, "utf8").trim().split("\n").at(-1));
  return { stdout, seconds, kb };
}

/** The page count a prerender prints: its `--json` line, or the sentence of a binary without it. */
function prerenderedPages(stdout) {
  try {
    return JSON.parse(stdout).pages;
  } catch {
    return Number(stdout.match(/(\d+) pages/)?.[1]);
  }
}

/** The number of `index.html` files under `dir`: the pages of a Hugo build. */
function countPages(dir) {
  return readdirSync(dir, { recursive: true }).filter((path) => basename(path) === "index.html").length;
}

function hugoName() {
  const result = spawnSync("hugo", ["version"], { encoding: "utf8" });
  if (result.error || result.status !== 0) return null;
  // "hugo v0.111.3+extended linux/amd64 BuildDate=…" → "Hugo v0.111.3"
  return `Hugo ${result.stdout.split(/\s+/)[1].replace(/\+.*/, "")}`;
}

const thousands = (n) => n.toLocaleString("en-US");

// One row per (tool, articles): pages, median wall time and its range, pages/s, peak memory.
const header = ["", "articles", "pages", "wall (s)", "min–max", "pages/s", "peak (MB)"];
const widths = [24, 8, 8, 10, 10, 12, 10];
function row(name, articles, runs) {
  const pages = median(runs.map((r) => r.pages));
  const wall = median(runs.map((r) => r.seconds));
  const [min, max] = range(runs.map((r) => r.seconds));
  const peak = Math.max(...runs.map((r) => r.kb)) / 1024;
  console.log(
    [
      name.padEnd(24),
      String(articles).padStart(8),
      String(pages).padStart(8),
      wall.toFixed(2).padStart(10),
      `${min.toFixed(2).padStart(5)}–${max.toFixed(2).padEnd(5)}`,
      (pages / wall).toFixed(0).padStart(12),
      peak.toFixed(0).padStart(10),
    ].join(" "),
  );
}

const work = mkdtempSync(join(base, "veille-bench-scale-"));
try {
  const hugo = hugoName();
  const fstype = (await run("df", ["--output=fstype", work])).trim().split("\n").at(-1);
  console.log(
    `Prerender of synthetic archives, ${RUNS} runs each${hugo ? ", Veille and Hugo in turn" : ""} ` +
      `(${availableParallelism()} cores), into ${fstype} (${base})\n`,
  );
  if (!hugo) console.log("Hugo is not installed: the comparison with Hugo is skipped.\n");
  console.log(header.map((h, i) => (i === 0 ? h.padEnd(widths[i]) : h.padStart(widths[i]))).join(" "));

  const veilleWall = [];
  for (const n of SIZES) {
    const archive = join(work, `archive-${n}`);
    const site = join(work, `hugo-${n}`);
    await run(CONTENT, ["synthetic", String(n), archive, "7"]);
    // The same archive as a Hugo site (no related articles), built the same way.
    if (hugo) await run(CONTENT, ["hugo", String(n), site, "7"]);
    const veille = [];
    const baseline = [];
    const hugoRuns = [];
    // A fresh folder each run, all removed at the end (see above).
    const prerender = async (binary, args, name) => {
      const out = join(work, name);
      mkdirSync(out);
      copyFileSync(SPA, join(out, "index.html"));
      const v = await measure(binary, ["--content", archive, ...args, out], {}, join(work, "time"));
      return { ...v, pages: prerenderedPages(v.stdout) };
    };
    for (let r = 1; r <= RUNS; r++) {
      veille.push(await prerender(PRERENDER, ["--json"], `out-${n}-${r}`));
      if (BASELINE) baseline.push(await prerender(BASELINE, [], `baseline-out-${n}-${r}`));
      if (hugo) {
        const hugoOut = join(work, `hugo-out-${n}-${r}`);
        const h = await measure("hugo", ["--quiet", "-d", hugoOut], { cwd: site }, join(work, "time"));
        hugoRuns.push({ ...h, pages: countPages(hugoOut) });
      }
    }
    row("Veille (related incl.)", n, veille);
    if (BASELINE) row("Veille, BASELINE", n, baseline);
    if (hugo) row(`${hugo} (no related)`, n, hugoRuns);
    veilleWall.push(median(veille.map((r) => r.seconds)));
  }

  const [a, b] = [veilleWall[0], veilleWall.at(-1)];
  const [small, large] = [SIZES[0], SIZES.at(-1)];
  if (SIZES.length > 1 && a > 0) {
    const linear = Number((large / small).toFixed(1));
    console.log(`\nVeille wall time ${thousands(large)} / ${thousands(small)}: ${(b / a).toFixed(1)} (${linear} = linear)`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
