#!/usr/bin/env bash
# Starts a private PostgreSQL and a real Unleash server, both on 127.0.0.1 only, for the backend tests.
#
#   bash test/backends/unleash/start.sh WORK_DIR
#
# Everything lives in WORK_DIR (data, sockets, logs). WORK_DIR/state.env holds the PIDs, the URL and
# the admin token; `stop.sh WORK_DIR` stops both processes by PID. If the start fails half-way, what
# was started is stopped again before this script exits.
set -euo pipefail

harness_dir="$(cd "$(dirname "$0")" && pwd)"
work_dir="${1:?usage: start.sh WORK_DIR}"
mkdir -p "$work_dir"
work_dir="$(cd "$work_dir" && pwd)"
state_file="$work_dir/state.env"
: > "$state_file"

started=false
stop_on_failure() {
  if [ "$started" != true ]; then
    echo "start.sh: start failed; stopping what was started" >&2
    bash "$harness_dir/stop.sh" "$work_dir" >&2 || true
  fi
}
trap stop_on_failure EXIT

# Where run.sh installed unleash-server (its cache); by hand, `npm ci` in this folder also works.
install_dir="${UNLEASH_INSTALL_DIR:-$harness_dir}"
if [ ! -d "$install_dir/node_modules/unleash-server" ]; then
  echo "start.sh: unleash-server is not installed in $install_dir; run test/backends/unleash/run.sh (or 'npm ci' in $harness_dir)" >&2
  exit 1
fi

pg_bin="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  echo "start.sh: PostgreSQL is not installed (Debian: apt-get install -y postgresql)" >&2
  exit 1
fi

free_port() {
  node -e "const s = require('net').createServer(); s.listen(0, '127.0.0.1', () => { console.log(s.address().port); s.close(); });"
}

# PostgreSQL refuses to run as root, so as root the cluster belongs to the `postgres` user.
as_db_user() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

pg_dir="$work_dir/pg"
mkdir -p "$pg_dir"
if [ "$(id -u)" = 0 ]; then
  chmod 755 "$work_dir"
  chown postgres:postgres "$pg_dir"
fi
pg_port="$(free_port)"
as_db_user "$pg_bin/initdb" -D "$pg_dir" -A trust -U postgres --no-sync > "$work_dir/initdb.log" 2>&1
as_db_user "$pg_bin/pg_ctl" -D "$pg_dir" -l "$pg_dir/postgres.log" -w -t 60 \
  -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pg_dir -c fsync=off" start > /dev/null
pg_pid="$(head -n 1 "$pg_dir/postmaster.pid")"
echo "PG_PID=$pg_pid" >> "$state_file"
as_db_user "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres unleash

unleash_port="$(free_port)"
unleash_url="http://127.0.0.1:$unleash_port"
admin_token="*:*.$(node -e "console.log(require('crypto').randomBytes(24).toString('hex'))")"

HTTP_HOST=127.0.0.1 \
HTTP_PORT="$unleash_port" \
DATABASE_URL="postgres://postgres@127.0.0.1:$pg_port/unleash" \
DATABASE_SSL=false \
INIT_ADMIN_API_TOKENS="$admin_token" \
CHECK_VERSION=false \
SEND_TELEMETRY=false \
LOG_LEVEL=warn \
  node "$install_dir/node_modules/unleash-server/dist/server.js" > "$work_dir/unleash.log" 2>&1 &
unleash_pid=$!
echo "UNLEASH_PID=$unleash_pid" >> "$state_file"

# Poll /health until it answers, the process dies, or the deadline passes.
deadline=$(( $(date +%s) + 90 ))
until curl -fsS -o /dev/null "$unleash_url/health" 2>/dev/null; do
  if ! kill -0 "$unleash_pid" 2>/dev/null; then
    echo "start.sh: Unleash exited during start; last lines of its log:" >&2
    tail -n 20 "$work_dir/unleash.log" >&2
    exit 1
  fi
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "start.sh: Unleash did not answer $unleash_url/health within 90 s; last lines of its log:" >&2
    tail -n 20 "$work_dir/unleash.log" >&2
    exit 1
  fi
  sleep 0.3
done

{
  echo "UNLEASH_URL=$unleash_url"
  echo "UNLEASH_TOKEN='$admin_token'"
} >> "$state_file"
started=true
echo "start.sh: Unleash at $unleash_url (PostgreSQL on 127.0.0.1:$pg_port); state in $state_file"
