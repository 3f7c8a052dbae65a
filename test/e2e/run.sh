#!/usr/bin/env bash
# End-to-end tests in a real VS Code (`npm run test:e2e`): code-server on 127.0.0.1 with FlagLens's .vsix
# installed, driven by headless Debian Chromium through playwright-core.
#   1. the tokenizer test: VS Code's own TextMate engine applies syntaxes/flaglens-keys.tmLanguage.json;
#   2. the Mocha suite inside the extension host (test/e2e/suite), loaded through the workbench URL's payload;
#   3. the UI test (test/e2e/ui.test.ts): hover, Problems, quick fix and the Flags view, with screenshots.
# Installs what is missing on first use (see lib.sh); screenshots go to artifacts/e2e/.
set -euo pipefail
REPO_ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$REPO_ROOT"
source test/e2e/lib.sh

started=$SECONDS
e2e_install
e2e_log "installed in $((SECONDS - started)) s"
e2e_build_vsix
node test/e2e/build.mjs

tmp=$(mktemp -d "${TMPDIR:-/tmp}/flaglens-e2e.XXXXXX")
cleanup() {
  e2e_stop
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

e2e_prepare_home "$tmp"
# Each part gets its own copy of the demo workspace: the suite edits files in the editor.
cp -r examples/demo "$tmp/suite-workspace"
cp -r examples/demo "$tmp/ui-workspace"
e2e_install_vsix
e2e_start_code_server
e2e_log "code-server $("$CODE_SERVER" --version 2>/dev/null | head -1 | cut -d' ' -f1) at $E2E_URL"

export FLAGLENS_E2E_URL="$E2E_URL" FLAGLENS_E2E_TMP="$tmp" FLAGLENS_E2E_ARTIFACTS="$REPO_ROOT/artifacts/e2e"
export FLAGLENS_E2E_SUITE_WORKSPACE="$tmp/suite-workspace" FLAGLENS_E2E_UI_WORKSPACE="$tmp/ui-workspace"
export FLAGLENS_CODE_SERVER_VSCODE="$CODE_SERVER_DIR/node_modules/code-server/lib/vscode"
rm -rf "$FLAGLENS_E2E_ARTIFACTS"

# FLAGLENS_E2E_ONLY="ui" (or "grammar extension-host") runs some of the parts, while working on them.
parts=" ${FLAGLENS_E2E_ONLY:-grammar extension-host ui} "
failed=()
if [[ $parts == *" grammar "* ]]; then
  e2e_log "TextMate grammar in VS Code's tokenizer"
  node --import tsx --test test/e2e/grammar.test.ts || failed+=(grammar)
fi
if [[ $parts == *" extension-host "* ]]; then
  e2e_log "extension-host suite (Mocha in code-server's extension host)"
  node --import tsx test/e2e/extension-tests.ts || failed+=(extension-host)
fi
if [[ $parts == *" ui "* ]]; then
  e2e_log "UI test with the installed .vsix (screenshots in artifacts/e2e)"
  node --import tsx --test test/e2e/ui.test.ts || failed+=(ui)
fi

if [ ${#failed[@]} -gt 0 ]; then
  echo "end-to-end tests failed: ${failed[*]} (code-server log: kept below)"
  tail -n 40 "$tmp/code-server.log"
  exit 1
fi
e2e_log "end-to-end tests passed in $((SECONDS - started)) s"
