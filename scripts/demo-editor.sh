#!/usr/bin/env bash
# `npm run demo:editor`: FlagLens in a real VS Code in the browser. Installs code-server (and Node 24)
# on first use, builds and installs the .vsix, opens a copy of examples/demo, and prints the URL.
# Ctrl+C stops everything it started. FLAGLENS_DEMO_PORT picks the port (default 8080, else a free one).
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$REPO_ROOT"
source test/e2e/lib.sh

e2e_install --no-browser
e2e_build_vsix

tmp=$(mktemp -d "${TMPDIR:-/tmp}/flaglens-demo.XXXXXX")
cleanup() {
  e2e_stop
  rm -rf "$tmp"
  echo "stopped code-server and removed $tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

e2e_prepare_home "$tmp"
# A copy, so the quick fixes tried in the demo leave the repository's example as it is.
cp -r examples/demo "$tmp/demo"
e2e_install_vsix
port=${FLAGLENS_DEMO_PORT:-8080}
if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then E2E_PORT=$port; else E2E_PORT=; fi
e2e_start_code_server "$tmp/demo"

cat <<TEXT

FlagLens is running in VS Code (code-server) with the demo workspace:

    $E2E_URL/?folder=$tmp/demo

Open src/server/checkout.ts and rest the mouse on a flag check, open Problems (Ctrl+Shift+M), put the
cursor on 'new-chekout' in src/server/emails.ts and press Ctrl+. for the quick fix; the Flags view is
in the Explorer. Only this machine can reach it (127.0.0.1); forward the port to open it from elsewhere.
Press Ctrl+C to stop.
TEXT
wait "${E2E_PIDS[0]}"
