#!/usr/bin/env bash
# Installs Ghost 5 from npm into a cache outside the clone (about 6 minutes and 600 MB the first
# time: sqlite3 and re2 compile from source), for the tests to run it on 127.0.0.1
# (tests/e2e/ghost.mjs). Idempotent: a complete install is left as it is. Prints its folder.
#
#   tests/cms/ghost/install.sh [DIR]     default: ${XDG_CACHE_HOME:-~/.cache}/veille/ghost-$VERSION
set -euo pipefail
VERSION=5.130.6
DIR=${1:-${XDG_CACHE_HOME:-$HOME/.cache}/veille/ghost-$VERSION}

# sqlite3 is its database; sharp (an optional dependency, from npm's prebuilt packages) makes
# the sizes of uploaded images: without it Ghost refuses an upload (the test photo's).
complete() { [ -f "$DIR/.veille-complete" ] && (cd "$DIR" && node -e "require('sqlite3'); require('sharp')") >/dev/null 2>&1; }
if complete; then
  echo "$DIR"
  exit 0
fi

command -v npm >/dev/null || { echo "Ghost : npm est introuvable" >&2; exit 1; }
rm -rf "$DIR" && mkdir -p "$DIR"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "ghost@$VERSION" >/dev/null)
tar -xzf "$work/ghost-$VERSION.tgz" -C "$DIR" --strip-components=1
# Its devDependencies include a package hosted outside the registries, and npm does not read
# yarn's `resolutions`: the same pins as npm `overrides`.
node -e '
  const fs = require("fs");
  const file = process.argv[1];
  const pkg = JSON.parse(fs.readFileSync(file, "utf8"));
  pkg.devDependencies = {};
  if (pkg.resolutions) pkg.overrides = { ...(pkg.overrides || {}), ...pkg.resolutions };
  fs.writeFileSync(file, JSON.stringify(pkg, null, 2));
' "$DIR/package.json"
# sqlite3's and re2's prebuilt binaries are downloaded from outside the registry: without a
# network they build from source against Node's own headers.
(cd "$DIR" && npm_config_nodedir=/usr npm install --omit=dev --legacy-peer-deps --no-audit --no-fund --loglevel=error)
(cd "$DIR" && node -e "require('sqlite3'); require('sharp')")
touch "$DIR/.veille-complete"
echo "$DIR"
