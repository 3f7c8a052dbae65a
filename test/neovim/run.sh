#!/usr/bin/env bash
# `npm run test:neovim`: the README's Neovim 0.7 recipe, taken from the README as it is written, in a
# headless Neovim on a copy of examples/demo. check.lua opens a file with known findings and asserts
# the diagnostics the server publishes (Neovim 0.7 cannot pull them), an edit's new ones, and a hover.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$REPO_ROOT"

command -v nvim >/dev/null || { echo "nvim is missing (Debian: apt-get install -y neovim)" >&2; exit 1; }
echo "== $(nvim --version | head -1)"
npm run build --silent

tmp=$(mktemp -d "${TMPDIR:-/tmp}/flaglens-neovim.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# A copy, so the test's edit never reaches the repository's example.
cp -r examples/demo "$tmp/demo"

# The first lua block under the README's "Neovim 0.7" heading, pointed at this checkout.
awk '/^### Neovim 0\.7/ { found = 1 } found && /^```lua$/ { inside = 1; next } inside && /^```$/ { exit } inside { print }' README.md \
  | sed "s#/path/to/flaglens#$REPO_ROOT#" > "$tmp/init.lua"
grep -q "$REPO_ROOT/server/out/server.js" "$tmp/init.lua" \
  || { echo "README.md has no Neovim 0.7 recipe that runs /path/to/flaglens/server/out/server.js" >&2; exit 1; }

# A private home: Neovim writes its log, shada and swap under the XDG folders, the server its code cache.
home="$tmp/home"
mkdir -p "$home"
status=0
(cd "$tmp/demo" && env HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
  XDG_STATE_HOME="$home/.local/state" XDG_CACHE_HOME="$home/.cache" \
  timeout 180 nvim --headless -n -i NONE -u "$tmp/init.lua" -c "luafile $REPO_ROOT/test/neovim/check.lua") || status=$?
if [ "$status" -ne 0 ]; then
  [ "$status" -eq 124 ] && echo "nvim did not finish within 180 s" >&2
  echo "--- Neovim's LSP log:" >&2
  tail -n 60 "$home/.cache/nvim/lsp.log" >&2 2>/dev/null || true
  exit 1
fi
