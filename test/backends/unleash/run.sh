#!/usr/bin/env bash
# The real-Unleash backend tests, start to finish: install what is missing, start PostgreSQL and
# Unleash on 127.0.0.1, seed flags, run test/backends/unleash.test.ts, and stop both servers by PID,
# also when a step fails or the run is interrupted.
#
#   bash test/backends/unleash/run.sh      (from anywhere; needs the root's npm dependencies)
set -euo pipefail

harness_dir="$(cd "$(dirname "$0")" && pwd)"
repo_dir="$(cd "$harness_dir/../../.." && pwd)"
unleash_version="$(node -p "require('$harness_dir/package.json').dependencies['unleash-server']")"
seconds_since() { echo $(( $(date +%s) - $1 )); }

if ! ls /usr/lib/postgresql/*/bin/initdb > /dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get > /dev/null; then
    echo "== installing PostgreSQL (Debian package)"
    apt-get update && apt-get install -y postgresql
  else
    echo "run.sh: PostgreSQL is missing; install the Debian package 'postgresql' (as root: apt-get install -y postgresql)" >&2
    exit 1
  fi
fi

# unleash-server is installed from this folder's lockfile into a cache named after the lockfile, outside
# the repository, so the checkout holds no copy of it and later runs reuse the install.
install_hash="$(cat "$harness_dir/package.json" "$harness_dir/package-lock.json" | sha256sum | cut -c1-12)"
export UNLEASH_INSTALL_DIR="${FLAGLENS_UNLEASH_CACHE:-$HOME/.cache/flaglens-unleash}/unleash-$install_hash"
if [ ! -f "$UNLEASH_INSTALL_DIR/.installed" ]; then
  echo "== installing unleash-server $unleash_version into $UNLEASH_INSTALL_DIR"
  started_at=$(date +%s)
  rm -rf "$UNLEASH_INSTALL_DIR"
  mkdir -p "$UNLEASH_INSTALL_DIR"
  cp "$harness_dir/package.json" "$harness_dir/package-lock.json" "$UNLEASH_INSTALL_DIR/"
  (cd "$UNLEASH_INSTALL_DIR" && npm ci --no-audit --no-fund --loglevel=error)
  touch "$UNLEASH_INSTALL_DIR/.installed"
  echo "   installed in $(seconds_since "$started_at") s"
fi

work_dir="$(mktemp -d "${TMPDIR:-/tmp}/flaglens-unleash.XXXXXX")"
status=0
step_pid=""
# Bash runs a signal's trap only after a foreground command ends; `wait` returns at once instead.
run_step() {
  "$@" &
  step_pid=$!
  wait "$step_pid"
  step_pid=""
}
finish() {
  if [ -n "$step_pid" ]; then kill "$step_pid" 2>/dev/null || true; fi
  if [ "$status" != 0 ] && [ -f "$work_dir/unleash.log" ]; then
    echo "== last lines of the Unleash log"
    tail -n 30 "$work_dir/unleash.log"
  fi
  echo "== stopping Unleash and PostgreSQL"
  bash "$harness_dir/stop.sh" "$work_dir"
}
trap 'status=$?; finish; exit $status' EXIT
trap 'exit 130' INT TERM

echo "== starting PostgreSQL and Unleash on 127.0.0.1"
started_at=$(date +%s)
run_step bash "$harness_dir/start.sh" "$work_dir"
echo "   started in $(seconds_since "$started_at") s"
set -a
# shellcheck disable=SC1091
. "$work_dir/state.env"
set +a

cd "$repo_dir"
echo "== seeding flags"
run_step node --import tsx "$harness_dir/seed.ts"

echo "== backend tests (the backend, then the bundled language server, against this Unleash)"
started_at=$(date +%s)
run_step node esbuild.mjs
run_step node --import tsx --test test/backends/unleash.test.ts test/backends/unleash.protocol.test.ts
echo "   tests passed in $(seconds_since "$started_at") s"
