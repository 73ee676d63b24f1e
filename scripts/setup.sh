#!/usr/bin/env bash
# Sets a fresh machine up for this repository: pnpm, the workspace's dependencies, and the system
# tools the tests run (PostgreSQL's server binaries, Python 3 with pytest, Go 1.19+), installed
# from Debian/Ubuntu with apt-get when this user is root or has sudo. The one place that knows
# those tools: the README's first command and .ci/run run it, `pnpm test` checks with it.
#
# Usage: scripts/setup.sh            install what is missing, then `pnpm install`
#        scripts/setup.sh --check    only check the system tools: exit 1 with one line naming
#                                    what is missing and how to install it; exit 0 printing the
#                                    environment the tests need (PG_BIN=<dir of pg_ctl>)
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=10.34.8
GO_MIN_MINOR=19

# The PostgreSQL server binaries' directory: $PG_BIN if set, else Debian's newest
# /usr/lib/postgresql/<v>/bin, else where pg_ctl is on PATH (Homebrew and others).
pg_bin() {
  local found
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/pg_ctl" ]; then
    echo "$PG_BIN"
    return
  fi
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$found" ] && [ -x "$found/pg_ctl" ]; then
    echo "$found"
  elif command -v pg_ctl >/dev/null 2>&1; then
    dirname "$(command -v pg_ctl)"
  fi
}

go_ok() {
  local minor
  minor="$(go version 2>/dev/null | sed -n 's/.* go1\.\([0-9][0-9]*\).*/\1/p')"
  [ -n "$minor" ] && [ "$minor" -ge "$GO_MIN_MINOR" ]
}

# Fills `missing` (each tool, with where to get it off Debian) and `packages` (the Debian
# packages that provide them).
find_missing() {
  missing=()
  packages=()
  if [ -z "$(pg_bin)" ]; then
    missing+=("PostgreSQL's server binaries (pg_ctl; https://www.postgresql.org/download)")
    packages+=(postgresql)
  fi
  if ! python3 -m pytest --version >/dev/null 2>&1; then
    missing+=("Python 3 with pytest (python3 -m pip install pytest)")
    packages+=(python3 python3-pytest)
  fi
  if ! go_ok; then
    missing+=("Go 1.$GO_MIN_MINOR+ (found: $(go version 2>/dev/null || echo none); https://go.dev/dl)")
    packages+=(golang-go)
  fi
}

missing_line() {
  local list="${missing[0]}" item
  for item in "${missing[@]:1}"; do list="$list; $item"; done
  echo "missing for the tests: $list. On Debian/Ubuntu: apt-get install -y ${packages[*]} (scripts/setup.sh runs it as root or with sudo)."
}

if [ "${1:-}" = "--check" ]; then
  find_missing
  if [ ${#missing[@]} -gt 0 ]; then
    missing_line >&2
    exit 1
  fi
  echo "PG_BIN=$(pg_bin)"
  exit 0
fi

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "--- installing pnpm $PNPM_VERSION (npm install -g)"
  npm install -g "pnpm@$PNPM_VERSION"
fi

find_missing
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  if command -v apt-get >/dev/null 2>&1 && { [ -z "$sudo" ] || command -v sudo >/dev/null 2>&1; }; then
    echo "--- installing ${packages[*]} with ${sudo:+sudo }apt-get"
    $sudo apt-get update -qq
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}"
    find_missing
  fi
  # The demo needs none of them: say what `pnpm test` will miss, and go on.
  if [ ${#missing[@]} -gt 0 ]; then
    echo "--- $(missing_line) (\`pnpm demo\` runs without them; \`pnpm test\` stops at once.)"
  fi
fi

echo "--- pnpm install"
# The version is the one packageManager pins: pnpm's "Update available!" box is noise here.
pnpm install --frozen-lockfile --config.update-notifier=false
