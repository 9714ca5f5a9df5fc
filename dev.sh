#!/usr/bin/env bash
# Veille's developer commands. Each one first installs whatever is missing, at pinned versions,
# and skips what is already there, so a second run starts working within seconds.
#
#   ./dev.sh serve    trunk serve on the bundled content, live reload, http://127.0.0.1:8080/
#   ./dev.sh build    the static site in dist/: release wasm + a prerendered page per route
#   ./dev.sh test     every check, in order, failing fast (CI runs exactly this: .ci/run)
#   ./dev.sh setup    only the installs
#   ./dev.sh content  rewrite the derived files of public/api/ after editing the articles
#   ./dev.sh audit    the accessibility audit alone (axe-core, keyboard, zoom, motion)
#   ./dev.sh bench    weights, phone-profile load times, navigation, archive of 100 vs 10,000,
#                     Lighthouse (both throttling methods) on each page type and its static twin
#   ./dev.sh bench-content   only the last: home page cost in API mode, 100 vs 10,000 articles
#   ./dev.sh bench-scale     prerender of synthetic archives of 1,000 and 10,000 articles, and Hugo
#   ./dev.sh bench-import    a 10,000-post WordPress imported, cold and incremental
#   ./dev.sh bench-publish   publishing from a 10,000-post WordPress and Ghost with veille-content watch
#   ./dev.sh bench-live      home page read live from WordPress vs from Veille's API
#   ./dev.sh bench-search    search over a 10,000-article archive: Veille's index vs Pagefind on the pages
#   ./dev.sh bench-cms       the test WordPress built by Veille vs served by Twenty Twenty-Three (Lighthouse)
#   ./dev.sh bench-images    the import's AVIF and JPEG copies of 1 and 100 camera photos: time, bytes
#   ./dev.sh covers          a PNG copy of each SVG cover, for share previews
#
# Needs rustup and cargo; installs the wasm32 target, trunk, wasm-bindgen-cli, binaryen's
# wasm-opt and Pagefind (npm), Debian's chromium, its headless shell and chromium-driver (apt),
# and Node.js if it is missing; for the tests, a WordPress and a Ghost to import from (Debian
# packages; npm, outside the clone).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
cd "$ROOT"

TRUNK_VERSION=0.22.1
# wasm-bindgen-cli must be the very version of the wasm-bindgen crate the app links.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/[^0-9.]/, ""); print; exit }' Cargo.lock)
E2E="$ROOT/tests/e2e"
BENCH="$ROOT/bench"

export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# trunk uses the tools above (Trunk.toml: offline) and never asks the network for its own version.
export TRUNK_SKIP_VERSION_CHECK=true

# Each step says when it starts, in seconds since the command began: where a run spends its time.
say() { printf '\n\033[1m==> %s\033[0m (%ss)\n' "$*" "$SECONDS"; }
die() { printf '\033[31merreur — %s\033[0m\n' "$*" >&2; exit 1; }

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi
}

apt_install() {
  say "apt-get install $*"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "$@" >/dev/null
}

# The first line of `cmd --version`, or nothing when cmd is missing.
version_of() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | head -n 1 || true; }

setup() {
  command -v cargo >/dev/null && command -v rustup >/dev/null || die "rustup et cargo sont nécessaires (https://rustup.rs)"
  [ -n "$WASM_BINDGEN_VERSION" ] || die "Cargo.lock ne fixe pas la version de wasm-bindgen"

  # The machine's own toolchain, plus the wasm32 target. No rust-toolchain.toml on purpose: with
  # `channel = "stable"` rustup would update the whole toolchain to the newest stable release
  # instead of adding one target to the toolchain the machine has.
  if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    say "rustup target add wasm32-unknown-unknown"
    rustup target add wasm32-unknown-unknown
  fi
  rustup component list --installed | grep -q '^clippy' || rustup component add clippy rustfmt

  if [ "$(version_of trunk)" != "trunk $TRUNK_VERSION" ]; then
    say "cargo install trunk $TRUNK_VERSION (about 8 minutes on 2 cores)"
    cargo install trunk --version "$TRUNK_VERSION" --locked --ignore-rust-version --force
  fi

  if [ "$(version_of wasm-bindgen)" != "wasm-bindgen $WASM_BINDGEN_VERSION" ]; then
    say "cargo install wasm-bindgen-cli $WASM_BINDGEN_VERSION"
    # Not --locked: its lockfile names a crate version the registry no longer has.
    cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
  fi

  local debs=()
  command -v chromium >/dev/null || debs+=(chromium)
  # The end-to-end tests' browser (tools/chromium.mjs): the same Chromium, a third of the work.
  [ -x /usr/lib/chromium/chromium-headless-shell ] || debs+=(chromium-headless-shell)
  command -v chromedriver >/dev/null || debs+=(chromium-driver)
  command -v node >/dev/null || debs+=(nodejs)
  command -v npm >/dev/null || debs+=(npm)
  [ ${#debs[@]} -eq 0 ] || apt_install "${debs[@]}"

  # binaryen's wasm-opt (Debian's binaryen 108 silently breaks the app), playwright-core, axe-core,
  # Pagefind, and TypeScript and ESLint for the scripts, pinned by package-lock.json (the repository's root); reinstalled only when the lockfile changes.
  local stamp="$ROOT/node_modules/.veille-lock"
  if ! cmp -s "$ROOT/package-lock.json" "$stamp"; then
    say "npm ci (binaryen, playwright-core, axe-core, pagefind, typescript, eslint)"
    (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
    cp "$ROOT/package-lock.json" "$stamp"
  fi

  export CHROMEDRIVER
  CHROMEDRIVER=$(command -v chromedriver)
  say "outils : $(version_of trunk), $(version_of wasm-bindgen), $(version_of wasm-opt), $(version_of chromium)"
}

# The real CMSs the tests run against, on 127.0.0.1, only for the test command: WordPress from
# Debian's packages (about a minute, +316 MB; tests/e2e/wordpress.mjs) and Ghost 5 from npm,
# cached outside the clone (about 6 minutes and 600 MB the first time; tests/e2e/ghost.mjs).
setup_cms() {
  setup_wordpress
  # Ghost's sqlite3 and re2 modules compile from source (node-gyp).
  local tools=()
  command -v g++ >/dev/null || tools+=(g++)
  command -v make >/dev/null || tools+=(make)
  command -v python3 >/dev/null || tools+=(python3)
  [ ${#tools[@]} -eq 0 ] || apt_install "${tools[@]}"
  say "Ghost 5 (npm, cached outside the clone)"
  local ghost
  ghost=$(tests/cms/ghost/install.sh)
  echo "$ghost"
}

# The camera photograph the test CMSs publish as a cover (5312 × 2988, CC0): a Debian package
# of wallpapers, 16 MB (tests/cms/wordpress/seed.php).
PHOTO=/usr/share/backgrounds/seeding_by_Clements_Engelhardt.jpg

setup_wordpress() {
  [ -f "$PHOTO" ] || apt_install --no-install-recommends lomiri-wallpapers-16.04
  if [ -f /usr/share/wordpress/wp-load.php ] && command -v php >/dev/null && command -v mariadbd >/dev/null \
    && php -m | grep -qx mysqli && php -m | grep -qx gd; then
    return
  fi
  # Installing them must not start Apache on :80 nor the system's MariaDB: on an image without
  # a policy-rc.d, one that forbids starting services, for the time of the install.
  local policy=/usr/sbin/policy-rc.d added=""
  if [ ! -e "$policy" ]; then
    printf '#!/bin/sh\nexit 101\n' | as_root tee "$policy" >/dev/null
    as_root chmod +x "$policy"
    added=1
  fi
  apt_install --no-install-recommends wordpress wordpress-l10n mariadb-server php-cli php-mysql php-xml \
    php-mbstring php-curl php-intl php-gd
  [ -z "$added" ] || as_root rm -f "$policy"
}

serve() {
  setup
  local port=${PORT:-8080}
  say "Veille IA — ouvrez http://127.0.0.1:$port/ (rechargement automatique, Ctrl+C pour arrêter)"
  exec trunk serve --address 127.0.0.1 --port "$port"
}

# The site to deploy, in dist/: trunk's release build with the `hydrate` feature (the full app:
# 404.html, spa.html), the `islands` one (the small wasm of the prerendered pages, into
# target/dist-islands, copied into dist/ by the prerender), then every route prerendered by the
# app's own components as a page of islands, whatever the content's source (plus 404.html,
# feed.xml, sitemap, robots.txt), and the search index.
# VEILLE_CONTENT=DIR prerenders from a content directory instead of the bundled content;
# VEILLE_LIVE="wordpress URL" or "ghost URL KEY" then has the running pages read that CMS
# instead of /api (what was published after the build shows at once).
build_site() {
  say "trunk build --release --features hydrate"
  trunk build --release --features hydrate
  say "trunk build --release --features islands --dist target/dist-islands"
  trunk build --release --features islands --dist "$ROOT/target/dist-islands"
  say "prerender"
  # veille-content too (the same library, seconds): the end-to-end tests write content APIs with it.
  cargo build --quiet --profile prerender -p veille-build --bin veille-prerender --bin veille-content
  if [ -n "${VEILLE_CONTENT:-}" ]; then
    # Content from a directory (an import of the newsroom's CMS): every page prerendered from it,
    # and the same content as the site's API at /api, which the pages read once running.
    [ -f "$VEILLE_CONTENT/site.json" ] || die "VEILLE_CONTENT=$VEILLE_CONTENT : pas de site.json (veille-content import …)"
    "$ROOT/target/prerender/veille-content" api "$VEILLE_CONTENT" >/dev/null
    local reads=(--api /api)
    if [ -n "${VEILLE_LIVE:-}" ]; then
      local kind url key
      read -r kind url key <<<"$VEILLE_LIVE"
      [ -n "${url:-}" ] || die "VEILLE_LIVE=« $VEILLE_LIVE » : « wordpress URL » ou « ghost URL CLÉ »"
      reads=(--api "$url" --kind "$kind" --key "${key:-}")
    fi
    "$ROOT/target/prerender/veille-prerender" --content "$VEILLE_CONTENT" "${reads[@]}" \
      --islands "$ROOT/target/dist-islands" "$ROOT/dist"
    rm -rf "$ROOT/dist/api"
    cp -r "$VEILLE_CONTENT" "$ROOT/dist/api"
    # The images' copies are served from /media/ (the prerender put them there), not twice.
    rm -rf "$ROOT/dist/api/import.json" "$ROOT/dist/api/publication.json" "$ROOT/dist/api/media"
  else
    "$ROOT/target/prerender/veille-prerender" --islands "$ROOT/target/dist-islands" "$ROOT/dist"
  fi
  # The site's own scripts, minified (tools/minify: a package of its own, see its Cargo.toml).
  minify_scripts "$ROOT/dist"
  # The search index: a record of each article (src/search.rs), indexed by Pagefind into
  # dist/pagefind/ (tools/build/search-index.mjs), which search.js reads in the browser.
  say "search index (Pagefind)"
  local records="$ROOT/target/search-records.json"
  "$ROOT/target/prerender/veille-content" search "$records" ${VEILLE_CONTENT:+"$VEILLE_CONTENT"}
  node "$ROOT/tools/build/search-index.mjs" "$records" "$ROOT/dist"
}

# The scripts of public/ (navigation.js, search.js, share.js) in the built site DIR, minified in place.
minify_scripts() {
  CARGO_TARGET_DIR="$ROOT/target" cargo build --quiet --release --manifest-path "$ROOT/tools/minify/Cargo.toml"
  "$ROOT/target/release/veille-minify" "$1/navigation.js" "$1/search.js" "$1/share.js"
}

# The style guide is not in the release: its accessibility audit runs on the trunk serve build.
build_styleguide() {
  say "trunk build --dist target/dist-styleguide (csr, for the style guide's audit)"
  trunk build --dist "$ROOT/target/dist-styleguide"
}

audit() {
  setup
  build_site
  build_styleguide
  node --test --test-reporter=spec "$E2E/a11y.test.mjs"
}

# Runs one step, keeping its output in $LOG so the test counts can be added up at the end.
LOG=""
step() {
  say "$*"
  "$@" 2>&1 | tee -a "$LOG"
}

# The content API the browser tests talk to: a real HTTP server on 127.0.0.1, on a free port,
# whose address the tests receive at compile time in VEILLE_TEST_API.
API_PID=""
start_content_api() {
  local port_file
  port_file=$(mktemp)
  node "$E2E/content-api-server.mjs" --port-file "$port_file" >/dev/null &
  API_PID=$!
  for _ in $(seq 100); do
    [ -s "$port_file" ] && break
    sleep 0.1
  done
  [ -s "$port_file" ] || die "le serveur d’API de test n’a pas démarré"
  export VEILLE_TEST_API="http://127.0.0.1:$(cat "$port_file")"
  rm -f "$port_file"
}
stop_content_api() {
  [ -z "$API_PID" ] || kill "$API_PID" 2>/dev/null || true
  API_PID=""
}

# Jobs in the background, each in a session of its own, so that stopping one stops what it
# started (Chromium, the CMSs); its output goes to a file, printed (and kept in $LOG) when it
# is waited for. start_job VAR FILE COMMAND…: VAR holds its process id until then.
start_job() {
  local var=$1 file=$2
  shift 2
  mkdir -p "$(dirname "$file")"
  setsid "$@" >"$file" 2>&1 &
  printf -v "$var" '%s' "$!"
}
# wait_job VAR FILE MESSAGE: stops the run with MESSAGE if the job failed.
wait_job() {
  local var=$1 file=$2 status=0
  wait "${!var}" || status=$?
  printf -v "$var" '%s' ""
  tee -a "$LOG" <"$file"
  [ "$status" = 0 ] || die "$3"
}
stop_job() {
  [ -z "${!1}" ] || kill -- -"${!1}" 2>/dev/null || true
  printf -v "$1" '%s' ""
}

# The release site, built while the lints and the native and browser tests run: its builds use
# Cargo's release and prerender directories, the others the debug ones, so neither waits for the
# other's lock, and each mostly keeps one core busy (a release wasm is linked and optimised on
# one thread).
BUILD_PID=""
BUILD_LOG="$ROOT/target/build-site.log"
# The end-to-end tests, started as soon as the release site is built, while the browser tests
# run: they mostly wait (a timeout on purpose, a CMS, a page).
E2E_PID=""
E2E_LOG="$ROOT/target/e2e.log"

run_tests() {
  setup
  setup_cms
  LOG=$(mktemp)
  trap 'rm -f "$LOG"; stop_content_api; stop_job BUILD_PID; stop_job E2E_PID' EXIT
  local wasm=(--target wasm32-unknown-unknown --features csr)

  say "the release site, built meanwhile into dist/ (./dev.sh build, its output in $BUILD_LOG)"
  start_job BUILD_PID "$BUILD_LOG" "$ROOT/dev.sh" build

  say "1/4 format and lints: host (prerender), wasm32 (csr, hydrate and islands), the scripts' types and lints"
  cargo fmt --all -- --check
  # The native crates: Veille's with the prerender's features, the build stage, the image copies.
  cargo clippy --workspace --all-targets --features ssr,styleguide -- -D warnings
  # The doc comments, read as a maintainer reads them: every link resolves.
  RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps --workspace --features ssr,styleguide --document-private-items
  cargo clippy --all-targets "${wasm[@]}" -- -D warnings
  cargo clippy --bin veille --target wasm32-unknown-unknown --features hydrate -- -D warnings
  cargo clippy --bin veille --target wasm32-unknown-unknown --features islands -- -D warnings
  # One mode per build: two at once are refused at compile time (src/lib.rs).
  if cargo check --quiet --lib --target wasm32-unknown-unknown --features hydrate,islands 2>"$LOG"; then
    die "les fonctionnalités hydrate et islands ensemble auraient dû être refusées"
  fi
  grep -q "un seul mode" "$LOG" || { cat "$LOG"; die "hydrate et islands : refusées, mais pas par src/lib.rs"; }
  cargo fmt --manifest-path tools/minify/Cargo.toml -- --check
  # The scripts of public/, type-checked by TypeScript from their JSDoc (tools/scripts/).
  "$ROOT/node_modules/.bin/tsc" -p tools/scripts/jsconfig.json
  # Every script of the repository (public/, tools/, tests/e2e/, bench/), linted (eslint.config.mjs).
  (cd "$ROOT" && node_modules/.bin/eslint --max-warnings 0 .)
  CARGO_TARGET_DIR="$ROOT/target" cargo clippy --all-targets --manifest-path tools/minify/Cargo.toml -- -D warnings

  say "2/4 native tests (pure logic, and the prerender of the whole site)"
  step cargo test --workspace --features ssr,styleguide
  CARGO_TARGET_DIR="$ROOT/target" step cargo test --manifest-path tools/minify/Cargo.toml

  say "3/4 the browser tests' wasm, the style guide's; the release site, built meanwhile"
  # The browser tests are one binary, tests/browser/ (a wasm linked and rewritten by wasm-bindgen
  # for nothing costs seconds): the library's unit tests are native.
  if grep -rl "wasm_bindgen_test" "$ROOT/src" "$ROOT"/tests/*.rs "$ROOT/crates"; then
    die "des tests wasm hors de tests/browser/ (ci-dessus) : ils n’y seraient pas lancés"
  fi
  start_content_api
  cargo test --no-run "${wasm[@]}" --test browser
  build_styleguide
  wait_job BUILD_PID "$BUILD_LOG" "la construction du site a échoué (ci-dessus)"

  say "4/4 browser tests (wasm-bindgen-test, headless Chromium, content API on 127.0.0.1), beside the end-to-end tests (the release build served from 127.0.0.1, in Chromium's headless shell)"
  # Three test files at a time, the longest first (tests/e2e/run.mjs; tools/chromium.mjs).
  start_job E2E_PID "$E2E_LOG" node "$E2E/run.mjs"
  # The whole browser run may take a while: the API tests wait for slow answers on purpose.
  WASM_BINDGEN_TEST_TIMEOUT=180 step cargo test "${wasm[@]}" --test browser
  stop_content_api
  say "node $E2E/run.mjs (started at the release site's end)"
  wait_job E2E_PID "$E2E_LOG" "des tests de bout en bout ont échoué (ci-dessus)"

  # One closing line for all runners: cargo's "N passed; M failed" and node's "ℹ pass N".
  awk '
    /^test result: / { for (i = 1; i <= NF; i++) { if ($(i+1) ~ /^passed/) p += $i; if ($(i+1) ~ /^failed/) f += $i } }
    /^ℹ pass / { p += $3 } /^ℹ fail / { f += $3 }
    END { printf "\nVeille: %d passed, %d failed\n", p, f }
  ' "$LOG"
  say "done"
}

# Benchmarks, not tests: they print figures. The release site is built first.
bench() {
  setup
  build_site
  say "article page: weights, cold load on a phone profile, client-side navigation"
  node "$BENCH/bench.mjs" "$ROOT/dist" "${RUNS:-5}"
  bench_content_only
  say "Lighthouse, both throttling methods, each page type and its static twin"
  LIGHTHOUSE=$(setup_lighthouse) node "$BENCH/bench-lighthouse.mjs" "$ROOT/dist"
  bench_cms_only
  bench_images
}

# What the import's own image copies cost (src/cms/media.rs): IMAGES photos (default 1 and 100)
# cut from the test CMSs' camera photograph, made, then imported again.
bench_images() {
  [ -f "$PHOTO" ] || apt_install --no-install-recommends lomiri-wallpapers-16.04
  cargo build --quiet --profile prerender -p veille-build --bin veille-content
  say "the import's image copies, made once per image (veille-content bench-images)"
  # shellcheck disable=SC2086 # IMAGES is a list of counts
  "$ROOT/target/prerender/veille-content" bench-images "$PHOTO" ${IMAGES:-1 100}
}

# A site built from the test WordPress (its camera photo), its photo article and home, against
# WordPress' own default theme serving the same posts, in the same run (bench/bench-cms.mjs).
bench_cms_only() {
  setup_wordpress
  [ -d /usr/share/wordpress/wp-content/themes/twentytwentythree ] \
    || apt_install --no-install-recommends wordpress-theme-twentytwentythree
  say "a newsroom's content: the test WordPress built by Veille, and served by its own theme"
  LIGHTHOUSE=$(setup_lighthouse) node "$BENCH/bench-cms.mjs" "${LIGHTHOUSE_RUNS:-3}"
}

# Lighthouse, pinned, for the benchmarks only (not the tests): npm's package cached outside the
# clone like Ghost (about 100 MB), reused by every checkout. Prints its command.
LIGHTHOUSE_VERSION=12.8.2
setup_lighthouse() {
  local dir="${XDG_CACHE_HOME:-$HOME/.cache}/veille/lighthouse-$LIGHTHOUSE_VERSION"
  if [ ! -x "$dir/node_modules/.bin/lighthouse" ]; then
    mkdir -p "$dir"
    npm install --silent --no-audit --no-fund --prefix "$dir" "lighthouse@$LIGHTHOUSE_VERSION" >&2
  fi
  echo "$dir/node_modules/.bin/lighthouse"
}

bench_content() {
  setup
  build_site
  bench_content_only
}

# The prerender step on synthetic archives of 1,000 and 10,000 articles, and Hugo on the same
# archives, run in turn: pages, wall time, pages per second, peak memory, medians of RUNS runs
# (default 3), and the ratio 10,000 / 1,000. BENCH_DIR: see bench/bench-scale.mjs.
bench_scale() {
  setup
  build_site
  cargo build --quiet --profile prerender -p veille-build --bin veille-prerender --bin veille-content
  # Hugo on the same machine in the same run, for the comparison the issue makes (Debian's 0.111).
  command -v hugo >/dev/null || apt_install hugo || true
  say "prerender of synthetic archives, Veille and Hugo in turn (bench/bench-scale.mjs)"
  node "$BENCH/bench-scale.mjs"
}

# A WordPress of POSTS more posts (default 10,000) on 127.0.0.1, imported cold and again after
# one post changed: wall time, requests, articles (bench/bench-import.mjs).
bench_import() {
  setup
  setup_wordpress
  cargo build --quiet --profile prerender -p veille-build --bin veille-content
  say "import of a large WordPress, cold and incremental"
  node "$BENCH/bench-import.mjs"
}

# Publishing with `veille-content watch` from a WordPress and a Ghost of SCALE more posts each
# (default 10,000; CMS=wordpress or ghost for one): N publishes, edits and unpublishes (default
# 20 each), from the save to the page served, next to a full rebuild and Hugo in the same run
# (bench/bench-publish.mjs).
bench_publish() {
  setup
  setup_cms
  build_site
  command -v hugo >/dev/null || apt_install hugo || true
  say "publishing from a large WordPress and a large Ghost (bench/bench-publish.mjs)"
  node "$BENCH/bench-publish.mjs"
}

# The home page rendered in the browser from a WordPress read live, and from the same content
# through Veille's own API, in the same run (bench/bench-live.mjs).
bench_live() {
  setup
  setup_wordpress
  build_site
  say "home page: WordPress read live vs Veille's API"
  node "$BENCH/bench-live.mjs"
}

# Search over a synthetic archive of N articles (default 10,000): indexing, index size, and the
# first and second queries on the phone profile, Veille's records vs Pagefind on the prerendered
# pages (bench/bench-search.mjs).
bench_search() {
  setup
  build_site
  say "search over a synthetic archive (bench/bench-search.mjs)"
  node "$BENCH/bench-search.mjs" "${N:-10000}"
}

# What the home page costs in API mode with 100 and 10,000 articles in the archive.
bench_content_only() {
  say "home page in API mode: archive of 100 vs 10,000 articles"
  # Global: the EXIT trap runs after this function has returned.
  BENCH_WORK=$(mktemp -d)
  trap 'rm -rf "$BENCH_WORK"' EXIT
  local work=$BENCH_WORK
  for n in 100 10000; do
    cargo run --quiet -p veille-build --bin veille-content -- synthetic "$n" "$work/archive-$n" 7
  done
  node "$BENCH/bench-content.mjs" "$ROOT/dist" "$work/archive-100" "$work/archive-10000"
}

case "${1:-}" in
  serve) serve ;;
  build) setup && build_site ;;
  audit) audit ;;
  test) run_tests ;;
  setup) setup ;;
  content) cargo run --quiet -p veille-build --bin veille-content -- api ;;
  covers) setup && node "$ROOT/tools/covers.mjs" ;;
  bench) bench ;;
  bench-content) bench_content ;;
  bench-scale) bench_scale ;;
  bench-import) bench_import ;;
  bench-publish) bench_publish ;;
  bench-live) bench_live ;;
  bench-search) bench_search ;;
  bench-cms) setup && build_site && bench_cms_only ;;
  bench-images) bench_images ;;
  *)
    sed -n '2,21p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
